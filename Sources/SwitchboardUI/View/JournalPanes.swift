import CampaignAPI
import TerminalKit

/// The `:audit` table, the `:snapshots` table and one snapshot's JSON.
enum JournalPanes {
    static func renderAudit(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        header(JournalText.auditColumns, into: &canvas, rect: rect)
        guard state.audit.message == nil, !state.audit.entries.isEmpty else {
            return note(state.audit.loading ? "Reading the audit log…" : state.audit.message ?? "", into: &canvas, rect: rect)
        }
        let rows = JournalText.tableRows(rect)
        for (offset, entry) in state.audit.entries.dropFirst(state.audit.scroll).prefix(rows).enumerated() {
            let style: Style = entry.succeeded ? .plain : Theme.error
            row(JournalText.auditCells(entry), JournalText.auditColumns, y: rect.y + 1 + offset, style: style, into: &canvas, rect: rect)
        }
    }

    static func renderSnapshots(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        header(JournalText.snapshotColumns, into: &canvas, rect: rect)
        let screen = state.snapshots
        guard screen.message == nil, !screen.snapshots.isEmpty else {
            return note(screen.loading ? "Reading the snapshots…" : screen.message ?? "", into: &canvas, rect: rect)
        }
        let rows = JournalText.tableRows(rect)
        let top = ContactListsPane.scrollTop(selected: screen.selected, rows: rows)
        for (offset, stored) in screen.snapshots.dropFirst(top).prefix(rows).enumerated() {
            let y = rect.y + 1 + offset
            let selected = top + offset == screen.selected
            if selected { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: Theme.selected) }
            row(JournalText.snapshotCells(stored), JournalText.snapshotColumns, y: y, style: selected ? Theme.selected : .plain,
                into: &canvas, rect: rect)
        }
    }

    static func renderSnapshot(named name: String, state: AppState, into canvas: inout Canvas, rect: Rect) {
        guard let stored = state.snapshots.snapshots.first(where: { $0.name == name }) else {
            return note("the snapshot \(name) is no longer listed", into: &canvas, rect: rect)
        }
        for (offset, line) in JournalText.snapshotLines(stored).dropFirst(state.snapshots.textScroll).prefix(rect.height).enumerated() {
            canvas.put(line, x: rect.x + 1, y: rect.y + offset, maxX: rect.maxX)
        }
    }

    private static func header(_ columns: [(title: String, width: Int)], into canvas: inout Canvas, rect: Rect) {
        var x = rect.x
        for (title, width) in columns where x < rect.maxX {
            x = canvas.put(DisplayWidth.fit(title, to: width), x: x, y: rect.y, style: Theme.header, maxX: rect.maxX) + 1
        }
    }

    private static func row(_ cells: [String], _ columns: [(title: String, width: Int)], y: Int, style: Style,
                            into canvas: inout Canvas, rect: Rect) {
        var x = rect.x
        for (index, (value, column)) in zip(cells, columns).enumerated() where x < rect.maxX {
            // The last column takes what is left of the line.
            let text = index == columns.count - 1 ? value : DisplayWidth.fit(value, to: column.width)
            x = canvas.put(text, x: x, y: y, style: style, maxX: rect.maxX) + 1
        }
    }

    private static func note(_ text: String, into canvas: inout Canvas, rect: Rect) {
        canvas.put(text, x: rect.x + 1, y: rect.y + 2, style: Theme.dim, maxX: rect.maxX)
    }
}
