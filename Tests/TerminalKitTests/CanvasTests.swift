import Testing
@testable import TerminalKit

@Suite("Canvas")
struct CanvasTests {
    @Test("text is clipped at the edge and a wide character never drawn half")
    func clipping() {
        var canvas = Canvas(size: Size(width: 6, height: 2))
        let end = canvas.put("ab日本", x: 1, y: 0)
        #expect(end == 5)
        #expect(canvas.lines[0] == " ab日 ")
        #expect(canvas[4, 0].isContinuation)
        canvas.put("hello world", x: 3, y: 1)
        #expect(canvas.lines[1] == "   hel")
        canvas.put("zz", x: 0, y: 5)
        #expect(canvas.text == " ab日\n   hel")
    }

    @Test("combining marks join the character before them")
    func combining() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.put("e\u{301}x", x: 0, y: 0)
        #expect(canvas[0, 0].character == "é")
        #expect(canvas[1, 0].character == "x")
    }

    @Test("fill and restyle stay inside the canvas")
    func fillAndRestyle() {
        var canvas = Canvas(size: Size(width: 3, height: 2))
        canvas.fill(Rect(x: 1, y: -1, width: 10, height: 2), style: .plain, character: "#")
        #expect(canvas.lines == [" ##", "   "])
        canvas.restyle(Rect(x: 0, y: 0, width: 2, height: 1)) { $0.bold = true }
        #expect(canvas[1, 0].style.bold && !canvas[2, 0].style.bold)
    }

    @Test("display width: wide, zero-width and truncation with an ellipsis")
    func widths() {
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.truncate("Campaign name", to: 8) == "Campaig…")
        #expect(DisplayWidth.fit("日本語", to: 5) == "日本…")
    }

    @Test("rectangles split without overlap")
    func rects() {
        let rect = Rect(x: 0, y: 1, width: 80, height: 22)
        let (top, rest) = rect.splitTop(5)
        #expect(top.height == 5 && rest.y == 6 && rest.height == 17)
        let (left, right) = rect.splitLeft(30)
        #expect(left.width == 30 && right.x == 30 && right.width == 50)
        #expect(rect.splitBottom(30).bottom.height == 22)
    }
}

@Suite("Canvas: fixed-width cells")
struct FixedWidthTests {
    @Test("text in a fixed width is cut with an ellipsis or padded, and a wide character is not split")
    func fixedWidth() {
        var canvas = Canvas(size: Size(width: 12, height: 3))
        canvas.put("Campaign name", x: 0, y: 0, width: 8)
        canvas.put("ab", x: 0, y: 1, width: 5, style: Style(reverse: true))
        canvas.put("日本語", x: 0, y: 2, width: 4)
        #expect(canvas.lines[0] == "Campaig…    ")
        #expect(canvas.lines[1] == "ab          ")
        #expect(canvas[4, 1].style.reverse && !canvas[5, 1].style.reverse)
        #expect(canvas.lines[2] == "日…         ")
        #expect(DisplayWidth.of("plain ascii") == 11 && DisplayWidth.of("tab\there") == 7)
    }
}
