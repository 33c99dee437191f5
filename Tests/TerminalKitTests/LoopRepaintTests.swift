import Foundation
import Testing
@testable import TerminalKit

/// Asks for a repaint (Ctrl-L) once, without any change of its own, as the app's store does.
final class RepaintAsker: TerminalProgram {
    var polls = 0
    var frames = 0
    var isFinished: Bool { polls >= 10 }
    func handle(_ event: InputEvent) {}
    func poll(now: Date) { polls += 1 }
    var needsFrame: Bool { frames == 0 }
    func render(size: Size) -> Canvas {
        frames += 1
        var canvas = Canvas(size: size)
        canvas.put("same", x: 0, y: 0)
        return canvas
    }
    func received(signal: Int32) {}
    func takeRepaintRequest() -> Bool { polls == 5 }
}

@Suite("Event loop: a repaint request")
struct LoopRepaintTests {
    @Test("a repaint request draws the frame whole at once, even when nothing changed")
    func repaintWithoutChange() {
        let backend = HeadlessBackend(size: Size(width: 20, height: 3))
        TerminalLoop.run(RepaintAsker(), on: backend)
        #expect(backend.repaintRequests == 1)
        #expect(backend.frameCount == 2)  // the first frame and the repaint
    }
}
