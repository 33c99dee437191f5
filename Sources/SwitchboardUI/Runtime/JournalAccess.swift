import CampaignAPI
import Foundation

/// Where the terminal UI reads what the client's journal wrote: the audit log and the snapshots
/// (the same files the command line's `audit` and `snapshot` read). Nil in the demo.
public struct JournalAccess: Sendable {
    public let auditLog: AuditLog
    public let snapshots: SnapshotStore

    public init(auditLog: AuditLog, snapshots: SnapshotStore) {
        self.auditLog = auditLog
        self.snapshots = snapshots
    }

    /// The log's entries and whether its file exists (a log rotated away still counts).
    func readAudit() -> AuditLoad {
        let read = auditLog.entries()
        let exists = FileManager.default.fileExists(atPath: auditLog.url.path) || !read.entries.isEmpty
        return .read(entries: read.entries, path: auditLog.url.path, exists: exists, unreadable: read.problems.count)
    }

    func readSnapshots() -> SnapshotsLoad {
        let listed = snapshots.list()
        return .read(snapshots: listed.snapshots, directory: snapshots.directory.path, unreadable: listed.problems.count)
    }
}
