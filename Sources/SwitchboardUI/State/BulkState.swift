import Foundation
import CampaignModel

/// What a bulk action does to each marked campaign.
public enum BulkOperation: Equatable, Sendable {
    case start, stop, delete
    /// A new priority (1–5), saved through the safe save.
    case priority(Int)
    /// A new days array, copied as is ("same local times": each campaign keeps its timezone),
    /// saved through the safe save.
    case callingHours([CallingDay])

    /// "stopping", as the progress line says it.
    var progressVerb: String {
        switch self {
        case .start: return "starting"
        case .stop: return "stopping"
        case .delete: return "deleting"
        case .priority, .callingHours: return "saving"
        }
    }

    /// "stopped", as a row's result says it.
    var doneVerb: String {
        switch self {
        case .start: return "started"
        case .stop: return "stopped"
        case .delete: return "deleted"
        case .priority, .callingHours: return "saved"
        }
    }

    /// The confirming button's word.
    var buttonVerb: String {
        switch self {
        case .start: return "Start"
        case .stop: return "Stop"
        case .delete: return "Delete"
        case .priority, .callingHours: return "Save"
        }
    }
}

/// One campaign of a bulk run: who, what, and (for an edit) the `updatedAt` the list showed, so
/// that the safe save refuses a campaign someone changed meanwhile.
public struct BulkRequest: Equatable, Sendable {
    public let campaign: CampaignRef
    public let operation: BulkOperation
    public let expectedUpdatedAt: String?

    public init(campaign: CampaignRef, operation: BulkOperation, expectedUpdatedAt: String? = nil) {
        self.campaign = campaign
        self.operation = operation
        self.expectedUpdatedAt = expectedUpdatedAt
    }
}

/// What one campaign of a bulk run answered: the server's message and, for a save, the record saved.
public struct BulkDone: Equatable, Sendable {
    public let message: String?
    public let saved: Campaign?

    public init(message: String? = nil, saved: Campaign? = nil) {
        self.message = message
        self.saved = saved
    }
}

/// Why one campaign of a bulk run failed, as data (the update words it).
public enum BulkFailure: Error, Equatable, Sendable {
    /// An edit found the campaign changed on the server since the list showed it; nothing was written.
    case changed
    /// The campaign has no calling hours to replace.
    case noCallingHours
    case api(UIError)
}

/// A row's result in the list while and after a bulk run.
public enum BulkResult: Equatable, Sendable {
    /// Waiting for its turn, or on the wire.
    case pending, sending
    case succeeded(String)
    case failed(String)

    /// The text the list shows in the row's status cell.
    var cellText: String {
        switch self {
        case .pending: return "· queued"
        case .sending: return "… sending"
        case .succeeded(let text): return "✓ " + text
        case .failed(let text): return "✗ " + text
        }
    }
}

/// A bulk run in progress: what is left to send, what is on the wire, and the tally so far.
public struct BulkRun: Equatable, Sendable {
    public let operation: BulkOperation
    public let total: Int
    /// Not sent yet, in order; Esc empties it.
    public var queue: [BulkRequest]
    public var inFlight: Set<String> = []
    public var succeeded = 0
    public var failed = 0
    /// Esc stopped the run: this many were never sent.
    public var notSent = 0

    public var finished: Int { succeeded + failed }
    public var isOver: Bool { queue.isEmpty && inFlight.isEmpty }
}

/// Marks on the campaign list (kept by id, so they survive filtering, sorting and a refresh),
/// the bulk run and each row's last result.
public struct BulkState: Equatable, Sendable {
    /// Requests on the wire at the same time.
    public static let concurrency = 3

    public var marked: Set<String> = []
    /// `H`: the marked campaigns whose calling hours the open form's grid edits once; Ctrl-S
    /// then reviews them all instead of saving the form.
    public var hoursFor: [CampaignRef]?
    public var run: BulkRun?
    public var results: [String: BulkResult] = [:]

    public init() {}

    /// Drops the marks and results of campaigns no longer in the list.
    mutating func keepOnly(where exists: (String) -> Bool) {
        marked = marked.filter(exists)
        results = results.filter { exists($0.key) }
    }
}

extension BulkRun {
    /// "stopping 3 of 12 · 2 failed", the progress line.
    var progressText: String {
        var text = "\(operation.progressVerb) \(min(total, finished + inFlight.count)) of \(total)"
        if failed > 0 { text += " · \(failed) failed" }
        if !queue.isEmpty { text += " · Esc stops sending" }
        return text
    }
}

/// One marked campaign's change in a bulk edit's review.
public struct BulkChangeLine: Equatable, Sendable {
    public let campaign: CampaignRef
    public let field: String
    public let before: String
    public let after: String
    /// The `updatedAt` the list showed: the safe save refuses a campaign changed since.
    public let expectedUpdatedAt: String?
    /// A calling-hours edit's days array for this campaign, when it differs per campaign ("same
    /// moments"); nil: the operation's own.
    public var days: [CallingDay]? = nil

    /// False when the campaign already has the new value (it is not sent).
    public var changes: Bool { before != after }
}

/// Rules the bulk dialogs share.
enum BulkDialog {
    /// Whether the dialog asks for the count to be typed: every bulk delete, and a bulk stop that
    /// takes in an Active voice campaign (a stop resets a voice campaign's data).
    static func needsCount(_ operation: BulkOperation, _ campaigns: [CampaignRef]) -> Bool {
        switch operation {
        case .delete: return true
        case .stop: return campaigns.contains { $0.type == .voice && $0.status == .active }
        default: return false
        }
    }

    /// A priority typed into the bulk dialog: 1–5, else nil.
    static func priority(_ text: String) -> Int? {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)), (1...5).contains(value) else { return nil }
        return value
    }
}
