import TerminalKit

/// The shift board: a header, one row per campaign on screen, and the selected row in full.
/// Every row keeps its place and every cell its width, so a count that moves redraws only the
/// cells that changed.
enum BoardPane {
    static func render(_ state: AppState, into canvas: inout Canvas) {
        let layout = BoardLayout(state)
        let rect = layout.table
        guard !rect.isEmpty else { return }
        let board = state.board
        let columns = BoardLayout.columns(in: rect)
        for (column, x, width) in columns {
            var title = column.title
            if board.sort.column == column { title += board.sort.ascending ? "▲" : "▼" }
            let text = BoardLayout.isNumeric(column) ? rightAligned(title, width) : title
            canvas.put(text, x: x, y: rect.y, width: width, style: Theme.header)
        }
        if let summary = layout.summary {
            canvas.fill(summary, style: Theme.statusBar)
            var x = summary.x
            for (text, tone) in BoardText.summary(state) {
                x = canvas.put(text, x: x, y: summary.y, style: Theme.style(tone).with(background: .indexed(236)), maxX: summary.maxX)
            }
        }
        guard !board.rows.isEmpty else {
            let text = board.all.isEmpty ? "No Active, Paused, Scheduled or recently Completed campaigns — r reloads the list"
                : "No \(board.scope.title) campaigns on the board — t shows the others"
            canvas.put(text, x: rect.x + 1, y: rect.y + 2, style: Theme.dim, maxX: rect.maxX)
            return
        }
        let rows = layout.rows
        let end = min(board.rows.count, board.scrollTop + rows)
        for position in board.scrollTop..<max(board.scrollTop, end) {
            let row = board.rows[position]
            let y = rect.y + 1 + position - board.scrollTop
            let isSelected = position == board.selected
            if isSelected { canvas.put("▸", x: rect.x, y: y, style: Theme.selected) }
            for (column, x, width) in columns {
                let (text, tone) = BoardText.cell(column, row: row, state: state)
                let marked = isSelected && (column == .type || column == .name)
                canvas.put(BoardLayout.isNumeric(column) ? rightAligned(text, width) : text, x: x, y: y,
                           width: width + (marked && column == .type ? 1 : 0), style: marked ? Theme.selected : Theme.style(tone))
            }
        }
    }

    static func rightAligned(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}

/// A campaign's contacts: what is shown and read, the header, and the rows on screen (a row
/// whose page has not arrived shows "…").
enum ContactsPane {
    static func render(_ state: AppState, into canvas: inout Canvas) {
        guard let contacts = state.contacts else { return }
        let layout = ContactsLayout(state)
        var x = layout.info.x
        for (text, tone) in ContactsText.info(contacts) {
            x = canvas.put(text, x: x, y: layout.info.y, style: Theme.style(tone), maxX: layout.info.maxX)
        }
        let rect = layout.table
        guard !rect.isEmpty else { return }
        let columns = ContactsLayout.columns(in: rect)
        for (column, x, width) in columns {
            var title = column.title
            if contacts.sort?.column == column { title += contacts.sort?.ascending == true ? "▲" : "▼" }
            canvas.put(title, x: x, y: rect.y, width: width, style: Theme.header)
        }
        guard contacts.rowCount > 0 else {
            let text = contacts.total == nil ? "Reading the contacts…"
                : contacts.needsAll ? "No contact matches — Esc on / clears the filter" : "This campaign has no contacts"
            canvas.put(text, x: rect.x + 1, y: rect.y + 2, style: Theme.dim, maxX: rect.maxX)
            return
        }
        let end = min(contacts.rowCount, contacts.scrollTop + layout.rows)
        for position in contacts.scrollTop..<max(contacts.scrollTop, end) {
            let y = rect.y + 1 + position - contacts.scrollTop
            let isSelected = position == contacts.selected
            if isSelected { canvas.put("▸", x: rect.x, y: y, style: Theme.selected) }
            guard let contact = contacts.contact(atPosition: position) else {
                canvas.put("…", x: columns.first?.x ?? rect.x, y: y, width: columns.first?.width ?? 1, style: Theme.dim)
                continue
            }
            for (column, x, width) in columns {
                let (text, tone) = ContactsText.cell(column, contact)
                let marked = isSelected && column == .phone
                canvas.put(text, x: x, y: y, width: width, style: marked ? Theme.selected : Theme.style(tone))
            }
        }
    }
}
