import TerminalKit

/// What a key does in the form (a key no binding takes edits the focused text field).
public enum FormAction: Equatable, Sendable { case next, previous, choose, optionPrevious, optionNext, close }

/// What a key does in the form and the grid alike.
public enum EditorAction: Equatable, Sendable { case save, help }

/// What a key does in a picker (a key no binding takes goes to its search).
public enum PickerAction: Equatable, Sendable { case down, up, pageDown, pageUp, toggle, choose, cancel }

/// What a key does in the calling-hours grid.
public enum GridAction: Equatable, Sendable {
    case left, right, down, up, hourBack, hourForward, dayStart, dayEnd
    case extendLeft, extendRight, extendUp, extendDown, block
    case toggle, fill, clear, copy, paste, preset(Int), undo, frequency, timezone, help, close
}

public enum FormKeys {
    public static let table: [Binding<FormAction>] = [
        Binding("form.next", [.tab, .down], "next field", .next),
        Binding("form.previous", [.backTab, .up], "previous field", .previous),
        Binding("form.choose", [.enter], "pick lists or timezone; open the calling-hours grid", .choose),
        Binding("form.option-previous", [.left], "previous choice (selects)", .optionPrevious),
        Binding("form.option-next", [.right, .character(" ")], "next choice (selects)", .optionNext),
        Binding("form.close", [.escape], "close the form (asks before throwing changes away)", .close),
    ]

    static let hints = [
        KeyHint("form.next", "form.previous", label: "Tab ⇧Tab", "fields"), KeyHint("form.choose", label: "Enter", "choose"),
        KeyHint("form.option-previous", "form.option-next", label: "←→", "options"), KeyHint("editor.save", label: "Ctrl-S", "save"),
        KeyHint("form.close", label: "Esc", "cancel"), KeyHint("editor.help", label: "F1", "keys"),
    ]
}

public enum EditorKeys {
    public static let table: [Binding<EditorAction>] = [
        Binding("editor.save", [.control("s")], "review and save (refused while a field is marked ✖)", .save),
        Binding("editor.help", [.function(1)], "this help", .help),
    ]
}

public enum PickerKeys {
    public static let table: [Binding<PickerAction>] = [
        Binding("picker.down", [.down, .control("n")], "next match", .down),
        Binding("picker.up", [.up, .control("p")], "previous match", .up),
        Binding("picker.page-down", [.pageDown], "ten matches down", .pageDown),
        Binding("picker.page-up", [.pageUp], "ten matches up", .pageUp),
        Binding("picker.toggle", [.tab, .character(" ")], "choose or unchoose (lists; Space until a search is typed)", .toggle),
        Binding("picker.choose", [.enter], "done: take the choice", .choose),
        Binding("picker.cancel", [.escape], "close, choosing nothing", .cancel),
    ]

    static func hints(severalChosen: Bool) -> [KeyHint] {
        let move = KeyHint("picker.down", "picker.up", label: "↑↓", "move")
        let cancel = KeyHint("picker.cancel", label: "Esc", "cancel")
        return severalChosen
            ? [move, KeyHint("picker.toggle", label: "Tab", "choose"), KeyHint("picker.choose", label: "Enter", "done"), cancel]
            : [move, KeyHint("picker.choose", label: "Enter", "choose"), cancel]
    }
}

public enum GridKeys {
    public static let table: [Binding<GridAction>] = [
        Binding("grid.left", [.character("h"), .left], "a cell earlier", .left),
        Binding("grid.right", [.character("l"), .right], "a cell later", .right),
        Binding("grid.down", [.character("j"), .down], "next day", .down),
        Binding("grid.up", [.character("k"), .up], "previous day", .up),
        Binding("grid.hour-back", [.character("H")], "an hour earlier", .hourBack),
        Binding("grid.hour-forward", [.character("L")], "an hour later", .hourForward),
        Binding("grid.day-start", [.character("0"), .home], "start of the day", .dayStart),
        Binding("grid.day-end", [.character("$"), .end], "end of the day", .dayEnd),
        Binding("grid.toggle", [.character(" ")], "open or close the cell (the whole block when one is selected)", .toggle),
        Binding("grid.block", [.character("v")], "select a block", .block),
        Binding("grid.extend-left", [.shiftLeft], "grow the block a cell earlier", .extendLeft),
        Binding("grid.extend-right", [.shiftRight], "grow the block a cell later", .extendRight),
        Binding("grid.extend-up", [.shiftUp], "grow the block a day up", .extendUp),
        Binding("grid.extend-down", [.shiftDown], "grow the block a day down", .extendDown),
        Binding("grid.fill", [.character("f")], "fill the cell or block", .fill),
        Binding("grid.clear", [.character("x"), .delete, .backspace], "clear the cell or block", .clear, label: "x Del Bksp"),
        Binding("grid.copy", [.character("y")], "copy the cursor's day", .copy),
        Binding("grid.paste", [.character("p")], "paste it on the day or the block's days", .paste),
        Binding("grid.preset-1", [.character("1")], "preset: weekdays 9–18", .preset(1)),
        Binding("grid.preset-2", [.character("2")], "preset: every day 8–21", .preset(2)),
        Binding("grid.preset-3", [.character("3")], "preset: clear all", .preset(3)),
        Binding("grid.undo", [.character("u")], "undo the last change to the hours", .undo),
        Binding("grid.frequency", [.character("F")], "frequency: WEEKLY → DAILY → CUSTOM", .frequency),
        Binding("grid.timezone", [.character("z")], "timezone (keep the local times or shift them)", .timezone),
        Binding("grid.close", [.enter, .escape, .character("q")], "back to the form (changes stay in the form)", .close),
        Binding("grid.help", [.character("?")], "this help", .help),
    ]

    static let hints = [
        KeyHint("grid.left", "grid.down", "grid.up", "grid.right", label: "hjkl", "move"), KeyHint("grid.toggle", label: "Space", "toggle"),
        KeyHint("grid.block", label: "v", "block"), KeyHint("grid.fill", "grid.clear", label: "f x", "fill/clear"),
        KeyHint("grid.copy", "grid.paste", label: "y p", "copy day"),
        KeyHint("grid.preset-1", "grid.preset-2", "grid.preset-3", label: "1 2 3", "presets"), KeyHint("grid.undo", label: "u", "undo"),
        KeyHint("grid.frequency", label: "F", "freq"), KeyHint("grid.timezone", label: "z", "zone"),
        KeyHint("grid.close", label: "Enter", "back"), KeyHint("grid.help", label: "?", "keys"),
    ]
}
