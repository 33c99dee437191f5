import CNcursesw
import Testing
@testable import TerminalKit

/// A lone ESC followed within 100 ms by `[` or `O` starts a sequence (an arrow over a laggy link);
/// anything else leaves it Esc.
@Suite("Escape sequences read by hand")
struct EscapeSequenceTests {
    /// Reads that arrive `gap` milliseconds after the previous one.
    final class Script {
        var items: [(gap: Int32, read: EscapeSequence.Read)]
        init(_ items: [(Int32, EscapeSequence.Read)]) { self.items = items.map { (gap: $0.0, read: $0.1) } }

        /// What a read with `timeout` sees: the next item if it comes in time, else nothing (time passes).
        func next(_ timeout: Int32) -> EscapeSequence.Read? {
            guard !items.isEmpty else { return nil }
            if items[0].gap <= timeout { return items.removeFirst().read }
            items[0].gap -= timeout
            return nil
        }
    }

    static func characters(_ text: String, gap: Int32) -> [(Int32, EscapeSequence.Read)] {
        text.unicodeScalars.map { (gap, .character($0.value)) }
    }

    @Test("an arrow whose bytes arrive 60 ms apart is the arrow, not Esc")
    func laggyArrow() {
        for (text, key) in [("[A", Key.up), ("[B", .down), ("OC", .right), ("OD", .left), ("[1;2A", .shiftUp), ("[5~", .pageUp)] {
            let script = Script(Self.characters(text, gap: 60))
            let outcome = EscapeSequence.afterLoneEscape(next: script.next)
            #expect(outcome == EscapeSequence.Outcome(meaning: .key(key), giveBack: nil), "\(text)")
            #expect(script.items.isEmpty)
        }
    }

    @Test("Esc alone, Esc then a late [, Esc then another key: Esc, and the next key is kept")
    func realEscape() {
        let alone = Script([])
        #expect(EscapeSequence.afterLoneEscape(next: alone.next).meaning == .key(.escape))
        let late = Script(Self.characters("[A", gap: 150))
        #expect(EscapeSequence.afterLoneEscape(next: late.next) == EscapeSequence.Outcome(meaning: .key(.escape), giveBack: nil))
        #expect(late.items.count == 2)  // still to be read as keys
        let other = Script([(10, .character(0x6A))])
        #expect(EscapeSequence.afterLoneEscape(next: other.next)
                == EscapeSequence.Outcome(meaning: .key(.escape), giveBack: .character(0x6A)))
        let decoded = Script([(10, .function(KEY_UP))])
        #expect(EscapeSequence.afterLoneEscape(next: decoded.next)
                == EscapeSequence.Outcome(meaning: .key(.escape), giveBack: .function(KEY_UP)))
    }

    @Test("paste brackets, F-keys, Home/End variants; mouse reports and unknown sequences are dropped whole")
    func meanings() {
        #expect(EscapeSequence.meaning(of: "[200~") == .pasteStart)
        #expect(EscapeSequence.meaning(of: "[201~") == .pasteEnd)
        #expect(EscapeSequence.meaning(of: "OP") == .key(.function(1)))
        #expect(EscapeSequence.meaning(of: "[15~") == .key(.function(5)))
        #expect(EscapeSequence.meaning(of: "[24~") == .key(.function(12)))
        #expect(EscapeSequence.meaning(of: "[1~") == .key(.home) && EscapeSequence.meaning(of: "[4~") == .key(.end))
        #expect(EscapeSequence.meaning(of: "[Z") == .key(.backTab))
        #expect(EscapeSequence.meaning(of: "[99~") == .ignored)
        let mouse = Script(Self.characters("[<0;10;5M", gap: 5) + [(5, .character(0x6A))])
        #expect(EscapeSequence.afterLoneEscape(next: mouse.next) == EscapeSequence.Outcome(meaning: .ignored, giveBack: nil))
        #expect(mouse.items.count == 1)
        let paste = Script(Self.characters("[200~", gap: 70))
        #expect(EscapeSequence.afterLoneEscape(next: paste.next).meaning == .pasteStart)
    }

    @Test("pasted text fits a one-line field: line breaks and tabs are spaces, ESC and other controls go")
    func singleLine() {
        #expect(String(TextInput.singleLine("a\r\nb\nc\rd\te\u{1B}[Af\u{7F}g\u{85}h")) == "a b c d e[Afg h")  // NEL is a line break too
        var input = TextInput("start end")
        for _ in 0..<3 { input.handle(.left) }
        input.insert("mid\u{1B} ")
        #expect(input.text == "start mid end" && input.cursor == 10)
        var digits = TextInput("", allowed: { $0.isNumber })
        digits.insert("12a3\n4")
        #expect(digits.text == "1234")
    }
}
