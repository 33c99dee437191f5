import TerminalKit

/// A picker over the form: the search line, the matches, and what is chosen.
enum PickerView {
    static func render(_ picker: Picker, keymap: Keymap = .standard, into canvas: inout Canvas, area: Rect) {
        let width = min(64, area.width - 2)
        let height = min(22, area.height - 1)
        guard width >= 20, height >= 6 else { return }
        let rect = area.centered(width: width, height: height)
        canvas.box(rect, title: picker.title, border: Theme.dialogBorder)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        let end = canvas.put("search: ", x: inner.x, y: inner.y, style: Theme.dim)
        picker.query.render(into: &canvas, x: end, y: inner.y, width: inner.maxX - end, style: Theme.inputField, focused: true)
        let listTop = inner.y + 2
        let listHeight = inner.maxY - listTop - 1
        let matches = picker.matches
        if picker.loading {
            canvas.put("loading…", x: inner.x, y: listTop, style: Theme.dim)
        } else if matches.isEmpty {
            let typed = picker.query.text
            let note = picker.allowsSeveral && !typed.isEmpty ? "no match — Enter adds “\(typed)” by name" : "no match"
            canvas.put(note, x: inner.x, y: listTop, style: Theme.dim, maxX: inner.maxX)
        }
        let top = max(0, min(picker.highlighted - listHeight + 1, matches.count - listHeight))
        for (offset, item) in matches.dropFirst(top).prefix(max(0, listHeight)).enumerated() {
            let index = top + offset
            let mark = picker.allowsSeveral ? (picker.chosen.contains(item) ? "[x] " : "[ ] ")
                : (picker.chosen.first == item ? "● " : "  ")
            let style = index == picker.highlighted ? Theme.selected : .plain
            canvas.put(DisplayWidth.fit(mark + item, to: inner.width), x: inner.x, y: listTop + offset, style: style)
        }
        let counts = picker.allowsSeveral ? "\(picker.chosen.count) chosen" : "\(matches.count) of \(picker.items.count)"
        let footer = counts + " · " + keymap.footer(PickerKeys.hints(severalChosen: picker.allowsSeveral))
        canvas.put(footer, x: inner.x, y: inner.maxY - 1, style: Theme.dim, maxX: inner.maxX)
    }
}
