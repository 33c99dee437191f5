import CampaignModel
import Foundation
import TerminalKit

/// The shift board: opening it, its keys, and its counts. A row's contacts are counted only
/// while it is on screen: a count is one effect (`.boardCounts(id)`) that answers page by page;
/// each page only adds its tally here, so a 100,000-contact recount never holds up a frame.
/// Rows that leave the screen cancel their count; during a burst of navigation keys no new
/// count starts until the keys settle; a row is counted again `boardRefreshInterval` after its
/// last count ended.
extension AppUpdate {
    /// `b` or `:board`: the board, built from the campaigns listed.
    static func openBoard(_ state: inout AppState) -> [Effect] {
        state.stack = [.campaigns, .board]
        state.input = nil
        if state.board.builtFrom == nil { state.board.scope = state.list.scope }
        state.board.rebuild(from: state.list, now: state.now, builtFrom: state.load.lastFinished)
        return afterMove(&state)
    }

    /// A key on the board: its own bindings, then the screens' general and scrolling keys.
    static func boardKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let command = state.keymap.action(for: key, in: BoardKeys.table) else {
            return sharedScreenKey(key, &state)
        }
        state.notice = nil
        if command.isMutating, state.readOnly {
            state.notice = "read-only: started with --readonly, nothing can be changed"
            return []
        }
        guard let row = state.board.selectedRow else {
            if case .toggleType = command {} else if case .sort = command {} else {
                state.notice = "no campaign on the board"
                return []
            }
            return runBoard(command, row: nil, &state)
        }
        return runBoard(command, row: row, &state)
    }

    /// The general and scrolling keys of the screens, on the board and the contacts screen.
    static func sharedScreenKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let command = state.keymap.action(for: key, in: ScreenKeys.general + ScreenKeys.scrolling) else {
            state.notice = "\(key) does nothing here — press \(state.keymap.label(of: ScreenKeys.general[0])) for keys"
            return []
        }
        state.notice = nil
        switch command {
        case .down, .up, .pageDown, .pageUp, .top, .bottom:
            return state.screen == .board ? boardScroll(command, &state) : contactsScroll(command, &state)
        case .refresh where state.screen == .board:
            // The list again, and every row on screen counted afresh.
            let effects = state.load.isLoading ? [] : startLoad(&state)
            for id in state.board.onScreen(height: BoardLayout(state).rows) where !state.board.counting.contains(id) {
                state.board.counts[id]?.finishedAt = nil
            }
            state.notice = "recounting the rows on screen"
            return effects + boardSync(&state)
        case .refresh where state.contacts != nil:
            // The contacts read again from the first page.
            let effects = (state.contacts?.loadingAll == true ? [Effect.cancel(.allContacts(state.contacts!.campaignID))] : [])
                + (state.contacts?.pagesLoading.sorted().map { Effect.cancel(.contactsPage(state.contacts!.campaignID, $0)) } ?? [])
            state.contacts?.reload()
            state.notice = "reading the contacts again"
            return effects + afterMove(&state)
        default:
            return run(command, &state)
        }
    }

    static func runBoard(_ command: BoardCommand, row: BoardRow?, _ state: inout AppState) -> [Effect] {
        switch command {
        case .toggleType:
            state.board.scope = state.board.scope.next
            state.board.reorder(now: state.now, list: state.list)
            state.notice = "board: \(state.board.scope.title)"
            return afterMove(&state)
        case .sort(let column):
            state.board.sort = state.board.sort.selecting(column)
            state.board.reorder(now: state.now, list: state.list)
            state.notice = "board sorted by \(column.helpName)\(state.board.sort.ascending ? "" : ", reversed")"
            return afterMove(&state)
        case .contacts:
            guard let row else { return [] }
            state.contacts = ContactsScreenState(campaignID: row.id, campaignName: row.name)
            state.stack.append(.campaignContacts(id: row.id))
            return afterMove(&state)
        case .detail:
            guard let row else { return [] }
            state.stack.append(.campaignDetail(id: row.id))
            state.detailScroll = 0
            return afterMove(&state)
        case .edit:
            return beginEdit(&state)
        case .start:
            return confirm(.start, &state)
        case .stop:
            return confirm(.stop, &state)
        }
    }

    /// j/k and friends on the board. The first key of a burst lets counts start at once; later
    /// ones only cancel the counts of rows that left, until the keys settle.
    static func boardScroll(_ command: Command, _ state: inout AppState) -> [Effect] {
        let rows = BoardLayout(state).rows
        let before = state.board.selected
        state.board.selected = moved(command, from: before, count: state.board.rows.count, page: max(1, rows - 1))
        guard state.board.selected != before else { return [] }
        state.board.hold.moving(from: "burst")
        return afterMove(&state) + [.wake(.boardKeysSettled, after: PreviewHold.settleDelay)]
    }

    /// Where a navigation `command` takes position `position` of `count` rows.
    static func moved(_ command: Command, from position: Int, count: Int, page: Int) -> Int {
        let target: Int
        switch command {
        case .down: target = position + 1
        case .up: target = position - 1
        case .pageDown: target = position + page
        case .pageUp: target = position - page
        case .top: target = 0
        case .bottom: target = count - 1
        default: target = position
        }
        return max(0, min(target, count - 1))
    }

    /// After anything that may change what the board or the contacts screen shows: keeps their
    /// selections on screen, cancels the work of rows that left it and starts what is due.
    /// Cheap when neither is open and nothing runs (every list keystroke passes here).
    static func boardAfterMove(_ state: inout AppState) -> [Effect] {
        let onBoard = state.screen == .board
        guard onBoard || !state.board.counting.isEmpty || state.contacts != nil else { return [] }
        if onBoard { state.board.scrollToSelection(height: BoardLayout(state).rows) }
        return boardSync(&state) + contactsSync(&state)
    }

    /// Cancels the counts of rows not on screen and, unless keys are arriving in a burst, starts
    /// the counts due for the rows on screen.
    static func boardSync(_ state: inout AppState) -> [Effect] {
        let onScreen = state.screen == .board ? state.board.onScreen(height: BoardLayout(state).rows) : []
        let shown = Set(onScreen)
        var effects: [Effect] = []
        for id in state.board.counting.sorted() where !shown.contains(id) {
            state.board.counting.remove(id)
            // A partial count is dropped: the row is counted from its first page when it returns.
            state.board.counts[id]?.running = nil
            state.board.counts[id]?.runningSince = nil
            effects.append(.cancel(.boardCounts(id)))
        }
        guard state.board.hold.heldID == nil else { return effects }
        for id in onScreen where isCountDue(id, state) { effects.append(startCount(id, &state)) }
        return effects
    }

    static func isCountDue(_ id: String, _ state: AppState) -> Bool {
        guard !state.board.counting.contains(id), !id.hasPrefix("#") else { return false }
        guard let finished = state.board.counts[id]?.finishedAt else { return true }
        guard let interval = state.boardRefreshInterval else { return false }
        return state.now.timeIntervalSince(finished) >= interval
    }

    static func startCount(_ id: String, _ state: inout AppState) -> Effect {
        var count = state.board.counts[id] ?? BoardCount()
        count.generation += 1
        count.running = OutcomeTally()
        count.runningSince = state.now
        count.pagesRead = 0
        state.board.counts[id] = count
        state.board.counting.insert(id)
        return .countContacts(campaignID: id, generation: count.generation)
    }

    /// Each second: the board follows a new list load, and recounts the rows that are due.
    static func boardTick(_ state: inout AppState) -> [Effect] {
        guard state.stack.contains(.board) || !state.board.counting.isEmpty else { return [] }
        if state.load.lastFinished != state.board.builtFrom {
            state.board.rebuild(from: state.list, now: state.now, builtFrom: state.load.lastFinished)
            if state.screen == .board { state.board.scrollToSelection(height: BoardLayout(state).rows) }
        }
        return boardSync(&state)
    }

    /// The answers of the board's and the contacts screen's work.
    static func boardAction(_ action: Action, _ state: inout AppState) -> [Effect] {
        switch action {
        case .boardCountPage(let id, let generation, let page):
            guard state.board.counting.contains(id), var count = state.board.counts[id], count.generation == generation else { return [] }
            count.running = (count.running ?? OutcomeTally()) + page.tally
            count.pagesRead += 1
            if let total = page.totalResults { count.expected = total }
            if page.isLast {
                count.last = count.running
                count.asOf = count.runningSince
                count.running = nil
                count.runningSince = nil
                count.finishedAt = state.now
                count.failure = nil
                state.board.counting.remove(id)
            }
            state.board.counts[id] = count
            if page.isLast, [.progress, .connectedPercent, .attempts].contains(state.board.sort.column) {
                state.board.reorder(now: state.now, list: state.list)
                state.board.scrollToSelection(height: BoardLayout(state).rows)
            }
            return []
        case .boardStatusLoaded(let id, let generation, let status):
            guard state.board.counting.contains(id), state.board.counts[id]?.generation == generation else { return [] }
            guard state.board.setStatus(status.rawValue, of: id) else { return [] }
            if state.board.sort.column == .status {
                state.board.reorder(now: state.now, list: state.list)
                state.board.scrollToSelection(height: BoardLayout(state).rows)
            }
            return []
        case .boardCountFailed(let id, let generation, let error):
            guard state.board.counting.contains(id), state.board.counts[id]?.generation == generation else { return [] }
            state.board.counting.remove(id)
            state.board.counts[id]?.running = nil
            state.board.counts[id]?.runningSince = nil
            state.board.counts[id]?.finishedAt = state.now
            state.board.counts[id]?.failure = error.message
            return []
        case .contactsPageLoaded(let id, let page, let result):
            return contactsPageLoaded(id, page: page, result, &state)
        case .woke(.boardKeysSettled):
            state.board.hold.settle()
            state.contacts?.hold.settle()
            return afterMove(&state)
        default:
            return []
        }
    }
}

