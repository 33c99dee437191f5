/// Escape sequences read by hand. ncurses gives up on a sequence when its bytes arrive more than
/// `ESCDELAY` apart (an arrow over a laggy SSH link), and returns a lone ESC followed by `[`, `A`.
/// A lone ESC followed within `window` by `[` or `O` is taken as the start of a sequence and read
/// here; anything else after it (or nothing) leaves it a real Esc.
public enum EscapeSequence {
    /// How long after a lone ESC a `[` or `O` still starts a sequence, and the longest pause
    /// between the sequence's later bytes.
    public static let windowMilliseconds: Int32 = 100
    /// Sequences are short; a longer run of bytes is not one.
    static let maximumLength = 16

    /// What ncurses returned for one read.
    public enum Read: Equatable, Sendable {
        case character(UInt32)
        /// A key code ncurses decoded itself (`KEY_CODE_YES`).
        case function(Int32)
    }

    /// What an escape sequence means.
    public enum Meaning: Equatable, Sendable {
        case key(Key)
        /// `ESC [ 200 ~` and `ESC [ 201 ~`: the terminal's paste brackets.
        case pasteStart, pasteEnd
        /// A well-formed sequence the app does not use (it is dropped).
        case ignored
    }

    /// What a lone ESC and what followed it amount to: the meaning, and a read to give back to
    /// the input queue (one that followed the ESC but was not part of a sequence).
    public struct Outcome: Equatable, Sendable {
        public var meaning: Meaning
        public var giveBack: Read?
    }

    /// Resolves a lone ESC. `next(timeout)` returns the next read within `timeout` milliseconds,
    /// or nil when nothing came.
    public static func afterLoneEscape(next: (Int32) -> Read?) -> Outcome {
        guard let first = next(windowMilliseconds) else { return Outcome(meaning: .key(.escape), giveBack: nil) }
        guard case .character(let introducer) = first, introducer == 0x5B || introducer == 0x4F else {
            return Outcome(meaning: .key(.escape), giveBack: first)
        }
        var body = String(Unicode.Scalar(UInt8(introducer)))
        while body.count < maximumLength {
            guard let read = next(windowMilliseconds) else { break }
            guard case .character(let value) = read, let scalar = Unicode.Scalar(value), value < 0x80 else {
                // Not a sequence byte: the sequence ended there; the read is given back.
                return Outcome(meaning: meaning(of: body) ?? .ignored, giveBack: read)
            }
            body.unicodeScalars.append(scalar)
            if isComplete(body) { return Outcome(meaning: meaning(of: body) ?? .ignored, giveBack: nil) }
        }
        // ESC [ or ESC O and then nothing that completes it: Alt-[ / Alt-O, or a cut sequence.
        return Outcome(meaning: meaning(of: body) ?? .ignored, giveBack: nil)
    }

    /// True once `body` (after the ESC) is a whole sequence: `O` and one byte, or `[`, parameters
    /// and a final byte (0x40…0x7E).
    static func isComplete(_ body: String) -> Bool {
        let scalars = Array(body.unicodeScalars)
        guard scalars.count >= 2 else { return false }
        if scalars[0] == "O" { return true }
        // "[<…M" and "[M…" (mouse reports) carry more bytes; they are dropped whole when they end.
        guard let last = scalars.last?.value, (0x40...0x7E).contains(last) else { return false }
        if scalars.count == 2, scalars[1] == "<" { return false }
        return true
    }

    /// The meaning of a complete sequence (without its ESC), or nil if it is not one.
    public static func meaning(of body: String) -> Meaning? {
        let scalars = Array(body.unicodeScalars)
        guard scalars.count >= 2 else { return nil }
        if scalars[0] == "O" {
            switch scalars[1] {
            case "A": return .key(.up)
            case "B": return .key(.down)
            case "C": return .key(.right)
            case "D": return .key(.left)
            case "H": return .key(.home)
            case "F": return .key(.end)
            case "M": return .key(.enter)
            case "P": return .key(.function(1))
            case "Q": return .key(.function(2))
            case "R": return .key(.function(3))
            case "S": return .key(.function(4))
            default: return .ignored
            }
        }
        guard scalars[0] == "[", let final = scalars.last else { return nil }
        let parameters = String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? -1 }
        let shifted = numbers.count >= 2 && numbers[1] == 2
        switch final {
        case "A": return .key(shifted ? .shiftUp : .up)
        case "B": return .key(shifted ? .shiftDown : .down)
        case "C": return .key(shifted ? .shiftRight : .right)
        case "D": return .key(shifted ? .shiftLeft : .left)
        case "H": return .key(.home)
        case "F": return .key(.end)
        case "Z": return .key(.backTab)
        case "~":
            let number = numbers.first ?? -1
            switch number {
            case 1, 7: return .key(.home)
            case 2: return .key(.insert)
            case 3: return .key(.delete)
            case 4, 8: return .key(.end)
            case 5: return .key(.pageUp)
            case 6: return .key(.pageDown)
            case 11...15: return .key(.function(number - 10))
            case 17...21: return .key(.function(number - 11))
            case 23, 24: return .key(.function(number - 12))
            case 200: return .pasteStart
            case 201: return .pasteEnd
            default: return .ignored
            }
        default:
            return .ignored
        }
    }
}
