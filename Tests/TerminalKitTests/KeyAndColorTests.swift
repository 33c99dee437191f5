import CNcursesw
import Testing
@testable import TerminalKit

@Suite("Keys and colours")
struct KeyAndColorTests {
    @Test("the decoder's key codes are ncurses' own")
    func codesMatchCurses() {
        typealias Code = KeyDecoder.Code
        #expect(Code.up == KEY_UP && Code.down == KEY_DOWN && Code.left == KEY_LEFT && Code.right == KEY_RIGHT)
        #expect(Code.pageUp == KEY_PPAGE && Code.pageDown == KEY_NPAGE && Code.home == KEY_HOME && Code.end == KEY_END)
        #expect(Code.enter == KEY_ENTER && Code.backTab == KEY_BTAB && Code.backspace == KEY_BACKSPACE)
        #expect(Code.delete == KEY_DC && Code.insert == KEY_IC && Code.f0 == KEY_F0)
        #expect(Code.shiftUp == KEY_SR && Code.shiftDown == KEY_SF && Code.shiftLeft == KEY_SLEFT && Code.shiftRight == KEY_SRIGHT)
        #expect(Code.mouse == KEY_MOUSE && Code.resize == KEY_RESIZE)
    }

    @Test("function keys and characters decode to named keys")
    func decoding() {
        #expect(KeyDecoder.functionKey(KEY_UP) == .up)
        #expect(KeyDecoder.functionKey(KEY_NPAGE) == .pageDown)
        #expect(KeyDecoder.functionKey(KEY_BTAB) == .backTab)
        #expect(KeyDecoder.functionKey(KEY_F0 + 5) == .function(5))
        #expect(KeyDecoder.functionKey(0o777) == .unknown(0o777))
        #expect(KeyDecoder.character(13) == .enter)
        #expect(KeyDecoder.character(9) == .tab)
        #expect(KeyDecoder.character(27) == .escape)
        #expect(KeyDecoder.character(127) == .backspace)
        #expect(KeyDecoder.character(12) == .control("l"))
        #expect(KeyDecoder.character(3) == .control("c"))
        #expect(KeyDecoder.character(0x65E5) == .character("日"))
    }

    @Test("NO_COLOR turns colour off; 256 colours fall back to 16 and to 8")
    func colorModes() {
        #expect(ColorMode.choose(colors: 256, hasColors: true, environment: ["NO_COLOR": "1"]) == ColorMode.none)
        #expect(ColorMode.choose(colors: 256, hasColors: true, environment: ["NO_COLOR": ""]) == .full256)
        #expect(ColorMode.choose(colors: 16, hasColors: true, environment: [:]) == .sixteen)
        #expect(ColorMode.choose(colors: 0, hasColors: false, environment: [:]) == ColorMode.none)
        #expect(ColorMode.full256.map(.indexed(24), colors: 256) == 24)
        #expect(ColorMode.sixteen.map(.indexed(196), colors: 16) == 9)  // bright red
        #expect(ColorMode.sixteen.map(.indexed(196), colors: 8) == 1)
        #expect(ColorMode.sixteen.map(.indexed(236), colors: 16) == 0)  // dark grey → black
        #expect(ColorMode.none.map(.ansi(2), colors: 256) == nil)
        #expect(ColorMode.full256.map(.default, colors: 256) == nil)
    }
}
