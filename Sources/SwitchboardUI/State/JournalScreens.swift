import CampaignModel
import CampaignAPI
import Foundation

/// The `:audit` screen: the audit log, newest first.
public struct AuditScreenState: Equatable, Sendable {
    /// Newest first.
    public var entries: [AuditEntry] = []
    public var loading = false
    /// Why there is nothing to show ("no audit log yet at …"); nil when entries show.
    public var message: String?
    /// The first entry shown.
    public var scroll = 0
    public init() {}
}

/// The `:snapshots` screen: the snapshots kept before writes, newest first, and the one open.
public struct SnapshotsScreenState: Equatable, Sendable {
    /// Newest first.
    public var snapshots: [StoredSnapshot] = []
    public var loading = false
    /// Why there is nothing to show; nil when snapshots show.
    public var message: String?
    public var selected = 0
    /// The first line shown of the open snapshot's JSON.
    public var textScroll = 0
    public init() {}

    public var selectedSnapshot: StoredSnapshot? { snapshots.indices.contains(selected) ? snapshots[selected] : nil }
}

/// What reading the audit log found: data, worded by the update.
public enum AuditLoad: Equatable, Sendable {
    /// This session keeps no journal (the demo).
    case noJournal
    /// The entries (oldest first, as the log holds them), the file read, whether it exists, and
    /// how many lines could not be read.
    case read(entries: [AuditEntry], path: String, exists: Bool, unreadable: Int)
}

/// What listing the snapshots found.
public enum SnapshotsLoad: Equatable, Sendable {
    case noJournal
    /// Oldest first, as the store lists them; `unreadable`: files that are not snapshots.
    case read(snapshots: [StoredSnapshot], directory: String, unreadable: Int)
}

/// What restoring a snapshot would do, as the confirmation shows it and the restore carries out.
public struct RestoreProposal: Equatable, Sendable {
    public enum Plan: Equatable, Sendable {
        /// The campaign is gone: created again from the snapshot; the platform gives a new id.
        case recreate(Campaign)
        /// The campaign exists: these fields are put back through the safe save.
        case update(current: Campaign, restored: Campaign, changes: [FieldChange])
        /// It already holds the snapshot's values.
        case unchanged
    }

    public let snapshotName: String
    public let campaignName: String
    /// The id the snapshot was taken of.
    public let campaignId: String
    public let takenAt: Date
    public let plan: Plan

    public init(snapshotName: String, campaignName: String, campaignId: String, takenAt: Date, plan: Plan) {
        self.snapshotName = snapshotName
        self.campaignName = campaignName
        self.campaignId = campaignId
        self.takenAt = takenAt
        self.plan = plan
    }
}

/// What a restore did.
public enum RestoreResult: Equatable, Sendable {
    case recreated(newId: String)
    case updated
    case unchanged
}
