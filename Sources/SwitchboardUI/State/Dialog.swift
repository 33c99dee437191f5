import CampaignModel
import TerminalKit

/// A question the app asks before doing something that cannot be undone or that throws work
/// away. Keys go to the dialog until it closes; Esc always takes the safe way out.
public struct Dialog: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Delete a campaign: its name must be typed.
        case delete(CampaignRef)
        /// Start (`start` true) or stop a campaign.
        case trigger(CampaignRef, start: Bool)
        /// Esc in a form with changes.
        case discardEdits
        /// Ctrl-S: what the save will change, and the days array it will send.
        case reviewSave(changes: [FieldChange], days: [CallingDay])
        /// The campaign changed on the server since the form opened.
        case conflict(current: Campaign, changes: [FieldChange])
        /// A new timezone for the calling hours: keep the local times or shift them.
        case timezone(String)
        /// A draft left by an earlier run (a crash or a dropped connection).
        case draft(CampaignDraft)
        /// Which kind of campaign to create.
        case newCampaign
        /// Start, stop or delete every marked campaign (`BulkDialog.swift`).
        case bulk(BulkOperation, [CampaignRef])
        /// The new priority for every marked campaign, typed.
        case bulkPriority([CampaignRef])
        /// Every marked campaign's change, before anything is sent.
        case bulkReview(BulkOperation, [BulkChangeLine])
        /// Calling hours for campaigns in other timezones than the grid's: the same local times
        /// or the same moments.
        case bulkHoursMode(campaigns: [CampaignRef], days: [CallingDay], zone: String)
        /// Put a snapshot back (`r` on the snapshots screen).
        case restore(RestoreProposal)
    }

    public var kind: Kind
    /// The focused button, an index into `buttons`.
    public var focus: Int
    /// The name typed into a delete dialog.
    public var typed = TextInput()
    /// The highlighted row of a list (the kinds of campaign).
    public var selection = 0
    public var scroll = 0

    public init(_ kind: Kind) {
        self.kind = kind
        switch kind {
        case .reviewSave, .newCampaign: focus = 1
        default: focus = 0
        }
    }

    /// The buttons, left to right; the first is always the safe choice.
    public var buttons: [String] {
        switch kind {
        case .delete: return ["Cancel", "Delete"]
        case .trigger(_, let start): return ["Cancel", start ? "Start" : "Stop"]
        case .discardEdits: return ["Keep editing", "Discard changes"]
        case .reviewSave: return ["Back to editing", "Save"]
        case .conflict: return ["Back to editing", "Reload theirs", "Overwrite"]
        case .timezone: return ["Cancel", "Keep local times", "Shift to same moments"]
        case .draft: return ["Later", "Restore", "Discard draft"]
        case .newCampaign: return ["Cancel", "Create"]
        case .bulk(let operation, let campaigns): return ["Cancel", "\(operation.buttonVerb) \(campaigns.count)"]
        case .bulkPriority: return ["Cancel", "Review"]
        case .bulkHoursMode: return ["Cancel", "Same local times", "Same moments"]
        case .bulkReview(let operation, let lines): return ["Cancel", "\(operation.buttonVerb) \(lines.filter(\.changes).count)"]
        case .restore: return ["Cancel", "Restore"]
        }
    }

    /// Moves the highlighted row of a list (kept on the list), and scrolls a long dialog; the
    /// update keeps the scroll within the text (`ScrollLimit.dialog`).
    mutating func step(_ delta: Int) {
        if case .newCampaign = kind {
            selection = min(max(0, selection + delta), CampaignVariant.allCases.count - 1)
        }
        scroll = max(0, scroll + delta)
    }

    /// The name to type before the action is enabled: every delete, and stopping an Active
    /// voice campaign (a stop resets a voice campaign's data).
    public var nameToType: String? {
        switch kind {
        case .delete(let campaign): return campaign.name
        case .trigger(let campaign, start: false) where campaign.type == .voice && campaign.status == .active:
            return campaign.name
        case .bulk(let operation, let campaigns) where BulkDialog.needsCount(operation, campaigns):
            return String(campaigns.count)
        default: return nil
        }
    }

    /// Whether the dialog takes typed text: a name, a count, or a bulk edit's new value.
    public var takesText: Bool {
        if case .bulkPriority = kind { return true }
        return requiresTypedName
    }

    /// What a press of the disabled button says.
    var typingHint: String {
        switch kind {
        case .bulk: return "type the number of campaigns (\(nameToType ?? "")) to enable \(buttons[1])"
        case .bulkPriority: return "type a priority from 1 to 5"
        case .bulkReview: return "no marked campaign changes"
        default: return "type the campaign's name exactly to enable \(buttons[focus])"
        }
    }

    /// Whether the dialog takes typed text (the campaign's name).
    public var requiresTypedName: Bool { nameToType != nil }

    /// Whether a button can be pressed now (Delete, or Stop of an Active voice campaign, waits for
    /// the exact name).
    public func isEnabled(_ button: Int) -> Bool {
        if let name = nameToType, button == 1 { return typed.text == name }
        if case .bulkPriority = kind, button == 1 { return BulkDialog.priority(typed.text) != nil }
        if case .bulkReview(_, let lines) = kind, button == 1 { return lines.contains(where: \.changes) }
        return true
    }
}

/// The few facts a dialog names a campaign by.
public struct CampaignRef: Equatable, Sendable {
    public let id: String
    public let name: String
    public let type: CampaignType
    public let status: CampaignStatus?

    public init(id: String, name: String, type: CampaignType, status: CampaignStatus?) {
        self.id = id
        self.name = name
        self.type = type
        self.status = status
    }
}
