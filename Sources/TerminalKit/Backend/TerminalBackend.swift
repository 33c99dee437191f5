/// Where frames go and keys come from: a real terminal through ncurses, or a headless stand-in.
public protocol TerminalBackend: AnyObject {
    /// The terminal's current size.
    var size: Size { get }
    /// Shows `canvas`; only what changed since the last frame reaches the terminal.
    func draw(_ canvas: Canvas)
    /// The next input, waiting at most `timeoutMilliseconds`; nil when nothing came.
    func nextEvent(timeoutMilliseconds: Int32) -> InputEvent?
    /// Repaints the whole screen on the next draw (Ctrl-L), for a screen garbled by other output.
    func forceRepaint()
    /// Gives the terminal back as it was.
    func shutdown()
    /// Ctrl-Z: gives the terminal back, stops the process until the shell continues it (`fg`),
    /// then takes the terminal again; the next frame is drawn whole.
    func suspend()
}

/// A backend with no terminal: remembers the last frame and replays queued events. For tests.
public final class HeadlessBackend: TerminalBackend {
    public var size: Size
    public private(set) var lastFrame: Canvas?
    public private(set) var frameCount = 0
    public private(set) var repaintRequests = 0
    public var pendingEvents: [InputEvent] = []

    public init(size: Size) { self.size = size }

    public func draw(_ canvas: Canvas) {
        lastFrame = canvas
        frameCount += 1
    }

    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        pendingEvents.isEmpty ? nil : pendingEvents.removeFirst()
    }

    public private(set) var suspensions = 0

    public func forceRepaint() { repaintRequests += 1 }
    public func shutdown() {}
    public func suspend() { suspensions += 1 }
}
