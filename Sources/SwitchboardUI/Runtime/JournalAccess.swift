import CampaignAPI
import CampaignModel
import Foundation

/// Where the terminal UI reads what the client's journal wrote: the audit log and the snapshots
/// (the same files the command line's `audit` and `snapshot` read), and how it restores a
/// snapshot (the client's `restorePlan` and `restore`, as `switchboard restore` does). Nil in the demo.
public struct JournalAccess: Sendable {
    public let auditLog: AuditLog
    public let snapshots: SnapshotStore
    /// What restoring a snapshot would do (reads the campaign on the server).
    public var plan: @Sendable (CampaignSnapshot) async throws -> RestorePlan
    /// Carries a plan out: (plan, the old id, the snapshot's name).
    public var restore: @Sendable (RestorePlan, String, String) async throws -> RestoreOutcome

    public init(auditLog: AuditLog, snapshots: SnapshotStore,
                plan: @escaping @Sendable (CampaignSnapshot) async throws -> RestorePlan
                    = { _ in throw CampaignService.Unimplemented(name: "journal.plan") },
                restore: @escaping @Sendable (RestorePlan, String, String) async throws -> RestoreOutcome
                    = { _, _, _ in throw CampaignService.Unimplemented(name: "journal.restore") }) {
        self.auditLog = auditLog
        self.snapshots = snapshots
        self.plan = plan
        self.restore = restore
    }

    /// The journal's files, restoring through `client`.
    public static func live(auditLog: AuditLog, snapshots: SnapshotStore, client: CampaignClient) -> JournalAccess {
        JournalAccess(auditLog: auditLog, snapshots: snapshots,
                      plan: { snapshot in try await client.restorePlan(snapshot) },
                      restore: { plan, oldId, name in try await client.restore(plan, oldId: oldId, snapshotName: name) })
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

extension RestoreProposal.Plan {
    init(_ plan: RestorePlan) {
        switch plan {
        case .recreate(let form): self = .recreate(form)
        case .update(let current, let restored, let changes): self = .update(current: current, restored: restored, changes: changes)
        case .unchanged: self = .unchanged
        }
    }

    /// The client's plan again; nil for `unchanged` (nothing to carry out).
    var restorePlan: RestorePlan? {
        switch self {
        case .recreate(let form): return .recreate(form)
        case .update(let current, let restored, let changes): return .update(current: current, restored: restored, changes: changes)
        case .unchanged: return nil
        }
    }
}
