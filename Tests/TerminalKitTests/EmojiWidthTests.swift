import CNcursesw
import Foundation
import Testing
@testable import TerminalKit

/// The C library's wcwidth (not exported by Swift's Glibc module).
@_silgen_name("wcwidth") private func cWcwidth(_ character: wchar_t) -> Int32

/// Grouped emoji take the cells ncurses and the terminal give them, so that a name holding one
/// never shifts a column or a border.
extension NcursesTests {
@Suite("Emoji widths agree with ncurses and the terminal", .serialized)
struct EmojiWidthTests {
    @Test("a ZWJ family, a skin tone, ❤️, a flag and a keycap: their width and the form they are drawn in")
    func clusters() {
        let cases: [(Character, Int, String)] = [
            ("👨‍👩‍👧", 2, "👨"), ("👍🏽", 2, "👍"), ("❤️", 1, "❤"), ("🇺🇸", 2, "🇺🇸"), ("😀", 2, "😀"),
            ("1️⃣", 1, "1\u{20E3}"), ("e\u{301}", 1, "e\u{301}"), ("🏳️‍🌈", 1, "🏳"),
        ]
        for (character, width, form) in cases {
            #expect(DisplayWidth.of(character) == width, "\(character)")
            #expect(DisplayWidth.terminalForm(character) == form, "\(character)")
            #expect(DisplayWidth.terminalForm(character).unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) } == width)
        }
        #expect(DisplayWidth.of("A👨‍👩‍👧B") == 4)
    }

    @Test("every emoji-range scalar, and the Latin, punctuation, arrow and box ranges drawn without a table look-up, has the width glibc's wcwidth gives it (ncurses places cells by it)")
    func scalarsMatchWcwidth() throws {
        guard let utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else { return }
        let previous = uselocale(utf8)
        defer { uselocale(previous); freelocale(utf8) }
        var disagreements: [String] = []
        let ranges: [ClosedRange<UInt32>] = [0xA0...0x2FF, 0x2000...0x2BFF, 0x1F000...0x1FAFF]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
            let expected = Int(cWcwidth(wchar_t(bitPattern: value)))
            guard expected >= 0 else { continue }
            if DisplayWidth.of(scalar) != expected { disagreements.append(String(value, radix: 16) + "=\(expected)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(40))")
    }

    @Test("ncurses puts the cell after a grouped emoji where the canvas has it")
    func ncursesPlacement() throws {
        setenv("LC_ALL", "C.UTF-8", 1)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("emoji-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let size = Size(width: 40, height: 4)
        let backend = try NcursesBackend(terminalType: "xterm-256color", outputPath: path, size: size, environment: [:])
        defer { backend.shutdown() }
        var canvas = Canvas(size: size)
        var borders: [Int] = []
        for (row, name) in ["👨‍👩‍👧 family", "👍🏽 thumbs", "❤️ heart", "🇺🇸 flag"].enumerated() {
            borders.append(canvas.put("│" + name, x: 0, y: row))
            canvas.put("│", x: borders[row], y: row)
        }
        backend.draw(canvas)
        for (row, column) in borders.enumerated() {
            var cell = [wchar_t](repeating: 0, count: 4)
            _ = mvwinnwstr(sb_stdscr(), Int32(row), Int32(column), &cell, 1)
            #expect(cell[0] == wchar_t(bitPattern: UInt32(("│" as Unicode.Scalar).value)), "row \(row): \(cell)")
        }
    }
}
}  // extension NcursesTests
