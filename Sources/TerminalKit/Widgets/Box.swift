extension Canvas {
    /// Clears `rect` and draws a single-line border round it, with `title` in the top edge.
    public mutating func box(_ rect: Rect, title: String? = nil, border: Style = .plain, fill: Style = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        self.fill(rect, style: fill)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: border)
        put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put("│", x: rect.x, y: y, style: border)
            put("│", x: rect.maxX - 1, y: y, style: border)
        }
        if let title, rect.width > 6 {
            put(" " + DisplayWidth.truncate(title, to: rect.width - 6) + " ", x: rect.x + 2, y: rect.y, style: border.bolded)
        }
    }
}

extension DisplayWidth {
    /// `text` broken into lines of at most `width` columns, at spaces where it can be.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let wordWidth = of(word)
            if used > 0, used + 1 + wordWidth > width {
                lines.append(line)
                line = ""
                used = 0
            }
            if wordWidth > width {
                for character in word {
                    let characterWidth = of(character)
                    if used + characterWidth > width {
                        lines.append(line)
                        line = ""
                        used = 0
                    }
                    line.append(character)
                    used += characterWidth
                }
                continue
            }
            if used > 0 {
                line += " "
                used += 1
            }
            line += word
            used += wordWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
