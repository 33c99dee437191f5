import Testing
@testable import TerminalKit

@Suite("Text input, fuzzy match, wrapping")
struct TextInputTests {
    static func typed(_ text: String) -> TextInput {
        var input = TextInput()
        for character in text { input.handle(.character(character)) }
        return input
    }

    @Test("the cursor steps over wide characters and emoji as one character")
    func wideCharacters() {
        var input = Self.typed("a春👋b")
        #expect(input.cursor == 4)
        input.handle(.left)
        input.handle(.left)
        input.handle(.backspace)  // removes 春
        #expect(input.text == "a👋b")
        input.handle(.character("漢"))
        #expect(input.text == "a漢👋b")
        #expect(input.cursor == 2)
        input.handle(.delete)  // removes 👋
        #expect(input.text == "a漢b")
    }

    @Test("Home, End, Ctrl-U, Ctrl-K and Ctrl-W edit as in a shell")
    func shellKeys() {
        var input = Self.typed("hello big world")
        input.handle(.control("w"))
        #expect(input.text == "hello big ")
        input.handle(.home)
        input.handle(.right)
        input.handle(.control("k"))
        #expect(input.text == "h")
        input.text = "abc def"
        input.handle(.left)
        input.handle(.control("u"))
        #expect(input.text == "f" && input.cursor == 0)
        #expect(input.handle(.tab) == false)
    }

    @Test("a filter keeps out characters the field does not take")
    func allowedCharacters() {
        var input = TextInput("", allowed: { $0.isNumber })
        for character in "1a2-3" { input.handle(.character(character)) }
        #expect(input.text == "123")
    }

    @Test("rendering scrolls so that the cursor shows, counting wide characters as two cells")
    func rendering() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        let input = Self.typed("春夏秋冬abc")
        let cursorColumn = input.render(into: &canvas, x: 0, y: 0, width: 6, style: .plain, focused: true)
        // 11 cells of text and one for the cursor do not fit in 6: the start scrolls away.
        #expect(cursorColumn == 5)
        #expect(canvas.lines[0].hasPrefix("冬abc"))
        #expect(canvas[5, 0].style.reverse)
        var unfocused = Canvas(size: Size(width: 10, height: 1))
        input.render(into: &unfocused, x: 0, y: 0, width: 6, style: .plain, focused: false)
        #expect(unfocused.lines[0].hasPrefix("春夏秋"))
    }

    @Test("fuzzy matching finds in-order characters and ranks word starts and runs first")
    func fuzzy() {
        let zones = ["America/New_York", "America/Newark_Fake", "Asia/Kolkata", "Europe/London", "Pacific/Norfolk"]
        #expect(FuzzyMatch.filter(zones, query: "newyork").first == "America/New_York")
        #expect(FuzzyMatch.filter(zones, query: "kolk") == ["Asia/Kolkata"])
        #expect(FuzzyMatch.filter(zones, query: "zzz").isEmpty)
        #expect(FuzzyMatch.filter(zones, query: "") == zones)
        #expect(FuzzyMatch.score("LON", in: "Europe/London") != nil)
    }

    @Test("wrapping breaks at spaces and splits words longer than the width")
    func wrapping() {
        #expect(DisplayWidth.wrap("one two three", to: 7) == ["one two", "three"])
        #expect(DisplayWidth.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("春夏秋冬", to: 4) == ["春夏", "秋冬"])
        #expect(DisplayWidth.wrap("", to: 4) == [""])
    }
}
