import CampaignModel
import Foundation

/// The audit log: one JSON line per write attempt in `audit.jsonl` (mode 0600, in a 0700
/// directory). Each line goes to the file in a single `write()` on a descriptor opened with
/// `O_APPEND`, so lines from several tasks or processes never interleave. Past `maxBytes` the
/// file is rotated (`audit.jsonl` → `audit.1.jsonl` → `audit.2.jsonl` …, `keepRotated` kept).
public struct AuditLog: Sendable {
    public let url: URL
    public var maxBytes: Int
    public var keepRotated: Int

    public static let defaultMaxBytes = 10 * 1024 * 1024

    public init(url: URL, maxBytes: Int = defaultMaxBytes, keepRotated: Int = 3) {
        self.url = url
        self.maxBytes = maxBytes
        self.keepRotated = max(1, keepRotated)
    }

    /// `audit.jsonl` in the state directory.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> AuditLog {
        AuditLog(url: StateDirectory.switchboard(environment: environment).appendingPathComponent("audit.jsonl"))
    }

    /// Appends `entry` as one line.
    public func append(_ entry: AuditEntry) throws {
        try append(line: entry.json.serialized())
    }

    /// Appends `line` (which must hold no newline) and a newline in one `write()`.
    public func append(line: String) throws {
        try StateDirectory.prepare(url.deletingLastPathComponent())
        var fd = try open()
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        var info = stat()
        if fstat(fd, &info) == 0, info.st_size > 0, Int(info.st_size) + bytes.count > maxBytes {
            rotate(holding: fd, inode: info.st_ino)
            close(fd)
            fd = try open()
        }
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw written < 0 ? JournalError.system("write", url.path)
                : JournalError("cannot write \(url.path): only \(written) of \(bytes.count) bytes written (disk full?)")
        }
    }

    private func open() throws -> Int32 {
        let fd = Foundation.open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JournalError.system("open", url.path) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & 0o077 != 0 { _ = fchmod(fd, 0o600) }
        return fd
    }

    /// Moves the full file aside, under an exclusive lock so that two processes rotating at once
    /// rotate once: whoever finds the path already pointing at a new file leaves it.
    private func rotate(holding fd: Int32, inode: ino_t) {
        guard flock(fd, LOCK_EX) == 0 else { return }
        defer { _ = flock(fd, LOCK_UN) }
        var current = stat()
        guard stat(url.path, &current) == 0, current.st_ino == inode else { return }
        _ = unlink(rotated(keepRotated).path)
        if keepRotated > 1 {
            for index in stride(from: keepRotated - 1, through: 1, by: -1) {
                _ = rename(rotated(index).path, rotated(index + 1).path)
            }
        }
        _ = rename(url.path, rotated(1).path)
    }

    /// `audit.N.jsonl`.
    public func rotated(_ index: Int) -> URL {
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(base).\(index).\(url.pathExtension)")
    }

    /// Every entry, oldest first (the rotated files, then the current one), and a line for each
    /// line that could not be read.
    public func entries() -> (entries: [AuditEntry], problems: [String]) {
        var entries: [AuditEntry] = []
        var problems: [String] = []
        let files = stride(from: keepRotated, through: 1, by: -1).map(rotated) + [url]
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
            where !line.isEmpty {
                if let json = try? JSONValue.parse(Data(line)), let entry = AuditEntry(json: json) {
                    entries.append(entry)
                } else {
                    problems.append("\(file.lastPathComponent) line \(number + 1) is not an audit entry")
                }
            }
        }
        return (entries, problems)
    }
}
