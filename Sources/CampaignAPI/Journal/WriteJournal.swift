import CampaignModel
import Foundation
import Synchronization

/// Where a `CampaignClient` records its writes: an audit line for every write attempt, and a
/// snapshot of the campaign's record before each update, stop and delete. Set it in
/// `ClientOptions.journal`; both the command line and the terminal UI get it from their client.
///
/// A journal never stops a write: when `audit` or `snapshot` throws (disk full, unwritable
/// directory), the error goes to `report` and the write goes on.
public struct WriteJournal: Sendable {
    public var audit: @Sendable (AuditEntry) throws -> Void
    /// Writes a snapshot; answers its name.
    public var snapshot: @Sendable (CampaignSnapshot) throws -> String
    /// Told of each journal failure, in a sentence.
    public var report: @Sendable (String) -> Void
    /// Secrets to hide from every line besides the client's own (say, a client secret resolved
    /// while a ready-made JWT signs).
    public var secrets: [Secret] = []
    /// Names of campaigns and lists this client read lately, for lines about writes that carry only an id.
    let names = NameMemory()

    public init(audit: @escaping @Sendable (AuditEntry) throws -> Void,
                snapshot: @escaping @Sendable (CampaignSnapshot) throws -> String,
                report: @escaping @Sendable (String) -> Void) {
        self.audit = audit
        self.snapshot = snapshot
        self.report = report
    }

    /// The journal on disk: `log` and `snapshots`.
    public static func files(log: AuditLog, snapshots: SnapshotStore, secrets: [Secret] = [],
                             report: @escaping @Sendable (String) -> Void) -> WriteJournal {
        var journal = WriteJournal(audit: { try log.append($0) }, snapshot: { try snapshots.write($0) }, report: report)
        journal.secrets = secrets
        return journal
    }
}

/// Names a write in the audit log when it is part of something larger: a create made by
/// `clone` or by `restore`. Set around the call with `WriteLabel.$current.withValue(…)`.
public struct WriteLabel: Sendable {
    public var operation: String
    public var detail: String?

    public init(operation: String, detail: String? = nil) {
        self.operation = operation
        self.detail = detail
    }

    @TaskLocal public static var current: WriteLabel?
}

/// The HTTP status of the last reply the client took as a success, for the journal.
final class ReplyProbe: Sendable {
    private let value = Mutex<Int?>(nil)
    var status: Int? { value.withLock { $0 } }
    func record(_ status: Int) { value.withLock { $0 = status } }

    @TaskLocal static var current: ReplyProbe?
}

/// A bounded memory of id → name for campaigns and contact lists.
final class NameMemory: Sendable {
    private let campaigns = Mutex<[String: String]>([:])
    private let lists = Mutex<[String: String]>([:])
    static let limit = 2_000

    func campaign(_ id: String?) -> String? { id.flatMap { id in campaigns.withLock { $0[id] } } }
    func campaignId(named name: String?) -> String? {
        guard let name else { return nil }
        return campaigns.withLock { $0.first { $0.value == name }?.key }
    }
    func contactList(_ id: String?) -> String? { id.flatMap { id in lists.withLock { $0[id] } } }

    func rememberCampaign(_ id: String?, _ name: String?) { Self.remember(id, name, in: campaigns) }
    func rememberList(_ id: String?, _ name: String?) { Self.remember(id, name, in: lists) }

    private static func remember(_ id: String?, _ name: String?, in store: borrowing Mutex<[String: String]>) {
        guard let id, let name else { return }
        store.withLock { names in
            if names.count >= limit { names.removeAll() }
            names[id] = name
        }
    }
}
