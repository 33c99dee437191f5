/// Keys by name, as a user writes them in a config file: `j`, `Ctrl-A`, `Esc`, `Shift-Tab`, `F1`,
/// `PgDn`, `Space`. Every `Key.description` reads back as the same key.
extension Key {
    /// The key `name` names, or nil. Case does not matter for named keys ("esc", "ESC"); a
    /// single character is taken as written ("G" is not "g").
    public init?(name raw: String) {
        let name = raw.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else {
            // A name of blanks only is the space bar, as the user meant by writing " ".
            if raw.contains(" ") { self = .character(" "); return }
            return nil
        }
        if let named = Self.named[name.lowercased()] {
            self = named
            return
        }
        if name.count == 1, let character = name.first {
            self = .character(character)
            return
        }
        let lower = name.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
            self = .control(letter)
            return
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
            self = .function(number)
            return
        }
        guard let named = Self.named[lower] else { return nil }
        self = named
    }

    private static let named: [String: Key] = [
        "space": .character(" "), "esc": .escape, "escape": .escape, "enter": .enter, "return": .enter,
        "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "⇧tab": .backTab,
        "backspace": .backspace, "bs": .backspace, "delete": .delete, "del": .delete, "insert": .insert, "ins": .insert,
        "up": .up, "down": .down, "left": .left, "right": .right, "↑": .up, "↓": .down, "←": .left, "→": .right,
        "shift-up": .shiftUp, "shift-down": .shiftDown, "shift-left": .shiftLeft, "shift-right": .shiftRight,
        "shift-↑": .shiftUp, "shift-↓": .shiftDown, "shift-←": .shiftLeft, "shift-→": .shiftRight,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
    ]

    /// True for a key that types a visible character into a text field.
    public var isText: Bool {
        if case .character = self { return true }
        return false
    }
}
