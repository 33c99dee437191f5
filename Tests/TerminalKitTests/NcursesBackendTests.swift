import CNcursesw
import Foundation
import Testing
@testable import TerminalKit

/// Every suite that opens ncurses, one test at a time: ncurses keeps its current screen in globals.
@Suite(.serialized) enum NcursesTests {}

extension NcursesTests {
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

    /// The sizes of the write() calls waiting in a packet-mode pipe (one read is one write).
    static func writes(in pipe: Int32) -> [Int] {
        var sizes: [Int] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(pipe, $0.baseAddress, $0.count) }
            guard count > 0 else { return sizes }
            sizes.append(count)
        }
    }

    @Test("each frame reaches the terminal in one write(), ncurses' flushes after cursor moves collected first")
    func oneWritePerFrame() throws {
        var ends: [Int32] = [0, 0]
        try #require(sb_packet_pipe(&ends) == 0, "packet-mode pipes (Linux) count write() calls")
        defer { close(ends[0]) }
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
        // Small enough that a whole frame is one packet (PIPE_BUF, 4,096 bytes).
        let size = Size(width: 60, height: 12)
        let backend = try NcursesBackend(terminalType: "xterm-256color", outputDescriptor: ends[1], size: size)
        let opening = Self.writes(in: ends[0])
        backend.draw(Self.frame(selected: 0, size: size))
        let first = Self.writes(in: ends[0])
        backend.draw(Self.frame(selected: 1, size: size))
        let move = Self.writes(in: ends[0])
        backend.draw(Self.frame(selected: 1, size: size))
        let same = Self.writes(in: ends[0])
        backend.forceRepaint()
        backend.draw(Self.frame(selected: 1, size: size))
        let repaint = Self.writes(in: ends[0])
        backend.shutdown()
        let closing = Self.writes(in: ends[0])
        #expect(opening.count == 1)
        #expect(first.count == 1 && first[0] > 500, "first frame: \(first)")
        #expect(move.count == 1 && move[0] < 400, "one row moved: \(move)")
        #expect(same.isEmpty)
        #expect(repaint.count == 1 && repaint[0] > 500, "repaint: \(repaint)")
        #expect(closing.count == 1)
    }

    /// Reads what the pty has for its master end until `text` arrived (5 s at most).
    static func output(from master: Int32, until text: String) async throws -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 { received += buffer[0..<count] }
            let shown = String(decoding: received, as: UTF8.self)
            if shown.contains(text) { return shown }
            if count <= 0 { try await Task.sleep(for: .milliseconds(5)) }
        }
        return String(decoding: received, as: UTF8.self)
    }

    @Test("on a tty, with frames collected in memory: raw mode and the size still come from the tty, and shutdown gives the modes back")
    func onATerminal() async throws {
        var master: Int32 = -1, slave: Int32 = -1
        try #require(sb_open_pty(&master, &slave) == 0)
        defer { close(master); close(slave) }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        var window = winsize(ws_row: 20, ws_col: 70, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &window)
        func modes() -> termios {
            var modes = termios()
            tcgetattr(slave, &modes)
            return modes
        }
        let shell = modes()
        #expect(shell.c_lflag & tcflag_t(ISIG) != 0)

        let backend = try NcursesBackend(terminalInput: slave, output: slave, terminalType: "xterm-256color")
        let size = Size(width: 70, height: 20)
        #expect(backend.size == size)
        let raw = modes()
        #expect(raw.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == 0, "raw(), noecho() reached the tty")
        #expect(raw.c_iflag & tcflag_t(IXON) == 0)
        backend.draw(Self.frame(selected: 3, size: size))
        let shown = try await Self.output(from: master, until: "Campaign 17")
        #expect(shown.contains("\u{1B}[?2004h"), "bracketed paste switched on")
        #expect(shown.contains("Campaign 17"))

        backend.shutdown()
        let after = try await Self.output(from: master, until: "\u{1B}[?2004l")
        #expect(after.contains("\u{1B}[?2004l"))
        let restored = modes()
        #expect(restored.c_lflag == shell.c_lflag)
        #expect(restored.c_iflag == shell.c_iflag)
    }
}
}  // extension NcursesTests
