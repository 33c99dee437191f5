#if canImport(Glibc)
import Glibc
#endif

/// Gives memory freed by bulk work back to the system. Loading 100,000 campaigns leaves a few
/// hundred megabytes of freed page garbage spread among the rows kept; glibc holds it until asked
/// (`malloc_trim`, looked up at run time: Swift's Glibc module does not export `<malloc.h>`), so
/// the resident size would stay at the load's peak.
enum MemoryTrim {
    #if canImport(Glibc)
    private typealias Trim = @convention(c) (Int) -> Int32
    private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
    #endif

    static func afterBulkWork() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }
}
