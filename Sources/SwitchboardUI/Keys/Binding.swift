import TerminalKit

/// Where a key is read. The router walks them from the top of the focus stack down (dialog ›
/// picker › grid › form › input line › screen); `global` is asked first, whatever has focus.
public enum KeyContext: String, CaseIterable, Sendable {
    case global, screen, board, contacts, snapshots, filter, palette, loading, form, grid, picker, editor, dialog

    /// The heading of this context's keys in the help screen.
    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .screen: return "Lists and detail"
        case .board: return "Shift board (b)"
        case .contacts: return "Campaign contacts (Enter on the board)"
        case .snapshots: return "Snapshots (:snapshots)"
        case .filter: return "Filter line (/)"
        case .palette: return "Command line (:)"
        case .loading: return "While the form opens"
        case .form: return "Form"
        case .grid: return "Calling-hours grid"
        case .picker: return "Pickers (lists, timezone)"
        case .editor: return "Form and grid"
        case .dialog: return "Dialogs"
        }
    }

    /// Contexts where a printable key is text being typed, so binding one there hides a letter.
    var takesText: Bool { [.filter, .palette, .form, .picker, .dialog].contains(self) }

    /// Contexts that fall back to the `editor` bindings (save, help) for keys they do not bind.
    var sharesEditorKeys: Bool { [.form, .grid, .picker].contains(self) }
}

/// One thing a key does in one context: its name (what `keys:` in config.yaml rebinds), its
/// default keys, how help labels them, what help says, and the action it dispatches.
public struct Binding<Action: Sendable>: Sendable {
    /// "quit", "list.down", "grid.undo": unique across every context.
    public let name: String
    public let keys: [Key]
    /// How help and hints name the default keys ("j ↓"); a rebinding is named from its keys.
    public let label: String
    public let help: String
    public let action: Action

    public init(_ name: String, _ keys: [Key], _ help: String, _ action: Action, label: String? = nil) {
        self.name = name
        self.keys = keys
        self.label = label ?? keys.map(\.description).joined(separator: " ")
        self.help = help
        self.action = action
    }
}

/// A binding with its action forgotten: what the help screen and the conflict check read.
public struct BindingInfo: Equatable, Sendable {
    public let context: KeyContext
    public let name: String
    public let keys: [Key]
    public let label: String
    public let help: String
}

extension Binding {
    func info(_ context: KeyContext) -> BindingInfo {
        BindingInfo(context: context, name: name, keys: keys, label: label, help: help)
    }
}

/// A short hint in a footer ("Ctrl-S save"), naming the bindings whose keys it shows; the keys
/// come from the active keymap, so a rebinding shows in the hint too.
struct KeyHint: Sendable {
    let bindings: [String]
    /// The default keys' short form ("hjkl", "←→"), used while none of `bindings` is rebound.
    let label: String
    let text: String

    init(_ bindings: String..., label: String, _ text: String) {
        self.bindings = bindings
        self.label = label
        self.text = text
    }
}
