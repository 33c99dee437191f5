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

    public static func run(_ program: TerminalProgram, on backend: TerminalBackend) {
        var lastSize = backend.size
        program.handle(.resize(lastSize))
        while !program.isFinished {
            if let signal = TerminalSignals.take() { program.received(signal: signal) }
            if program.takeSuspendRequest() || TerminalSignals.takeStop() {
                backend.suspend()
                // Continued: the terminal may have changed size meanwhile; the frame is drawn whole.
                lastSize = backend.size
                program.handle(.resize(lastSize))
                backend.draw(program.render(size: lastSize))
            }
            program.poll(now: Date())
            if program.takeRepaintRequest() { backend.forceRepaint() }
            if program.needsFrame || backend.size != lastSize {
                lastSize = backend.size
                backend.draw(program.render(size: lastSize))
            }
            if program.isFinished { break }
            if let event = backend.nextEvent(timeoutMilliseconds: pollMilliseconds) {
                program.handle(event)
            }
        }
    }
}
