import CNcursesw
import Foundation

/// Gives the terminal back on every way out. SIGTERM, SIGHUP and SIGINT are recorded for the
/// event loop, which leaves cleanly; crash signals restore the terminal and then die as usual.
public enum TerminalSignals {
    nonisolated(unsafe) private static var received: sig_atomic_t = 0
    private static let graceful: [Int32] = [SIGTERM, SIGHUP, SIGINT]
    private static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// The last graceful signal received, if any, and forgets it.
    public static func take() -> Int32? {
        let value = received
        guard value != 0 else { return nil }
        received = 0
        return value
    }

    static func install() {
        for number in graceful { signal(number) { TerminalSignals.received = $0 } }
        for number in fatal {
            signal(number) { number in
                endwin()
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        signal(SIGPIPE, SIG_IGN)
    }

    static func uninstall() {
        for number in graceful + fatal { signal(number, SIG_DFL) }
    }
}
