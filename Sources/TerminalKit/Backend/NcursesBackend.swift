import CNcursesw
import Foundation

/// The real terminal, through ncursesw. Each frame is written whole into the window and ncurses
/// sends only the cells that changed; the screen is never cleared per frame.
public final class NcursesBackend: TerminalBackend {
    public let colorMode: ColorMode
    private let screen: OpaquePointer?
    private let files: [UnsafeMutablePointer<FILE>]
    /// Collects ncurses' output so that a frame reaches the terminal in one write; nil only when
    /// no memory file could be made.
    private let output: FrameOutput?
    /// The tty's descriptor (its size is read from it); nil when measuring into a file or pipe.
    private let terminal: Int32?
    /// A descriptor given to (or opened by) this backend for measuring, closed at shutdown.
    private let ownedDescriptor: Int32?
    private var pairs: [PairKey: Int16] = [:]
    private var repaintNext = false
    private var active = true
    private var scratch: [wchar_t] = []

    private struct PairKey: Hashable {
        let foreground: Int16
        let background: Int16
    }

    /// What opening the terminal produced.
    private struct Opened {
        var screen: OpaquePointer
        var files: [UnsafeMutablePointer<FILE>]
        var output: FrameOutput?
        var terminal: Int32?
        var ownedDescriptor: Int32?
    }

