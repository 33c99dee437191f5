/// A one-line text field's contents and cursor. The cursor counts characters (grapheme
/// clusters), so a CJK character or an emoji is one step however many cells it takes.
public struct TextInput: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// 0...characters.count.
    public private(set) var cursor: Int
    /// Characters the field accepts; nil accepts all printable text.
    public var allowed: (@Sendable (Character) -> Bool)?

    public init(_ text: String = "", allowed: (@Sendable (Character) -> Bool)? = nil) {
        characters = Array(text)
        cursor = characters.count
        self.allowed = allowed
    }

    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    public static func == (lhs: TextInput, rhs: TextInput) -> Bool {
        lhs.characters == rhs.characters && lhs.cursor == rhs.cursor
    }

    /// The editing keys `handle` takes, for a help screen: (keys, what they do).
    public static let keyHelp: [(keys: String, help: String)] = [
        ("← → Ctrl-B/F", "move the cursor"),
        ("Home End", "start / end of the text (also Ctrl-A Ctrl-E)"),
        ("Bksp Del Ctrl-D", "erase before / under the cursor"),
        ("Ctrl-U Ctrl-K", "erase before / after the cursor"),
        ("Ctrl-W", "erase the word before the cursor"),
    ]

    /// Applies an editing key; true if the key was an editing key (whether or not it changed
    /// anything). Keys it does not know (Tab, Enter, …) are left to the caller.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            guard !character.isNewline, allowed?(character) ?? true else { return true }
            characters.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(characters.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = characters.count
        case .control("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .control("k"): characters.removeLast(characters.count - cursor)
        case .control("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
    }

    /// Inserts pasted text at the cursor as one edit: line breaks and tabs become spaces, other
    /// control characters are dropped, and so is what the field does not accept.
    public mutating func insert(_ pasted: String) {
        let accepted = TextInput.singleLine(pasted).filter { allowed?($0) ?? true }
        characters.insert(contentsOf: accepted, at: cursor)
        cursor += accepted.count
    }

    /// Pasted text made fit for a one-line field: CR LF, CR, LF and tabs become one space each,
    /// every other control character (ESC included) is dropped.
    public static func singleLine(_ text: String) -> [Character] {
        var result: [Character] = []
        result.reserveCapacity(text.count)
        for character in text {
            if character.isNewline || character == "\t" {
                result.append(" ")
            } else if !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                result.append(character)
            }
        }
        return result
    }

    /// Draws the field in `width` columns at (x, y), scrolled so that the cursor shows; the
    /// cursor cell is reversed when `focused`. Returns the column the cursor is drawn at.
    @discardableResult
    public func render(into canvas: inout Canvas, x: Int, y: Int, width: Int, style: Style, focused: Bool) -> Int {
        guard width > 0 else { return x }
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        // Scroll: start at the first character such that the cursor (and one cell for it) fits.
        var start = 0
        var used = cursorWidth(from: 0)
        while focused, used + 1 > width, start < cursor {
            used -= DisplayWidth.of(characters[start])
            start += 1
        }
        var column = x
        var cursorColumn = x
        for index in start...characters.count {
            if index == cursor { cursorColumn = column }
            guard index < characters.count else { break }
            let character = characters[index]
            let cellWidth = DisplayWidth.of(character)
            if column + cellWidth > x + width { break }
            canvas.put(String(character), x: column, y: y, style: focused && index == cursor ? style.reversed : style)
            column += cellWidth
        }
        if focused, cursor == characters.count, cursorColumn < x + width {
            canvas.put(" ", x: cursorColumn, y: y, style: style.reversed)
        }
        return cursorColumn
    }

    private func cursorWidth(from start: Int) -> Int {
        characters[start..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
    }
}
