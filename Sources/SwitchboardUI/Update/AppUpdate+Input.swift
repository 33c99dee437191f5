import CampaignModel
import Foundation
import TerminalKit

extension AppUpdate {
    static func handle(_ event: InputEvent, _ state: inout AppState) -> [Effect] {
        switch event {
        case .resize(let size):
            state.size = size
            state.repaintRequested = false
            state.editor?.grid.setCellMinutes(GridPane.cellMinutes(forWidth: size.width))
            return afterMove(&state)
        case .mouse(let mouse):
            return handle(mouse, &state)
        case .paste(let text):
            return paste(text, &state)
        case .key(let key):
            // Ctrl-Z suspends everywhere, as in other curses programs.
            if key == .control("z") {
                state.suspendRequested = true
                return []
            }
            if state.editLoading != nil, state.dialog == nil { return typeAhead(key, &state) }
            if state.dialog != nil { return dialogKey(key, &state) }
            if state.screen == .editor, state.editor != nil { return editorKey(key, &state) }
            if let input = state.input { return type(key, into: input, &state) }
            guard let command = KeyBindings.command(for: key) else {
                state.notice = "\(key) does nothing here — press ? for keys"
                return []
            }
            state.notice = nil
            // Help over an open form: only what leads back to it.
            if state.editor != nil, ![.back, .close, .quit, .suspend, .repaint, .help, .down, .up, .pageDown, .pageUp, .top, .bottom]
                .contains(command) {
                state.notice = "a form is open: Esc goes back to it"
                return []
            }
            if command.isMutating, state.readOnly {
                state.notice = "read-only: started with --readonly, nothing can be changed"
                return []
            }
            return run(command, &state)
        }
    }

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .quit:
            state.finished = true
        case .back, .close:
            if state.stack.count > 1 {
                state.stack.removeLast()
                state.detailScroll = 0
                return afterMove(&state)
            }
            if command == .close {
                state.finished = true
            } else if !state.list.filterText.isEmpty {
                // Esc on the list never quits: it clears a filter, else it only says how to quit.
                state.list.setFilter("")
                state.notice = "filter cleared"
                return afterMove(&state)
            } else {
                state.notice = "Esc does nothing on the list — q or :q quits"
            }
        case .suspend:
            state.suspendRequested = true
        case .help:
            if state.screen != .help { state.stack.append(.help) }
            state.helpScroll = 0
        case .palette:
            state.input = .palette("")
        case .filter:
            guard state.screen == .campaigns else { return [] }
            state.input = .filter
            state.focus = .list
        case .refresh:
            var effects = state.load.isLoading ? [] : startLoad(&state)
            if state.screen == .contactLists {
                state.contactListsLoading = true
                effects.append(.loadContactLists)
            }
            return effects
        case .repaint:
            state.repaintRequested = true
        case .toggleType:
            guard state.screen == .campaigns else { return [] }
            state.list.scope = state.list.scope.next
            return afterMove(&state)
        case .sort(let column):
            guard state.screen == .campaigns else { return [] }
            state.list.sort = state.list.sort.selecting(column)
            state.notice = "sorted by \(column.helpName)\(state.list.sort.ascending ? "" : ", reversed")"
            return afterMove(&state)
        case .togglePreview:
            guard state.screen == .campaigns else { return [] }
            state.showsPreview.toggle()
            state.focus = .list
            return afterMove(&state)
        case .focusNext:
            guard state.screen == .campaigns, state.showsPreview else { return [] }
            state.focus = state.focus == .list ? .detail : .list
        case .open:
            guard state.screen == .campaigns, let row = state.list.selectedRow else { return [] }
            state.stack.append(.campaignDetail(id: row.id))
            state.detailScroll = 0
            return afterMove(&state)
        case .contactLists:
            guard state.screen != .contactLists else { return [] }
            state.stack = [.campaigns, .contactLists]
            state.contactListsLoading = true
            return [.loadContactLists]
        case .down, .up, .pageDown, .pageUp, .top, .bottom:
            return scroll(command, &state)
        case .edit:
            return beginEdit(&state)
        case .create:
            state.dialog = Dialog(.newCampaign)
        case .delete, .start, .stop:
            return confirm(command, &state)
        }
        return []
    }

    /// j/k and friends move whatever the current screen scrolls.
    static func scroll(_ command: Command, _ state: inout AppState) -> [Effect] {
        let layout = ScreenLayout(state)
        let page = max(1, layout.listRows - 1)
        func moved(_ position: Int, count: Int) -> Int {
            switch command {
            case .down: return position + 1
            case .up: return position - 1
            case .pageDown: return position + page
            case .pageUp: return position - page
            case .top: return 0
            case .bottom: return max(0, count - 1)
            default: return position
            }
        }
        switch state.screen {
        case .campaigns where state.focus == .list:
            state.list.select(position: moved(state.list.selected, count: state.list.visible.count))
            state.detailScroll = 0
            return afterMove(&state)
        case .campaigns, .campaignDetail:
            state.detailScroll = max(0, moved(state.detailScroll, count: Int.max / 2))
            if command == .bottom { state.detailScroll = Int.max / 4 }
        case .contactLists:
            state.contactListSelected = max(0, min(moved(state.contactListSelected, count: state.contactLists.count),
                                                   state.contactLists.count - 1))
        case .help:
            state.helpScroll = max(0, moved(state.helpScroll, count: Int.max / 2))
        case .editor:
            break
        }
        return []
    }

    /// After the selection or the layout changed: keep the selection on screen, fetch details.
    static func afterMove(_ state: inout AppState) -> [Effect] {
        let layout = ScreenLayout(state)
        state.list.scrollToSelection(height: layout.listRows)
        return detailsForVisibleRows(&state)
    }

    /// A key typed into the filter or palette line.
    static func type(_ key: Key, into input: InputLine, _ state: inout AppState) -> [Effect] {
        switch input {
        case .filter:
            var text = state.list.filterText
            switch key {
            case .enter: state.input = nil
            case .escape:
                state.input = nil
                text = ""
            case .backspace: if !text.isEmpty { text.removeLast() }
            case .control("u"): text = ""
            case .character(let character): text.append(character)
            case .down, .up, .pageDown, .pageUp: return KeyBindings.command(for: key).map { scroll($0, &state) } ?? []
            default: return []
            }
            if text != state.list.filterText { state.list.setFilter(text) }
            return afterMove(&state)
        case .palette(var text):
            switch key {
            case .escape: state.input = nil
            case .backspace:
                if text.isEmpty { state.input = nil } else { text.removeLast(); state.input = .palette(text) }
            case .tab:
                if let first = PaletteCommand.completions(text).first { state.input = .palette(first.rawValue) }
            case .character(let character):
                text.append(character)
                state.input = .palette(text)
            case .enter:
                state.input = nil
                return runPalette(text, &state)
            default: break
            }
            return []
        }
    }

    static func runPalette(_ text: String, _ state: inout AppState) -> [Effect] {
        guard let command = PaletteCommand.parse(text) else {
            state.lastError = "unknown command :\(text) — try :sms, :voice, :all, :contact-lists, :q"
            return []
        }
        switch command {
        case .q, .quit: return run(.quit, &state)
        case .help: return run(.help, &state)
        case .refresh: return run(.refresh, &state)
        case .contactLists: return run(.contactLists, &state)
        case .sms, .voice, .all, .campaigns:
            state.stack = [.campaigns]
            state.list.scope = command == .sms ? .sms : command == .voice ? .voice : .all
            return afterMove(&state)
        }
    }

    /// Clicks select rows and sort by headers; the wheel scrolls.
    static func handle(_ mouse: MouseEvent, _ state: inout AppState) -> [Effect] {
        switch mouse.kind {
        case .wheelUp: return scroll(.up, &state)
        case .wheelDown: return scroll(.down, &state)
        case .click: break
        }
        let layout = ScreenLayout(state)
        switch state.screen {
        case .campaigns:
            if layout.list.contains(x: mouse.x, y: mouse.y) {
                state.focus = .list
                if mouse.y == layout.list.y {
                    var x = layout.list.x + ListPane.gutter
                    for (column, width) in CampaignColumn.layout(width: layout.list.width - ListPane.gutter) {
                        if mouse.x < x + width + 1 { return run(.sort(column), &state) }
                        x += width + 1
                    }
                    return []
                }
                state.list.select(position: state.list.scrollTop + mouse.y - layout.list.y - 1)
                return afterMove(&state)
            }
            if let detail = layout.detail, detail.contains(x: mouse.x, y: mouse.y) { state.focus = .detail }
        case .contactLists:
            let position = mouse.y - layout.body.y - 1
            if position >= 0, position < state.contactLists.count { state.contactListSelected = position }
        default: break
        }
        return []
    }
}
