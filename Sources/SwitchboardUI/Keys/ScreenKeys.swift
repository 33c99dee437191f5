import TerminalKit

/// What a key asks for on a screen (and, for `quit`, `suspend` and `repaint`, everywhere).
public enum Command: Equatable, Sendable {
    /// `back` (Esc) never quits; `close` (q) goes back and quits from the campaign list.
    case quit, back, close, help, palette, filter, refresh, repaint, suspend
    case toggleType, sort(CampaignColumn), focusNext, togglePreview
    case down, up, pageDown, pageUp, top, bottom, open
    case contactLists, board
    case edit, create, delete, start, stop
    /// Marks (`MarkKeys`): Space, `*`, `M`; `P` sets the priority of every marked campaign.
    case mark, markAll, clearMarks, bulkPriority, bulkHours

    /// Whether the command changes something on the server (refused in `--readonly`).
    public var isMutating: Bool {
        switch self {
        case .edit, .create, .delete, .start, .stop, .bulkPriority, .bulkHours: return true
        default: return false
        }
    }
}

/// Keys that work whatever has focus: a new one is one line here, and shows in help.
public enum GlobalKeys {
    public static let table: [Binding<Command>] = [
        Binding("quit", [.control("c")], "quit", .quit),
        Binding("suspend", [.control("z")], "suspend (fg brings it back)", .suspend),
        Binding("repaint", [.control("l")], "repaint the screen", .repaint),
    ]
}

/// The keys of the list, detail, contact-lists and help screens.
public enum ScreenKeys {
    public static let general: [Binding<Command>] = [
        Binding("help", [.character("?")], "this help", .help),
        Binding("palette", [.character(":")], "command palette (see Commands)", .palette),
        Binding("back", [.escape], "back; on the list, clear the filter (never quits)", .back),
        Binding("close", [.character("q")], "back; quit from the campaign list", .close),
        Binding("refresh", [.character("r")], "refresh from the server", .refresh),
        Binding("contact-lists", [.character("L")], "contact lists", .contactLists),
    ]

    public static let scrolling: [Binding<Command>] = [
        Binding("down", [.character("j"), .down], "next row / scroll down", .down),
        Binding("up", [.character("k"), .up], "previous row / scroll up", .up),
        Binding("page-down", [.pageDown, .control("f")], "page down", .pageDown),
        Binding("page-up", [.pageUp, .control("b")], "page up", .pageUp),
        Binding("top", [.character("g"), .home], "first row", .top),
        Binding("bottom", [.character("G"), .end], "last row", .bottom),
    ]

    public static let campaigns: [Binding<Command>] = [
        Binding("open", [.enter], "open the campaign's full detail", .open),
        Binding("filter", [.character("/")], "filter: words, status:NAME, type:sms|voice", .filter),
        Binding("type", [.character("t")], "show SMS + voice, SMS only, voice only", .toggleType),
        Binding("preview", [.character("p")], "show or hide the detail preview", .togglePreview),
        Binding("focus", [.tab], "move between list and detail", .focusNext),
        Binding("board", [.character("b")], "the shift board: progress of running campaigns", .board),
        Binding("edit", [.character("e")], "edit the campaign", .edit),
        Binding("new", [.character("n")], "new campaign", .create),
        Binding("delete", [.character("d"), .control("d")], "delete the campaign (asks first); with marks, every marked one", .delete),
        Binding("start", [.character("s")], "start the campaign (asks first); with marks, every marked one", .start),
        Binding("stop", [.character("x")], "stop the campaign (asks first); with marks, every marked one", .stop),
    ] + CampaignColumn.allCases.map { column in
        Binding("sort-\(column)", [.character(Character(String(column.rawValue + 1)))], "sort by \(column.helpName)", .sort(column))
    }

    public static let table = general + scrolling + campaigns + marks

    /// The title bar's hint.
    static let titleHints = [KeyHint("help", label: "?", "help"), KeyHint("palette", label: ":", "command"),
                             KeyHint("close", label: "q", "back")]
}
