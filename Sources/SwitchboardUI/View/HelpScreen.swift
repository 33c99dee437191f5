import TerminalKit

/// Every key, from the same table that dispatches them.
enum HelpScreen {
    static func lines(readOnly: Bool = false) -> [DetailLine] {
        var lines: [DetailLine] = []
        if readOnly { lines += [DetailLine("Read-only (--readonly): editing, deleting, start and stop are off.", Theme.warning), .blank] }
        for scope in [KeyBinding.Scope.everywhere, .scrolling, .campaigns] {
            lines.append(.section(scope.rawValue))
            for binding in KeyBindings.all where binding.scope == scope && !(readOnly && binding.command.isMutating) {
                lines.append(DetailLine([("  " + DisplayWidth.fit(binding.label, to: 15), Theme.key), (binding.help, .plain)]))
            }
            lines.append(.blank)
        }
        if !readOnly {
            lines.append(.section("Form"))
            for (label, help) in FormKeys.help {
                lines.append(DetailLine([("  " + DisplayWidth.fit(label, to: 15), Theme.key), (help, .plain)]))
            }
            lines.append(.blank)
            lines.append(.section("Calling-hours grid"))
            for key in AppUpdate.gridKeys {
                lines.append(DetailLine([("  " + DisplayWidth.fit(key.label, to: 15), Theme.key), (key.help, .plain)]))
            }
            lines.append(.blank)
        }
        lines.append(.section("Mouse"))
        lines.append(DetailLine("  click a row to select it; the wheel scrolls"))
        lines.append(DetailLine("  click a column header to sort by it"))
        lines.append(DetailLine("  a sort key or header again reverses the order"))
        lines.append(.blank)
        lines.append(.section("Commands (:)"))
        for command in PaletteCommand.allCases {
            lines.append(DetailLine([("  :" + DisplayWidth.fit(command.rawValue, to: 14), Theme.key), (command.help, .plain)]))
        }
        return lines
    }

    static func render(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        let all = lines(readOnly: state.readOnly)
        let columns = rect.width >= 110 ? 2 : 1
        let perColumn = columns == 2 ? (all.count + 1) / 2 : all.count
        let columnWidth = rect.width / columns
        let top = min(state.helpScroll, max(0, perColumn - rect.height))
        for column in 0..<columns {
            let slice = all.dropFirst(column * perColumn).prefix(perColumn).dropFirst(top).prefix(rect.height)
            for (offset, line) in slice.enumerated() {
                var x = rect.x + 1 + column * columnWidth
                let maxX = rect.x + (column + 1) * columnWidth
                for (text, style) in line.spans { x = canvas.put(text, x: x, y: rect.y + offset, style: style, maxX: maxX) }
            }
        }
        if top + rect.height < perColumn {
            canvas.put(" ↓ more (j) ", x: rect.maxX - 12, y: rect.maxY - 1, style: Theme.dim)
        }
    }
}
