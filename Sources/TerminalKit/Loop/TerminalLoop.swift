import Foundation

/// An interactive program the loop drives: it takes input, says when it has a new frame, and
/// renders into a canvas. Results of background work reach it through `poll()`.
public protocol TerminalProgram: AnyObject {
    /// Applies one input event.
    func handle(_ event: InputEvent)
    /// Applies whatever background work has finished since the last call; called every turn.
    func poll(now: Date)
    /// True when the state changed since the last frame.
    var needsFrame: Bool { get }
    /// Draws the current state. Called only when `needsFrame`.
    func render(size: Size) -> Canvas
    /// True once the program wants to end.
    var isFinished: Bool { get }
    /// The terminal sent a graceful signal (SIGTERM, SIGHUP, SIGINT).
    func received(signal: Int32)
    /// True when the user asked for a full repaint (Ctrl-L); reading it clears it.
    func takeRepaintRequest() -> Bool
    /// True when the user asked to suspend (Ctrl-Z); reading it clears it.
    func takeSuspendRequest() -> Bool
}

extension TerminalProgram {
    public func takeSuspendRequest() -> Bool { false }
}

/// Runs a program on a backend until it finishes: input → program → frame, without busy waiting.
public enum TerminalLoop {
    /// How long to wait for a key before looking at background results again.
    public static let pollMilliseconds: Int32 = 20

    /// A frame reaches the backend only when it differs from the one on screen (a clock tick that
    /// changes no visible text is no frame), or when a repaint was asked for. `clock` gives the
    /// time the program is polled with; tests pass a simulated one.
    public static func run(_ program: TerminalProgram, on backend: TerminalBackend, clock: () -> Date = Date.init) {
        var lastSize = backend.size
        var shown: Canvas?
        program.handle(.resize(lastSize))
        while !program.isFinished {
            if let signal = TerminalSignals.take() { program.received(signal: signal) }
            if program.takeSuspendRequest() || TerminalSignals.takeStop() {
                backend.suspend()
                // Continued: the terminal may have changed size meanwhile; the frame is drawn whole.
                lastSize = backend.size
                program.handle(.resize(lastSize))
                let frame = program.render(size: lastSize)
                backend.draw(frame)
                shown = frame
            }
            program.poll(now: clock())
            // A repaint (Ctrl-L) is drawn at once, even when the program changed nothing.
            let repaint = program.takeRepaintRequest()
            if repaint {
                backend.forceRepaint()
                shown = nil
            }
            if program.needsFrame || repaint || backend.size != lastSize {
                lastSize = backend.size
                let frame = program.render(size: lastSize)
                if frame != shown {
                    backend.draw(frame)
                    shown = frame
                }
            }
            if program.isFinished { break }
            if let event = backend.nextEvent(timeoutMilliseconds: pollMilliseconds) {
                // After a resize the terminal may show anything (and a frame drawn meanwhile may
                // have been held back): the next frame is sent whatever it looks like.
                if case .resize = event { shown = nil }
                program.handle(event)
            }
        }
    }
}