    /// Opens the user's terminal (stdin/stdout).
    public convenience init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try self.init(terminalType: nil, outputPath: nil, size: nil, environment: environment)
    }

    /// Opens a terminal of `terminalType` writing to `outputPath` and reading nothing, at `size`:
    /// for measuring exactly what ncurses sends. Nil values mean the user's terminal.
    public convenience init(terminalType: String?, outputPath: String?, size: Size?,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        setlocale(LC_ALL, "")
        if environment["ESCDELAY"] == nil { sb_set_escdelay(25) }
        if let outputPath {
            let descriptor = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw TerminalError.cannotOpen("cannot open \(outputPath)") }
            try self.init(opened: Self.openMeasuring(terminalType ?? "xterm-256color", descriptor: descriptor),
                          size: size, environment: environment)
        } else {
            try self.init(opened: Self.openTerminal(input: STDIN_FILENO, output: STDOUT_FILENO, terminalType: nil,
                                                    environment: environment),
                          size: size, environment: environment)
        }
    }

    /// A terminal of `terminalType` at `size` writing to `descriptor` (a pipe or file the caller
    /// reads; this backend closes it at shutdown) and reading nothing.
    convenience init(terminalType: String, outputDescriptor descriptor: Int32, size: Size,
                     environment: [String: String] = [:]) throws {
        setlocale(LC_ALL, "")
        if environment["ESCDELAY"] == nil { sb_set_escdelay(25) }
        try self.init(opened: Self.openMeasuring(terminalType, descriptor: descriptor), size: size, environment: environment)
    }

    private init(opened: Opened, size: Size?, environment: [String: String]) {
        screen = opened.screen
        files = opened.files
        output = opened.output
        terminal = opened.terminal
        ownedDescriptor = opened.ownedDescriptor
        if let size { resizeterm(Int32(size.height), Int32(size.width)) }
        raw()
        noecho()
        nonl()
        keypad(sb_stdscr(), true)
        curs_set(0)
        mouseinterval(0)
        mousemask(sb_button1_pressed() | sb_button4_pressed() | sb_button5_pressed(), nil)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        colorMode = ColorMode.choose(colors: Int(sb_colors()), hasColors: has_colors(), environment: environment)
        // The paste brackets come back as key codes of their own when they arrive whole.
        _ = define_key(BracketedPaste.start, Self.pasteStartCode)
        _ = define_key(BracketedPaste.end, Self.pasteEndCode)
        writeRaw(BracketedPaste.enable)
        TerminalSignals.install()
    }

    /// A tty given by its descriptors (they stay open; the caller closes them): for tests.
    convenience init(terminalInput input: Int32, output: Int32, terminalType: String,
                     environment: [String: String] = [:]) throws {
        setlocale(LC_ALL, "")
        if environment["ESCDELAY"] == nil { sb_set_escdelay(25) }
        try self.init(opened: Self.openTerminal(input: input, output: output, terminalType: terminalType,
                                                environment: environment),
                      size: nil, environment: environment)
    }

    /// ncurses on a tty (stdin/stdout for the user's). Its writes go to a memory file sent once a
    /// frame; its terminal modes and the size still come from the tty, through a terminal
    /// description opened on the tty itself before `newterm` (so that it also remembers the modes
    /// the shell had). A nil `terminalType` means `TERM`.
    private static func openTerminal(input: Int32, output: Int32, terminalType: String?,
                                     environment: [String: String]) throws -> Opened {
        guard isatty(input) == 1, isatty(output) == 1 else { throw TerminalError.notATerminal }
        let failure = TerminalError.cannotOpen("cannot start curses for TERM=\(terminalType ?? environment["TERM"] ?? "")")
        var status: Int32 = 0
        guard setupterm(terminalType, output, &status) == OK, let modes = sb_cur_term() else { throw failure }
        var files: [UnsafeMutablePointer<FILE>] = []
        var started = false
        defer { if !started { files.forEach { fclose($0) } } }
        let descriptor = dup(output)
        guard descriptor >= 0, let stream = fdopen(descriptor, "w") else { throw failure }
        files.append(stream)
        var reading = sb_stdin()
        if input != STDIN_FILENO {
            guard let opened = fdopen(dup(input), "r") else { throw failure }
            files.append(opened)
            reading = opened
        }
        guard let created = newterm(terminalType, stream, reading) else { throw failure }
        set_term(created)
        let frames = FrameOutput(ncurses: descriptor, terminal: output)
        if let frames {
            set_curterm(modes)
            def_prog_mode()
            frames.capture()
        }
        started = true
        return Opened(screen: created, files: files, output: frames, terminal: output, ownedDescriptor: nil)
    }

    /// ncurses writing to `descriptor`, reading /dev/null.
    private static func openMeasuring(_ terminalType: String, descriptor: Int32) throws -> Opened {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopen(copy, "w") else {
            close(descriptor)
            throw TerminalError.cannotOpen("cannot write to descriptor \(descriptor)")
        }
        guard let input = fopen("/dev/null", "r") else {
            fclose(stream)
            close(descriptor)
            throw TerminalError.cannotOpen("cannot open /dev/null")
        }
        guard let created = newterm(terminalType, stream, input) else {
            fclose(stream)
            fclose(input)
            close(descriptor)
            throw TerminalError.cannotOpen("unknown terminal type \(terminalType)")
        }
        set_term(created)
        let output = FrameOutput(ncurses: copy, terminal: descriptor)
        output?.capture()
        return Opened(screen: created, files: [stream, input], output: output, terminal: nil,
                      ownedDescriptor: descriptor)
    }

    /// Key codes for the paste brackets, above every code ncurses defines.
    static let pasteStartCode: Int32 = 0o7001, pasteEndCode: Int32 = 0o7002

    /// Writes a control sequence ncurses does not know about, at once.
    private func writeRaw(_ text: String) {
        queueRaw(text)
        send()
    }

    /// Adds a control sequence ncurses does not know about to what the next `send()` writes.
    private func queueRaw(_ text: String) {
        if let output {
            output.append(text)
        } else {
            let stream = files.first ?? sb_stdout()
            fputs(text, stream)
            fflush(stream)
        }
    }

    /// Passes on what ncurses wrote since the last time, in one write.
    private func send() {
        if let output { output.send() } else if let stream = files.first { fflush(stream) }
    }

    public var size: Size { Size(width: Int(getmaxx(sb_stdscr())), height: Int(getmaxy(sb_stdscr()))) }

    public func draw(_ canvas: Canvas) {
        guard active, !resizePending else { return }
        let window = sb_stdscr()
        let rows = min(canvas.height, Int(getmaxy(window)))
        let columns = min(canvas.width, Int(getmaxx(window)))
        for y in 0..<rows {
            var x = 0
            while x < columns {
                let style = canvas[x, y].style
                let start = x
                scratch.removeAll(keepingCapacity: true)
                while x < columns, canvas[x, y].style == style || canvas[x, y].isContinuation {
                    let cell = canvas[x, y]
                    if !cell.isContinuation {
                        // Drawn as ncurses and the terminal both measure it (see DisplayWidth).
                        let scalars = cell.character.unicodeScalars.count == 1 ? cell.character.unicodeScalars
                            : DisplayWidth.terminalForm(cell.character).unicodeScalars
                        for scalar in scalars { scratch.append(wchar_t(bitPattern: scalar.value)) }
                    }
                    x += 1
                }
                let (attributes, pair) = curses(style)
                scratch.append(0)
                _ = sb_put_run(window, Int32(y), Int32(start), scratch, Int32(scratch.count - 1), attributes, pair)
            }
        }
        wnoutrefresh(window)
        doupdate()
        if repaintNext {
            repaintNext = false
            wrefresh(sb_curscr())
        }
        send()
    }

    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard active else { return nil }
        switch read(timeoutMilliseconds) {
        case nil:
            return nil
        case .function(let code):
            if code == KeyDecoder.Code.resize {
                // A terminal that shrinks may scroll what it showed (tmux and xterm keep the
                // cursor's row in view), behind ncurses' back: the next frame is drawn whole.
                repaintNext = true
                return .resize(size)
            }
            if code == KeyDecoder.Code.mouse { return mouseEvent() }
            if code == Self.pasteStartCode { return .paste(readPaste()) }
            if code == Self.pasteEndCode { return nil }
            return .key(KeyDecoder.functionKey(code))
        case .character(27):
            let outcome = EscapeSequence.afterLoneEscape(next: read)
            if let giveBack = outcome.giveBack { unread(giveBack) }
            switch outcome.meaning {
            case .key(let key): return .key(key)
            case .pasteStart: return .paste(readPaste())
            case .pasteEnd, .ignored: return nil
            }
        case .character(let value):
            return .key(KeyDecoder.character(value))
        }
    }

    /// One read from ncurses, waiting at most `milliseconds`.
    private func read(_ milliseconds: Int32) -> EscapeSequence.Read? {
        wtimeout(sb_stdscr(), milliseconds)
        var value: wint_t = 0
        let result = wget_wch(sb_stdscr(), &value)
        // Reading may make ncurses switch the keypad on (it does so lazily): pass that on.
        output?.send()
        if result == KEY_CODE_YES { return .function(Int32(bitPattern: UInt32(value))) }
        guard result == OK else { return nil }
        return .character(UInt32(value))
    }

    /// Puts a read back at the front of ncurses' input queue.
    private func unread(_ read: EscapeSequence.Read) {
        switch read {
        case .character(let value): _ = unget_wch(wchar_t(bitPattern: value))
        case .function(let code): _ = ungetch(code)
        }
    }

    /// Reads pasted text up to the closing bracket (or a second of silence, should the terminal
    /// never send it). Keypad decoding is off meanwhile, so an escape sequence inside the paste
    /// arrives as the characters it is made of: text, never a key.
    private func readPaste() -> String {
        keypad(sb_stdscr(), false)
        defer { keypad(sb_stdscr(), true) }
        let end = Array(BracketedPaste.end.unicodeScalars)
        var text = String.UnicodeScalarView()
        var tail: [Unicode.Scalar] = []
        var kept = 0
        while let item = read(BracketedPaste.silenceMilliseconds) {
            guard case .character(let value) = item, let scalar = Unicode.Scalar(value) else { continue }
            tail.append(scalar)
            if tail.count > end.count { tail.removeFirst() }
            if tail == end {
                // The closing bracket's first bytes went into the text: take them out again.
                text.removeLast(min(end.count - 1, kept))
                break
            }
            if kept < BracketedPaste.maximumScalars {
                text.append(scalar)
                kept += 1
            }
        }
        return String(text)
    }

    public func suspend() {
        guard active else { return }
        queueRaw(BracketedPaste.disable)
        endwin()
        send()
        TerminalSignals.stopUntilContinued()
        // Back in the foreground (fg): curses again, the whole screen redrawn on the next frame.
        queueRaw(BracketedPaste.enable)
        doupdate()
        send()
        repaintNext = true
    }

    public func forceRepaint() { repaintNext = true }

    /// True when the terminal's size is no longer the one ncurses knows: its KEY_RESIZE is on the
    /// way, and a frame drawn now at the old size would wrap and scroll the real screen.
    private var resizePending: Bool {
        guard let terminal else { return false }
        var window = winsize()
        guard ioctl(terminal, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else { return false }
        return Int(window.ws_row) != size.height || Int(window.ws_col) != size.width
    }

    public func shutdown() {
        guard active else { return }
        active = false
        queueRaw(BracketedPaste.disable)
        endwin()
        send()
        output?.release()
        if let screen { delscreen(screen) }
        for file in files { fclose(file) }
        if let ownedDescriptor { close(ownedDescriptor) }
        TerminalSignals.uninstall()
    }

    deinit { shutdown() }

    private func mouseEvent() -> InputEvent? {
        var x: Int32 = 0, y: Int32 = 0
        var state: mmask_t = 0
        guard sb_get_mouse(&x, &y, &state) == OK else { return nil }
        if state & sb_button4_pressed() != 0 { return .mouse(MouseEvent(.wheelUp, x: Int(x), y: Int(y))) }
        if state & sb_button5_pressed() != 0 { return .mouse(MouseEvent(.wheelDown, x: Int(x), y: Int(y))) }
        if state & (sb_button1_pressed() | sb_button1_clicked()) != 0 {
            return .mouse(MouseEvent(.click, x: Int(x), y: Int(y)))
        }
        return nil
    }

    private func curses(_ style: Style) -> (attr_t, Int16) {
        var attributes = sb_a_normal()
        if style.bold { attributes |= sb_a_bold() }
        if style.dim { attributes |= sb_a_dim() }
        if style.reverse { attributes |= sb_a_reverse() }
        if style.underline { attributes |= sb_a_underline() }
        let colors = Int(sb_colors())
        let foreground = colorMode.map(style.foreground, colors: colors) ?? -1
        let background = colorMode.map(style.background, colors: colors) ?? -1
        guard foreground >= 0 || background >= 0 else { return (attributes, 0) }
        let key = PairKey(foreground: foreground, background: background)
        if let pair = pairs[key] { return (attributes, pair) }
        guard pairs.count + 1 < Int(sb_color_pairs()), pairs.count < Int(Int16.max) - 1 else { return (attributes, 0) }
        let pair = Int16(pairs.count + 1)
        init_pair(pair, foreground, background)
        pairs[key] = pair
        return (attributes, pair)
    }
}

/// Why the terminal could not be opened.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case cannotOpen(String)

    public var description: String {
        switch self {
        case .notATerminal: return "the terminal UI needs a terminal: stdin and stdout must be a tty"
        case .cannotOpen(let why): return why
        }
    }
}
