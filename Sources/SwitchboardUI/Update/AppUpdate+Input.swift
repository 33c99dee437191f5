import CampaignModel
import Foundation
import TerminalKit

extension AppUpdate {
    static func handle(_ event: InputEvent, _ state: inout AppState) -> [Effect] {
        switch event {
        case .resize(let size):
            state.size = size
            state.editor?.grid.setCellMinutes(GridLayout.cellMinutes(forWidth: size.width))
            return afterMove(&state)
        case .mouse(let mouse):
            return handle(mouse, &state)
        case .paste(let text):
            return paste(text, &state)
        case .key(let key):
            return route(key, &state)
        }
    }

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .quit:
            return [.quit]
        case .back, .close:
            if command == .back, let stopped = stopBulk(&state) { return stopped }
            if state.stack.count > 1 {
                state.stack.removeLast()
                state.detailScroll = 0
                return afterMove(&state)
            }
            if command == .close {
                return [.quit]
            } else if !state.list.filterText.isEmpty {
                // Esc on the list never quits: it clears a filter, else it only says how to quit.
                state.list.setFilter("")
                state.notice = "filter cleared"
                return afterMove(&state)
            } else {
                state.notice = "Esc does nothing on the list — q or :q quits"
            }
        case .suspend:
            return [.suspend]
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
            if state.screen == .audit { effects += openAudit(&state) }
            if state.screen == .snapshots { effects += openSnapshots(&state) }
            return effects
        case .repaint:
            return [.repaint]
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
            if state.screen == .snapshots { return openSnapshot(&state) }
            guard state.screen == .campaigns, let row = state.list.selectedRow else { return [] }
            state.stack.append(.campaignDetail(id: row.id))
            state.detailScroll = 0
            return afterMove(&state)
        case .board:
            return openBoard(&state)
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
            // Marks act from the campaign list; a detail screen's keys stay about its campaign.
            return state.bulk.marked.isEmpty || state.screen != .campaigns ? confirm(command, &state) : confirmBulk(command, &state)
        case .mark: return toggleMark(&state)
        case .markAll: return markAll(&state)
        case .clearMarks: return clearMarks(&state)
        case .bulkPriority: return bulkPriority(&state)
        case .bulkHours: return bulkHours(&state)
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
            let shown = state.previewCampaign?.id
            let before = state.list.selected
            state.list.select(position: moved(state.list.selected, count: state.list.visible.count))
            guard state.list.selected != before else { return [] }
            state.detailScroll = 0
            guard state.showsPreview else { return afterMove(&state) }
            state.previewHold.moving(from: shown)
            return afterMove(&state) + [.wake(.keysSettled, after: PreviewHold.settleDelay)]
        case .campaigns, .campaignDetail:
            let limit = ScrollLimit.detail(state)
            state.detailScroll = min(max(0, moved(state.detailScroll, count: limit + 1)), limit)
        case .contactLists:
            state.contactListSelected = max(0, min(moved(state.contactListSelected, count: state.contactLists.count),
                                                   state.contactLists.count - 1))
        case .help:
            let limit = ScrollLimit.help(state)
            state.helpScroll = min(max(0, moved(state.helpScroll, count: limit + 1)), limit)
        case .editor:
            break
        case .board:
            return boardScroll(command, &state)
        case .campaignContacts:
            return contactsScroll(command, &state)
        case .audit, .snapshots, .snapshot:
            journalScroll({ moved($0, count: $1) }, &state)
        }
        return []
    }

    /// After the selection or the layout changed: keep the selection on screen, fetch details.
    static func afterMove(_ state: inout AppState) -> [Effect] {
        let layout = ScreenLayout(state)
        state.list.scrollToSelection(height: layout.listRows)
        return detailsForVisibleRows(&state) + boardAfterMove(&state)
    }

    static func runPalette(_ text: String, _ state: inout AppState) -> [Effect] {
        guard let command = PaletteCommand.parse(text) else {
            state.lastError = "unknown command :\(text) — try :sms, :voice, :all, :contact-lists, :audit, :snapshots, :q"
            return []
        }
        switch command {
        case .q, .quit: return run(.quit, &state)
        case .help: return run(.help, &state)
        case .refresh: return run(.refresh, &state)
        case .contactLists: return run(.contactLists, &state)
        case .board: return run(.board, &state)
        case .audit: return openAudit(&state)
        case .snapshots: return openSnapshots(&state)
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
                    guard let column = ListLayout.column(atX: mouse.x, in: layout.list) else { return [] }
                    return run(.sort(column), &state)
                }
                state.list.select(position: state.list.scrollTop + mouse.y - layout.list.y - 1)
                return afterMove(&state)
            }
            if let detail = layout.detail, detail.contains(x: mouse.x, y: mouse.y) { state.focus = .detail }
        case .contactLists:
            let position = mouse.y - layout.body.y - 1
            if position >= 0, position < state.contactLists.count { state.contactListSelected = position }
        case .board, .campaignContacts:
            return boardClick(mouse, &state)
        default: break
        }
        return []
    }
}
