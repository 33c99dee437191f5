import Foundation

/// Where Switchboard keeps what it writes for itself: `$XDG_STATE_HOME/switchboard` (an absolute
/// `XDG_STATE_HOME` only, as the XDG spec says), else `~/.local/state/switchboard`.
public enum StateDirectory {
    public static func switchboard(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let state: URL
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            state = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            state = home.appendingPathComponent(".local/state", isDirectory: true)
        }
        return state.appendingPathComponent("switchboard", isDirectory: true)
    }

    /// Creates `directory` (and its parents) readable by the user alone; an existing one is
    /// narrowed to 0700.
    static func prepare(_ directory: URL) throws {
        var info = stat()
        if stat(directory.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            if info.st_mode & 0o077 != 0 { _ = chmod(directory.path, 0o700) }
            return
        }
        // mkdir -p, each missing level 0700, failing with the level and the system's reason.
        var path = ""
        for component in directory.standardizedFileURL.pathComponents where component != "/" {
            path += "/" + component
            if mkdir(path, 0o700) == 0 { continue }
            let failure = errno
            var existing = stat()
            if failure == EEXIST, stat(path, &existing) == 0, existing.st_mode & S_IFMT == S_IFDIR { continue }
            errno = failure == EEXIST ? ENOTDIR : failure
            throw JournalError.system("create the directory", path)
        }
    }
}

/// A journal file could not be written or read; says which and why.
public struct JournalError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }

    /// The last system error, worded: "cannot write /x/audit.jsonl: No space left on device".
    static func system(_ what: String, _ path: String) -> JournalError {
        JournalError("cannot \(what) \(path): \(String(cString: strerror(errno)))")
    }
}
