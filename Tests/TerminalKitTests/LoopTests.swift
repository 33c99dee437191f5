import Foundation
import Testing
@testable import TerminalKit

/// A program that counts: keys add, `q` quits.
final class Counter: TerminalProgram {
    var count = 0
    var frames = 0
    var dirty = true
    var isFinished = false
    var repaint = false

    func handle(_ event: InputEvent) {
        guard case .key(let key) = event else { return }
        switch key {
        case .character("q"): isFinished = true
        case .control("l"): repaint = true
        default: count += 1
        }
        dirty = true
    }

    func poll(now: Date) {}
    var needsFrame: Bool { dirty }
    func render(size: Size) -> Canvas {
        dirty = false
        frames += 1
        var canvas = Canvas(size: size)
        canvas.put("count \(count)", x: 0, y: 0)
        return canvas
    }
    func received(signal: Int32) { isFinished = true }
    func takeRepaintRequest() -> Bool { defer { repaint = false }; return repaint }
}

@Suite("Event loop")
struct LoopTests {
    @Test("draws only when the program changed, repaints on request, stops when it is finished")
    func loop() {
        let backend = HeadlessBackend(size: Size(width: 20, height: 3))
        backend.pendingEvents = [.key(.character("a")), .key(.unknown(1)), .key(.control("l")), .key(.character("q"))]
        let program = Counter()
        TerminalLoop.run(program, on: backend)
        #expect(program.count == 2)
        #expect(backend.lastFrame?.lines[0].hasPrefix("count 2") == true)
        #expect(backend.repaintRequests == 1)
        #expect(backend.frameCount == program.frames)
        #expect(backend.frameCount <= 5)
    }
}

/// Asks to suspend once, then quits.
final class Suspender: TerminalProgram {
    var wantsSuspend = true
    var isFinished = false
    var frames = 0
    var resizes = 0
    func handle(_ event: InputEvent) {
        if case .resize = event { resizes += 1 }
        if case .key(.character("q")) = event { isFinished = true }
    }
    func poll(now: Date) {}
    var needsFrame: Bool { false }
    func render(size: Size) -> Canvas { frames += 1; return Canvas(size: size) }
    func received(signal: Int32) { isFinished = true }
    func takeRepaintRequest() -> Bool { false }
    func takeSuspendRequest() -> Bool { defer { wantsSuspend = false }; return wantsSuspend }
}

extension LoopTests {
    @Test("a suspend request gives the terminal back once, and the frame after it is drawn whole")
    func suspend() {
        let backend = HeadlessBackend(size: Size(width: 20, height: 3))
        backend.pendingEvents = [.key(.character("q"))]
        let program = Suspender()
        TerminalLoop.run(program, on: backend)
        #expect(backend.suspensions == 1)
        #expect(program.frames == 1)  // nothing else asked for a frame
        #expect(program.resizes == 2)  // the start, and after coming back
    }
}

/// A program that asks for a frame on every turn (as a clock tick does) but shows the same text.
final class Ticker: TerminalProgram {
    var polls = 0
    var isFinished = false
    func handle(_ event: InputEvent) {}
    func poll(now: Date) {
        polls += 1
        if polls == 50 { isFinished = true }
    }
    var needsFrame: Bool { true }
    func render(size: Size) -> Canvas {
        var canvas = Canvas(size: size)
        canvas.put(polls < 30 ? "same" : "changed", x: 0, y: 0)
        return canvas
    }
    func received(signal: Int32) { isFinished = true }
    func takeRepaintRequest() -> Bool { polls == 40 }
}

@Suite("Event loop: frames only for visible changes")
struct LoopFrameTests {
    @Test("a turn whose frame looks like the last one sends no frame; a change or a repaint request does")
    func noFrameWithoutChange() {
        let backend = HeadlessBackend(size: Size(width: 20, height: 3))
        TerminalLoop.run(Ticker(), on: backend)
        // The first frame, the change at poll 30, the repaint asked for at poll 40: three.
        #expect(backend.frameCount == 3)
        #expect(backend.lastFrame?.text.hasPrefix("changed") == true)
    }

    @Test("after a resize the next frame is sent even when it looks the same (the terminal may show anything)")
    func resizeSendsAFrame() {
        let size = Size(width: 20, height: 3)
        let backend = HeadlessBackend(size: size)
        backend.pendingEvents = [.resize(size)]
        TerminalLoop.run(Ticker(), on: backend)
        #expect(backend.frameCount == 4)
    }
}

/// Remembers the times it is polled with; quits after `turns` polls.
final class ClockReader: TerminalProgram {
    var seen: [Date] = []
    let turns: Int
    init(turns: Int) { self.turns = turns }
    var isFinished: Bool { seen.count >= turns }
    func handle(_ event: InputEvent) {}
    func poll(now: Date) { seen.append(now) }
    var needsFrame: Bool { false }
    func render(size: Size) -> Canvas { Canvas(size: size) }
    func received(signal: Int32) {}
    func takeRepaintRequest() -> Bool { false }
}

extension LoopTests {
    @Test("the loop polls the program with the clock it is given")
    func injectedClock() {
        var ticks = 0.0
        let start = Date(timeIntervalSince1970: 1_764_775_800)
        let program = ClockReader(turns: 3)
        TerminalLoop.run(program, on: HeadlessBackend(size: Size(width: 10, height: 2))) {
            defer { ticks += 1 }
            return start.addingTimeInterval(ticks)
        }
        #expect(program.seen == [start, start.addingTimeInterval(1), start.addingTimeInterval(2)])
    }
}
