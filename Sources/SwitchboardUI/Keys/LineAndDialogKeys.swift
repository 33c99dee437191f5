import TerminalKit

/// What a key does in a dialog (while a name is to be typed, a letter no binding takes is text).
public enum DialogAction: Equatable, Sendable { case cancel, next, previous, press, down, up }

/// What a key does in the filter line (`/`); other characters are the filter's text.
public enum FilterAction: Equatable, Sendable { case keep, clear, erase, eraseAll, scroll(Command) }

/// What a key does in the command line (`:`); other characters are the command's text.
public enum PaletteAction: Equatable, Sendable { case cancel, erase, complete, run }

/// What a key does while the form is being fetched; other keys wait for the form.
public enum LoadingAction: Equatable, Sendable { case cancel }

public enum DialogKeys {
    public static let table: [Binding<DialogAction>] = [
        Binding("dialog.cancel", [.escape], "the first (safe) button: cancel, keep editing, later", .cancel),
        Binding("dialog.next", [.tab, .right], "next button", .next),
        Binding("dialog.previous", [.backTab, .left], "previous button", .previous),
        Binding("dialog.press", [.enter], "press the focused button", .press),
        Binding("dialog.down", [.down, .character("j")], "scroll down, or the next kind of campaign (j is text while a name is typed)", .down),
        Binding("dialog.up", [.up, .character("k")], "scroll up, or the previous kind", .up),
    ]

    static let hints = [KeyHint("dialog.next", label: "Tab", "move"), KeyHint("dialog.press", label: "Enter", "press")]
    static let cancelHint = KeyHint("dialog.cancel", label: "Esc", "")
}

public enum FilterKeys {
    public static let table: [Binding<FilterAction>] = [
        Binding("filter.keep", [.enter], "keep the filter, back to the list", .keep),
        Binding("filter.clear", [.escape], "clear the filter", .clear),
        Binding("filter.erase", [.backspace], "erase a character", .erase),
        Binding("filter.erase-all", [.control("u")], "erase the whole filter", .eraseAll),
        Binding("filter.down", [.down], "next row", .scroll(.down)),
        Binding("filter.up", [.up], "previous row", .scroll(.up)),
        Binding("filter.page-down", [.pageDown], "page down", .scroll(.pageDown)),
        Binding("filter.page-up", [.pageUp], "page up", .scroll(.pageUp)),
    ]

    static let hints = [KeyHint("filter.keep", label: "Enter", "keep"), KeyHint("filter.clear", label: "Esc", "clear")]
}

public enum PaletteKeys {
    public static let table: [Binding<PaletteAction>] = [
        Binding("palette.cancel", [.escape], "close the command line", .cancel),
        Binding("palette.erase", [.backspace], "erase a character (closes it when empty)", .erase),
        Binding("palette.complete", [.tab], "complete the command", .complete),
        Binding("palette.run", [.enter], "run the command", .run),
    ]
}

public enum LoadingKeys {
    public static let table: [Binding<LoadingAction>] = [
        Binding("loading.cancel", [.escape], "stop opening the form (other keys wait for it)", .cancel),
    ]
}

/// Every binding of every context, for help, `switchboard keys` and the conflict check.
public enum KeyTables {
    public static let all: [BindingInfo] =
        GlobalKeys.table.map { $0.info(.global) } + ScreenKeys.table.map { $0.info(.screen) }
        + BoardKeys.table.map { $0.info(.board) } + ContactsKeys.table.map { $0.info(.contacts) }
        + SnapshotKeys.table.map { $0.info(.snapshots) }
        + FilterKeys.table.map { $0.info(.filter) } + PaletteKeys.table.map { $0.info(.palette) }
        + LoadingKeys.table.map { $0.info(.loading) } + FormKeys.table.map { $0.info(.form) }
        + EditorKeys.table.map { $0.info(.editor) } + GridKeys.table.map { $0.info(.grid) }
        + PickerKeys.table.map { $0.info(.picker) } + DialogKeys.table.map { $0.info(.dialog) }
}
