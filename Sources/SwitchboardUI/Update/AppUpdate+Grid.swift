import CampaignModel
import TerminalKit

extension AppUpdate {
    /// A grid binding; nil when the key is not one.
    static func gridKey(_ key: Key, _ state: inout AppState) -> [Effect]? {
        guard var editor = state.editor, let action = state.keymap.action(for: key, in: GridKeys.table) else { return nil }
        defer { state.editor = editor }
        let hour = 60 / editor.grid.cellMinutes
        let before = editor.grid.callingHours
        let schedule = editor.grid.schedule
        switch action {
        case .undo:
            guard editor.grid.undo() else {
                state.notice = "nothing to undo"
                return []
            }
            editor.gridChanged()
            state.notice = "undone"
            return []
        case .left: editor.grid.move(cells: -1)
        case .right: editor.grid.move(cells: 1)
        case .down: editor.grid.move(days: 1)
        case .up: editor.grid.move(days: -1)
        case .hourBack: editor.grid.move(cells: -hour)
        case .hourForward: editor.grid.move(cells: hour)
        case .dayStart: editor.grid.move(cells: -editor.grid.columns)
        case .dayEnd: editor.grid.move(cells: editor.grid.columns)
        case .extendLeft: editor.grid.move(cells: -1, extending: true)
        case .extendRight: editor.grid.move(cells: 1, extending: true)
        case .extendUp: editor.grid.move(days: -1, extending: true)
        case .extendDown: editor.grid.move(days: 1, extending: true)
        case .block: editor.grid.toggleBlock()
        case .toggle: editor.grid.toggle()
        case .fill: editor.grid.set(true)
        case .clear: editor.grid.set(false)
        case .copy:
            editor.grid.copiedDay = editor.grid.schedule.windows(on: editor.grid.cursor.day)
            state.notice = "copied \(editor.grid.cursor.day.code); \(state.keymap.primary("grid.paste")) pastes it on a day or a block's days"
        case .paste:
            guard let windows = editor.grid.copiedDay else {
                state.notice = "nothing copied yet: \(state.keymap.primary("grid.copy")) copies the cursor's day"
                return []
            }
            editor.grid.paste(windows)
        case .preset(let number): editor.grid.apply(number == 1 ? .weekdaysNineToSix : number == 2 ? .everyDayEightToNine : .clearAll)
        case .frequency:
            let all = CallingFrequency.known
            let next = all[((all.firstIndex(of: editor.grid.frequency) ?? -1) + 1) % all.count]
            editor.grid.setFrequency(next)
            state.notice = "frequency \(next.rawValue)" + (next == .daily ? ": every day gets the cursor's day" : "")
        case .timezone:
            editor.picker = .timezones(chosen: editor.grid.timezone)
        case .help:
            state.stack.append(.help)
            state.helpScroll = 0
        case .close:
            editor.showsGrid = false
            editor.grid.toggleBlockOff()
        }
        editor.grid.recordChange(from: schedule)
        if editor.grid.callingHours != before { editor.gridChanged() }
        return []
    }
}
