/// How many terminal columns text takes: East Asian wide and fullwidth characters and most emoji
/// take two, combining marks and zero-width characters none, everything else one.
///
/// A grapheme cluster is measured as it is drawn (`terminalForm`): ncurses places every scalar by
/// the C library's `wcwidth`, and terminals disagree about emoji sequences (tmux 3.3 shows an
/// emoji ZWJ sequence in two cells, a skin-toned emoji in four, "❤️" in one; others differ). So a
/// cluster is drawn in the form every party measures alike: variation selectors and skin-tone
/// modifiers are left out and a ZWJ sequence is drawn as its first emoji. 👨‍👩‍👧 takes two cells
/// (drawn 👨), 👍🏽 two (drawn 👍), ❤️ one (drawn ❤), 🇺🇸 two. Text keeps its characters; only
/// what reaches the terminal changes.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return of(only) }
        return terminalForm(character).unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The scalars a cluster is drawn with (see the type's note): without variation selectors,
    /// skin-tone modifiers and tags, and a ZWJ sequence cut before its first joiner.
    public static func terminalForm(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        guard scalars.count > 1 else { return String(character) }
        var kept = String.UnicodeScalarView()
        for scalar in scalars {
            let value = scalar.value
            if value == 0x200D { break }
            if (0xFE00...0xFE0F).contains(value) || (0x1F3FB...0x1F3FF).contains(value) || (0xE0000...0xE007F).contains(value) {
                continue
            }
            kept.append(scalar)
        }
        if kept.isEmpty, let first = scalars.first { kept.append(first) }
        return String(kept)
    }

    /// A scalar's width, as glibc's `wcwidth` gives it (ncurses places cells by it).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // What the screens draw most besides ASCII — Latin letters, dashes, quotes and bullets,
        // arrows, box drawing, blocks and shapes — is one column: no Unicode table look-up.
        if (0xA0..<0x300).contains(value) || (0x2010...0x2027).contains(value) || (0x2190...0x21FF).contains(value)
            || (0x2500...0x25FC).contains(value) {
            return 1
        }
        if value == 0 || (0x0300...0x036F).contains(value) || value == 0x200B || value == 0x200D
            || (0xFE00...0xFE0F).contains(value) || scalar.properties.generalCategory == .nonspacingMark
            || scalar.properties.generalCategory == .enclosingMark {
            return 0
        }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if scalar.properties.generalCategory == .format, value != 0xAD { return 0 }
        // Regional indicators are emoji, but one column each for wcwidth: a flag is two.
        if (0x1F1E6...0x1F1FF).contains(value) { return 1 }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2329...0x232A, 0x1F200...0x1F2FF, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// `text` cut to at most `width` columns, ending in "…" when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let next = of(character)
            if used + next > width - 1 { break }
            result.append(character)
            used += next
        }
        return result + "…"
    }

    /// `text` truncated or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }
}
