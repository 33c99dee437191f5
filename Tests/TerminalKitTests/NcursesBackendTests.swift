import Foundation
import Testing
@testable import TerminalKit

/// ncurses writing to a file instead of a terminal: what it sends is exactly what a user's
/// terminal would receive over SSH.
@Suite("ncurses backend", .serialized)
struct NcursesBackendTests {
    static func frame(selected: Int, size: Size) -> Canvas {
        var canvas = Canvas(size: size)
        canvas.put("Switchboard › Campaigns", x: 0, y: 0, style: Style(bold: true))
        for row in 0..<(size.height - 2) {
            let style = row == selected ? Style(reverse: true) : Style(foreground: .indexed(110))
            canvas.put("Campaign \(row) 日本 Active ● open now", x: 1, y: row + 1, style: style)
        }
        return canvas
    }

    @Test("after the first frame only changes are sent: one row moved costs little, the same frame nothing")
    func sendsOnlyDifferences() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ncurses-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let size = Size(width: 120, height: 40)
        let backend = try NcursesBackend(terminalType: "xterm-256color", outputPath: path, size: size, environment: [:])
        func written() throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        #expect(backend.size == size)
        #expect(backend.colorMode == .full256)
        backend.draw(Self.frame(selected: 0, size: size))
        let first = try written()
        backend.draw(Self.frame(selected: 1, size: size))
        let move = try written() - first
        backend.draw(Self.frame(selected: 1, size: size))
        let same = try written() - first - move
        backend.forceRepaint()
        backend.draw(Self.frame(selected: 1, size: size))
        let repaint = try written() - first - move - same
        backend.shutdown()
        #expect(first > 1_500)
        #expect(move > 0 && move < 400)
        #expect(same == 0)
        #expect(repaint > first / 2)
    }
}
