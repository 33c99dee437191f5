import TerminalKit

/// The campaign list: a header and only the rows that fit, however many campaigns there are.
enum ListPane {
    static func render(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        guard !rect.isEmpty else { return }
        let list = state.list
        let columns = ListLayout.columns(in: rect)
        for (column, x, width) in columns {
            var title = column.title
            if list.sort.column == column { title += list.sort.ascending ? "▲" : "▼" }
            canvas.put(title, x: x, y: rect.y, width: width, style: Theme.header)
        }
        let rows = max(0, rect.height - 1)
        if list.visible.isEmpty {
            canvas.put(emptyText(state), x: rect.x + 1, y: rect.y + 2, style: state.load.failure == nil ? Theme.dim : Theme.error,
                       maxX: rect.maxX)
            return
        }
        let end = min(list.visible.count, list.scrollTop + rows)
        for position in list.scrollTop..<end {
            let row = list.rows[list.visible[position]]
            let y = rect.y + 1 + position - list.scrollTop
            let isSelected = position == list.selected
            let highlight = state.focus == .list ? Theme.selected : Theme.selectedUnfocused
            // A mark shows in the gutter, over the selection's "▸" (the selection still shows in
            // the highlighted type and name).
            if state.bulk.marked.contains(row.id) {
                canvas.put("●", x: rect.x, y: y, style: isSelected ? highlight : Theme.marked)
            } else if isSelected {
                canvas.put("▸", x: rect.x, y: y, style: highlight)
            }
            for (column, x, width) in columns {
                let (text, style) = cell(column, row: row, state: state)
                // The selection marks the row's identity (type and name), not every cell: a move
                // then rewrites a few dozen cells over SSH instead of two whole rows.
                let marked = isSelected && (column == .type || column == .name)
                canvas.put(text, x: x, y: y, width: width + (marked && column == .type ? 1 : 0),
                           style: marked ? highlight : style)
            }
        }
    }

    static func cell(_ column: CampaignColumn, row: CampaignRow, state: AppState) -> (String, Style) {
        switch column {
        case .type: return (row.type, .plain)
        case .name: return (row.name, Style(bold: true))
        case .status:
            // A bulk run's result for the row takes its status cell until marks are cleared.
            if let result = state.bulk.results[row.id] {
                switch result {
                case .succeeded: return (result.cellText, Theme.open)
                case .failed: return (result.cellText, Theme.error)
                case .pending, .sending: return (result.cellText, Theme.dim)
                }
            }
            return (row.status, Theme.status(row.status))
        case .priority: return (row.priority, .plain)
        case .mode: return (row.mode, .plain)
        case .lists: return (row.lists, .plain)
        case .updated: return (row.updated, Theme.dim)
        case .window:
            if let window = state.list.windows[row.id] {
                return (window.columnText, window.isOpen ? Theme.open : Theme.closed)
            }
            if state.detailErrors[row.id] != nil { return ("! unavailable", Theme.error) }
            return ("…", Theme.dim)
        }
    }

    /// The line under a list that a load left incomplete: what is missing and why.
    static func renderPartialNote(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        canvas.fill(rect, style: Theme.error)
        let reason = state.load.failure ?? "the load stopped early"
        let text = " ⚠ Partial list: \(reason) — r retries"
        canvas.put(DisplayWidth.truncate(text, to: rect.width), x: rect.x, y: rect.y, style: Theme.error)
    }

    static func emptyText(_ state: AppState) -> String {
        if let failure = state.load.failure { return "Could not load campaigns: \(failure) — press r to retry" }
        if state.load.isLoading { return "Loading campaigns…" }
        if !state.list.filterText.isEmpty { return "No campaign matches “\(state.list.filterText)” — Esc on / clears it" }
        if state.list.rows.isEmpty { return "No campaigns yet" }
        return "No \(state.list.scope.title) campaigns — t shows the others"
    }
}

extension Theme {
    /// The gutter's "●" of a marked campaign.
    static let marked = Style(foreground: .indexed(214), bold: true)
}