extension AppState {
    /// The board's and the contacts screen's breadcrumbs.
    func boardBreadcrumb(_ screen: Screen) -> String? {
        switch screen {
        case .board:
            return "Board (\(board.scope.title))"
        case .campaignContacts(let id):
            let name = contacts?.campaignName ?? list.campaign(id: id)?.name ?? id
            let filter = contacts?.filterText ?? ""
            return name + " contacts" + (filter.isEmpty ? "" : " /" + filter)
        default:
            return nil
        }
    }
}

extension AppUpdate {
    /// The campaigns whose full records (calling hours) the board needs now: its rows on screen,
    /// or the campaign whose detail was opened from it; nil on the list's screens.
    static func boardDetailIDs(_ state: AppState) -> [String]? {
        switch state.screen {
        case .board: return state.board.onScreen(height: BoardLayout(state).rows)
        case .campaignDetail(let id) where state.stack.contains(.board): return [id]
        default: return nil
        }
    }
}

extension AppUpdate {
    /// A click on the board or the contacts screen: a header sorts by its column, a row is selected.
    static func boardClick(_ mouse: MouseEvent, _ state: inout AppState) -> [Effect] {
        if state.screen == .board {
            let table = BoardLayout(state).table
            guard table.contains(x: mouse.x, y: mouse.y) else { return [] }
            if mouse.y == table.y {
                guard let column = BoardLayout.columns(in: table).first(where: { mouse.x < $0.x + $0.width + 1 })?.column,
                      BoardColumn.sortable.contains(column) else { return [] }
                return runBoard(.sort(column), row: state.board.selectedRow, &state)
            }
            let position = state.board.scrollTop + mouse.y - table.y - 1
            guard state.board.rows.indices.contains(position) else { return [] }
            state.board.selected = position
            return afterMove(&state)
        }
        guard var contacts = state.contacts else { return [] }
        let table = ContactsLayout(state).table
        guard table.contains(x: mouse.x, y: mouse.y) else { return [] }
        if mouse.y == table.y {
            guard let column = ContactsLayout.columns(in: table).first(where: { mouse.x < $0.x + $0.width + 1 })?.column else { return [] }
            let ascending = contacts.sort.map { $0.column == column ? !$0.ascending : true } ?? true
            contacts.setSort(ContactSort(column: column, ascending: ascending))
        } else {
            let position = contacts.scrollTop + mouse.y - table.y - 1
            guard position < contacts.rowCount else { return [] }
            contacts.selected = position
        }
        state.contacts = contacts
        return afterMove(&state)
    }
}
