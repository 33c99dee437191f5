import TerminalKit

/// What a key asks for. The help screen is printed from the same table that dispatches keys,
/// so it cannot drift from what the keys do.
public enum Command: Equatable, Sendable {
    /// `back` (Esc) never quits; `close` (q) goes back and quits from the campaign list.
    case quit, back, close, help, palette, filter, refresh, repaint, suspend
    case toggleType, sort(CampaignColumn), focusNext, togglePreview
    case down, up, pageDown, pageUp, top, bottom, open
    case contactLists
    case edit, create, delete, start, stop

    /// Whether the command changes something on the server (refused in `--readonly`).
    public var isMutating: Bool {
        switch self {
        case .edit, .create, .delete, .start, .stop: return true
        default: return false
        }
    }
}

/// A key (or keys) and what it does where.
public struct KeyBinding: Sendable {
    public enum Scope: String, Sendable { case everywhere = "Everywhere", campaigns = "Campaign list", scrolling = "Lists and detail" }
    public let keys: [Key]
    public let label: String
    public let help: String
    public let scope: Scope
    public let command: Command
}

public enum KeyBindings {
    public static let all: [KeyBinding] = [
        KeyBinding(keys: [.character("?")], label: "?", help: "this help", scope: .everywhere, command: .help),
        KeyBinding(keys: [.character(":")], label: ":", help: "command palette (see Commands)",
                   scope: .everywhere, command: .palette),
        KeyBinding(keys: [.escape], label: "Esc", help: "back; on the list, clear the filter (never quits)",
                   scope: .everywhere, command: .back),
        KeyBinding(keys: [.character("q")], label: "q", help: "back; quit from the campaign list",
                   scope: .everywhere, command: .close),
        KeyBinding(keys: [.control("c")], label: "Ctrl-C", help: "quit", scope: .everywhere, command: .quit),
        KeyBinding(keys: [.control("z")], label: "Ctrl-Z", help: "suspend (fg brings it back)", scope: .everywhere,
                   command: .suspend),
        KeyBinding(keys: [.character("r")], label: "r", help: "refresh from the server", scope: .everywhere, command: .refresh),
        KeyBinding(keys: [.control("l")], label: "Ctrl-L", help: "repaint the screen", scope: .everywhere, command: .repaint),
        KeyBinding(keys: [.character("L")], label: "L", help: "contact lists", scope: .everywhere, command: .contactLists),
        KeyBinding(keys: [.character("j"), .down], label: "j ↓", help: "next row / scroll down", scope: .scrolling, command: .down),
        KeyBinding(keys: [.character("k"), .up], label: "k ↑", help: "previous row / scroll up", scope: .scrolling, command: .up),
        KeyBinding(keys: [.pageDown, .control("f")], label: "PgDn Ctrl-F", help: "page down", scope: .scrolling, command: .pageDown),
        KeyBinding(keys: [.pageUp, .control("b")], label: "PgUp Ctrl-B", help: "page up", scope: .scrolling, command: .pageUp),
        KeyBinding(keys: [.character("g"), .home], label: "g Home", help: "first row", scope: .scrolling, command: .top),
        KeyBinding(keys: [.character("G"), .end], label: "G End", help: "last row", scope: .scrolling, command: .bottom),
        KeyBinding(keys: [.enter], label: "Enter", help: "open the campaign's full detail", scope: .campaigns, command: .open),
        KeyBinding(keys: [.character("/")], label: "/", help: "filter: words, status:NAME, type:sms|voice",
                   scope: .campaigns, command: .filter),
        KeyBinding(keys: [.character("t")], label: "t", help: "show SMS + voice, SMS only, voice only", scope: .campaigns,
                   command: .toggleType),
        KeyBinding(keys: [.character("p")], label: "p", help: "show or hide the detail preview", scope: .campaigns,
                   command: .togglePreview),
        KeyBinding(keys: [.tab], label: "Tab", help: "move between list and detail", scope: .campaigns, command: .focusNext),
        KeyBinding(keys: [.character("e")], label: "e", help: "edit the campaign", scope: .campaigns, command: .edit),
        KeyBinding(keys: [.character("n")], label: "n", help: "new campaign", scope: .campaigns, command: .create),
        KeyBinding(keys: [.character("d"), .control("d")], label: "d Ctrl-D", help: "delete the campaign (asks first)",
                   scope: .campaigns, command: .delete),
        KeyBinding(keys: [.character("s")], label: "s", help: "start the campaign (asks first)", scope: .campaigns, command: .start),
        KeyBinding(keys: [.character("x")], label: "x", help: "stop the campaign (asks first)", scope: .campaigns, command: .stop),
    ] + CampaignColumn.allCases.map { column in
        let digit = Character(String(column.rawValue + 1))
        return KeyBinding(keys: [.character(digit)], label: String(digit),
                          help: "sort by \(column.helpName)",
                          scope: .campaigns, command: .sort(column))
    }

    private static let table: [Key: Command] = {
        var table: [Key: Command] = [:]
        for binding in all { for key in binding.keys { table[key] = binding.command } }
        return table
    }()

    /// The command a key means, if any.
    public static func command(for key: Key) -> Command? { table[key] }
}
