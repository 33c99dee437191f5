import TerminalKit

/// Every key, from the same tables that dispatch them, named as the user's keymap binds them.
enum HelpScreen {
    static func render(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        let all = HelpText.lines(readOnly: state.readOnly, keymap: state.keymap)
        let layout = HelpLayout(area: rect, lines: all.count)
        let columns = layout.columns, perColumn = layout.perColumn
        let columnWidth = rect.width / columns
        let top = min(state.helpScroll, layout.maxScroll)
        for column in 0..<columns {
            let slice = all.dropFirst(column * perColumn).prefix(perColumn).dropFirst(top).prefix(rect.height)
            for (offset, line) in slice.enumerated() {
                var x = rect.x + 1 + column * columnWidth
                let maxX = rect.x + (column + 1) * columnWidth
                for (text, tone) in line.spans {
                    x = canvas.put(text, x: x, y: rect.y + offset, style: Theme.style(tone), maxX: maxX)
                }
            }
        }
        if top + rect.height < perColumn {
            canvas.put(" ↓ more (j) ", x: rect.maxX - 12, y: rect.maxY - 1, style: Theme.dim)
        }
    }
}
