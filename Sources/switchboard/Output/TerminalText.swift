import Foundation

/// Text for a terminal, made harmless: server strings (campaign names, messages, error text)
/// could otherwise hold escape sequences that retitle the window, clear the screen or write the
/// clipboard (OSC 52). Whole escape sequences are removed, then every other control character
/// (C0 but the newline, DEL, C1) and the bidi overrides that reorder what is shown. `-o json`
/// and `-o yaml` never pass through here: their encoders escape what they must.
enum TerminalText {
    /// `text` with escape sequences and control characters removed; newlines kept, tabs as spaces.
    static func clean(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var state = State.text
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            let value = scalar.value
            switch state {
            case .text:
                if value == 0x1B { state = .escape }
                else if value == 0x9B { state = .controlSequence }
                else if [0x90, 0x98, 0x9D, 0x9E, 0x9F].contains(value) { state = .controlString }
                else if value == 0x0A { output.append(scalar) }
                else if value == 0x09 { output.append(" ") }
                else if !isHidden(value) { output.append(scalar) }
            case .escape:
                switch scalar {
                case "[": state = .controlSequence
                case "]", "P", "X", "^", "_": state = .controlString
                default: state = .text  // a two-character escape: both dropped
                }
            case .controlSequence:
                // Parameters and intermediates (0x20–0x3F) run until a final byte (0x40–0x7E).
                if (0x40...0x7E).contains(value) { state = .text }
                else if !(0x20...0x3F).contains(value) {
                    state = .text
                    if value == 0x0A { output.append(scalar) }
                }
            case .controlString:
                // OSC, DCS and friends end with BEL, ST (ESC \ or 0x9C), or at the line's end.
                if value == 0x07 || value == 0x9C { state = .text }
                else if value == 0x1B { state = .escape }
                else if value == 0x0A { state = .text; output.append(scalar) }
            }
        }
        return String(output)
    }

    /// One line of text (a table cell): `clean`, with newlines as spaces.
    static func line(_ text: String) -> String {
        clean(text).replacingOccurrences(of: "\n", with: " ")
    }

    private enum State { case text, escape, controlSequence, controlString }

    /// Control characters and the invisible marks that reorder text (bidi embeddings,
    /// overrides and isolates).
    private static func isHidden(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C
    }
}

/// Every line this executable prints for people goes through `TerminalText.clean`: it shadows
/// the standard library's `print` in this module, so no command can forget it. Exact output
/// (`-o json`, `-o yaml`) is written with `Swift.print` by `printStructured`.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Swift.print(TerminalText.clean(items.map { "\($0)" }.joined(separator: separator)), terminator: terminator)
}
