import CampaignModel
import TerminalKit

/// Contact lists: a table and the selected list's fields.
enum ContactListsPane {
    static let columns: [(title: String, width: Int)] = [("NAME", 26), ("RECORDS", 8), ("STATUS", 10), ("TYPE", 10),
                                                         ("IN USE", 6), ("ID", 16)]

    /// The first list shown, so that the selection stays on screen.
    static func scrollTop(selected: Int, rows: Int) -> Int { max(0, selected - max(1, rows) + 1) }

    static func render(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        let (tableRect, infoRect) = rect.splitBottom(min(5, max(0, rect.height - 4)))
        var x = tableRect.x
        for (title, width) in columns where x < tableRect.maxX {
            x = canvas.put(DisplayWidth.fit(title, to: width), x: x, y: tableRect.y, style: Theme.header, maxX: tableRect.maxX) + 1
        }
        if state.contactLists.isEmpty {
            let text = state.contactListsLoading ? "Loading contact lists…" : "No contact lists"
            canvas.put(text, x: rect.x + 1, y: rect.y + 2, style: Theme.dim, maxX: rect.maxX)
            return
        }
        let rows = max(0, tableRect.height - 1)
        let top = scrollTop(selected: state.contactListSelected, rows: rows)
        for (offset, list) in state.contactLists.dropFirst(top).prefix(rows).enumerated() {
            let y = tableRect.y + 1 + offset
            let selected = top + offset == state.contactListSelected
            if selected { canvas.fill(Rect(x: tableRect.x, y: y, width: tableRect.width, height: 1), style: Theme.selected) }
            let values = [list.name, list.totalRecordCount.map { $0.grouped } ?? "—", list.status ?? "—", list.listType ?? "—",
                          list.isListInUse.map { $0 ? "yes" : "no" } ?? "—", list.id ?? "—"]
            var x = tableRect.x
            for (value, column) in zip(values, columns) where x < tableRect.maxX {
                x = canvas.put(DisplayWidth.fit(value, to: column.width), x: x, y: y, style: selected ? Theme.selected : .plain,
                               maxX: tableRect.maxX) + 1
            }
        }
        guard state.contactLists.indices.contains(state.contactListSelected), infoRect.height > 1 else { return }
        let list = state.contactLists[state.contactListSelected]
        canvas.put("── " + list.name + " " + String(repeating: "─", count: infoRect.width), x: infoRect.x, y: infoRect.y,
                   style: Theme.section, maxX: infoRect.maxX)
        let info: [TextLine] = [
            .field("description", list.description),
            .field("source", list.source),
            .field("duplicates", list.allowDuplicates.map { $0 ? "allowed" : "not allowed" }),
            .field("updated", list.updatedAt),
        ]
        for (offset, line) in info.prefix(infoRect.height - 1).enumerated() {
            var x = infoRect.x + 1
            for (text, tone) in line.spans {
                x = canvas.put(text, x: x, y: infoRect.y + 1 + offset, style: Theme.style(tone), maxX: infoRect.maxX)
            }
        }
    }
}
