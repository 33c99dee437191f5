import CampaignModel
import TerminalKit

/// A key and what it does in the calling-hours grid; the help and the grid's hint line are
/// printed from this table.
struct GridKey: Sendable {
    let label: String
    let help: String
}

extension AppUpdate {
    static let gridKeys: [GridKey] = [
        GridKey(label: "h j k l ←↓↑→", help: "move a cell / a day"),
        GridKey(label: "H L", help: "move an hour"),
        GridKey(label: "0 $", help: "start / end of the day"),
        GridKey(label: "Space", help: "open or close the cell (the whole block when one is selected)"),
        GridKey(label: "v Shift-arrows", help: "select a block"),
        GridKey(label: "f x", help: "fill / clear the cell or block"),
        GridKey(label: "y p", help: "copy the cursor's day / paste it on the day or the block's days"),
        GridKey(label: "1 2 3", help: "presets: weekdays 9–18, every day 8–21, clear all"),
        GridKey(label: "u", help: "undo the last change to the hours"),
        GridKey(label: "F", help: "frequency: WEEKLY → DAILY → CUSTOM"),
        GridKey(label: "z", help: "timezone (keep the local times or shift them)"),
        GridKey(label: "Enter Esc", help: "back to the form (changes stay in the form)"),
        GridKey(label: "Ctrl-S", help: "save"),
        GridKey(label: "?", help: "this help"),
    ]

    static func gridKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var editor = state.editor else { return [] }
        defer { state.editor = editor }
        let hour = 60 / editor.grid.cellMinutes
        let before = editor.grid.callingHours
        let schedule = editor.grid.schedule
        switch key {
        case .character("u"):
            guard let earlier = editor.gridHistory.popLast() else {
                state.notice = "nothing to undo"
                return []
            }
            editor.grid.restore(earlier)
            editor.gridChanged()
            state.notice = "undone"
            return []
        case .character("h"), .left: editor.grid.move(cells: -1)
        case .character("l"), .right: editor.grid.move(cells: 1)
        case .character("j"), .down: editor.grid.move(days: 1)
        case .character("k"), .up: editor.grid.move(days: -1)
        case .character("H"): editor.grid.move(cells: -hour)
        case .character("L"): editor.grid.move(cells: hour)
        case .character("0"), .home: editor.grid.move(cells: -editor.grid.columns)
        case .character("$"), .end: editor.grid.move(cells: editor.grid.columns)
        case .shiftLeft: editor.grid.move(cells: -1, extending: true)
        case .shiftRight: editor.grid.move(cells: 1, extending: true)
        case .shiftUp: editor.grid.move(days: -1, extending: true)
        case .shiftDown: editor.grid.move(days: 1, extending: true)
        case .character("v"): editor.grid.toggleBlock()
        case .character(" "): editor.grid.toggle()
        case .character("f"): editor.grid.set(true)
        case .character("x"), .delete, .backspace: editor.grid.set(false)
        case .character("y"):
            editor.copiedDay = editor.grid.schedule.windows(on: editor.grid.cursor.day)
            state.notice = "copied \(editor.grid.cursor.day.code); p pastes it on a day or a block's days"
        case .character("p"):
            guard let windows = editor.copiedDay else {
                state.notice = "nothing copied yet: y copies the cursor's day"
                return []
            }
            editor.grid.paste(windows)
        case .character("1"): editor.grid.apply(.weekdaysNineToSix)
        case .character("2"): editor.grid.apply(.everyDayEightToNine)
        case .character("3"): editor.grid.apply(.clearAll)
        case .character("F"):
            let all = CallingFrequency.known
            let next = all[((all.firstIndex(of: editor.grid.frequency) ?? -1) + 1) % all.count]
            editor.grid.setFrequency(next)
            state.notice = "frequency \(next.rawValue)" + (next == .daily ? ": every day gets the cursor's day" : "")
        case .character("z"):
            editor.picker = Picker(purpose: .timezone, items: IANAZones.identifiers, chosen: [editor.grid.timezone])
        case .character("?"):
            state.stack.append(.help)
            state.helpScroll = 0
        case .enter, .escape, .character("q"):
            editor.showsGrid = false
            editor.grid.toggleBlockOff()
        default:
            state.notice = "\(key) does nothing in the grid — press ? for its keys"
        }
        editor.recordGridChange(from: schedule)
        if editor.grid.callingHours != before { editor.gridChanged() }
        return []
    }
}
