import CampaignModel
import Foundation
import TerminalKit

/// A screen the user can be on; the stack of them gives the breadcrumbs.
public enum Screen: Equatable, Sendable {
    case campaigns
    case campaignDetail(id: String)
    case contactLists
    case help
    /// The create or edit form (`AppState.editor`).
    case editor
    /// The shift board (`AppState.board`).
    case board
    /// One campaign's contacts, from the board (`AppState.contacts`).
    case campaignContacts(id: String)
    /// The audit log (`:audit`, `AppState.audit`).
    case audit
    /// The snapshots (`:snapshots`, `AppState.snapshots`), and one snapshot's JSON.
    case snapshots
    case snapshot(name: String)

    var title: String {
        switch self {
        case .editor: return "Form"
        case .campaigns: return "Campaigns"
        case .campaignDetail: return "Detail"
        case .contactLists: return "Contact lists"
        case .help: return "Help"
        case .board: return "Board"
        case .campaignContacts: return "Contacts"
        case .audit: return "Audit log"
        case .snapshots: return "Snapshots"
        case .snapshot: return "Snapshot"
        }
    }
}

/// A line the user is typing into at the bottom of the screen.
public enum InputLine: Equatable, Sendable {
    /// `/`: the list filter, applied as it is typed.
    case filter
    /// `:`: a command.
    case palette(String)
}

/// Which campaign pane takes j/k on the campaigns screen.
public enum Focus: Equatable, Sendable { case list, detail }

/// Where the app is connected, as the status bar shows it.
public struct ConnectionInfo: Equatable, Sendable {
    public var profile: String
    public var host: String
    public init(profile: String, host: String) {
        self.profile = profile
        self.host = host
    }
}

/// Progress of loading the campaign list.
public struct LoadState: Equatable, Sendable {
    /// Increases with every load, so that answers to an older one are ignored.
    public var generation = 0
    public var isLoading = false
    public var loaded = 0
    public var total = 0
    /// True when pages are shown as they arrive (the list was empty when the load began).
    var showsPages = false
    /// A refresh's rows, gathered as its pages arrive, until the load completes.
    var staged = CampaignListState()
    public var lastFinished: Date?
    /// Why the last load failed, shown in the list until the next one succeeds.
    public var failure: String?
    /// The list holds only what arrived before a load failed half way; the next complete load
    /// ends it.
    public var isPartial = false
}

/// Everything the screen shows comes from here; only `AppUpdate.reduce` changes it.
public struct AppState: Equatable, Sendable {
    public var size = Size(width: 80, height: 24)
    public var stack: [Screen] = [.campaigns]
    public var input: InputLine?
    public var focus: Focus = .list
    /// Whether the campaigns screen shows the selected campaign beside or below the list (`p`).
    public var showsPreview = true
    /// Holds the preview still while navigation keys arrive in a burst.
    public var previewHold = PreviewHold()
    public var list = CampaignListState()
    public var load = LoadState()
    public var detailsInFlight: Set<String> = []
    public var detailErrors: [String: String] = [:]
    public var contactLists: [ContactList] = []
    public var contactListsLoading = false
    public var contactListSelected = 0
    public var detailScroll = 0
    public var helpScroll = 0
    public var connection: ConnectionInfo
    /// The supervisor's own timezone, beside the campaign's.
    public var supervisorZone: TimeZone
    public var now: Date
    /// Seconds between automatic refreshes; nil turns them off.
    public var refreshInterval: TimeInterval?
    /// The last error, for the status bar.
    public var lastError: String?
    /// The `lastError` that was a connectivity failure; the next successful answer clears it.
    var connectivityError: String?
    /// A passing note for the status bar ("refreshed", "sorted by name").
    public var notice: String?
    /// The open create/edit form.
    public var editor: CampaignEditor?
    /// The question on screen, above everything else.
    public var dialog: Dialog?
    /// Started with `--readonly`: every action that changes something is hidden and refused.
    public var readOnly = false
    /// Drafts of earlier runs not yet offered back.
    public var pendingDrafts: [CampaignDraft] = []
    /// The campaign being fetched to open the form on it.
    public var editLoading: String?
    /// Keys typed while the form was loading, replayed into it when it opens.
    public var typeAhead: [Key] = []
    /// The keys as the user bound them (`keys:` in config.yaml) over the default tables.
    public var keymap = Keymap.standard
    /// The shift board: its rows, counts and selection.
    public var board = BoardState()
    /// The contacts screen open from the board.
    public var contacts: ContactsScreenState?
    /// Seconds between recounts of a board row's contacts (`--board-refresh`); nil: counted once.
    public var boardRefreshInterval: TimeInterval? = 5
    /// Marks on the campaign list and the bulk action running over them.
    public var bulk = BulkState()
    /// The profile's compliance rules (`compliance:` in config.yaml): warnings in the editor and
    /// marked grid cells; nil when the profile selects none.
    public var compliance: ComplianceLint?
    /// The `:audit` screen.
    public var audit = AuditScreenState()
    /// The `:snapshots` screen.
    public var snapshots = SnapshotsScreenState()

    public init(connection: ConnectionInfo, supervisorZone: TimeZone = .current, now: Date = Date(),
                refreshInterval: TimeInterval? = nil, readOnly: Bool = false) {
        self.readOnly = readOnly
        self.connection = connection
        self.supervisorZone = supervisorZone
        self.now = now
        self.refreshInterval = refreshInterval
    }

    public var screen: Screen { stack.last ?? .campaigns }

    /// "Campaigns › Detail › …", as the title bar shows.
    public var breadcrumbs: [String] {
        stack.map { screen in
            if case .campaignDetail(let id) = screen { return list.campaign(id: id)?.name ?? id }
            if screen == .editor, let editor {
                let name = editor.text(.name)
                return editor.mode == .create ? "New \(editor.variant.rawValue)" : "Edit " + (name.isEmpty ? editor.base.name : name)
            }
            if let crumb = boardBreadcrumb(screen) { return crumb }
            if screen == .campaigns {
                return "Campaigns (\(list.scope.title))" + (list.filterText.isEmpty ? "" : " /" + list.filterText)
            }
            return screen.title
        }
    }
}

extension AppState {
    /// The campaign the preview shows: the selection, or the one it holds during a burst of keys.
    public var previewCampaign: Campaign? {
        previewHold.heldID.flatMap { list.campaign(id: $0) } ?? list.selectedCampaign
    }
}

extension AppState {
    /// Puts `error` in the status bar, remembering whether a later success disproves it.
    mutating func show(_ error: UIError) {
        lastError = error.message
        connectivityError = error.isConnectivity ? error.message : nil
    }

    /// A successful answer: a connectivity error still on show is over.
    mutating func clearConnectivityError() {
        if let shown = connectivityError, lastError == shown { lastError = nil }
        connectivityError = nil
    }
}
