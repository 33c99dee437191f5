import CNcursesw
import Foundation

/// The real terminal, through ncursesw. Each frame is written whole into the window and ncurses
/// sends only the cells that changed; the screen is never cleared per frame.
public final class NcursesBackend: TerminalBackend {
    public let colorMode: ColorMode
    private let screen: OpaquePointer?
    private let files: [UnsafeMutablePointer<FILE>]
    private var pairs: [PairKey: Int16] = [:]
    private var repaintNext = false
    private var active = true
    private var scratch: [wchar_t] = []

    private struct PairKey: Hashable {
        let foreground: Int16
        let background: Int16
    }

    /// Opens the user's terminal (stdin/stdout).
    public convenience init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try self.init(terminalType: nil, outputPath: nil, size: nil, environment: environment)
    }

    /// Opens a terminal of `terminalType` writing to `outputPath` and reading nothing, at `size`:
    /// for measuring exactly what ncurses sends. Nil values mean the user's terminal.
    public init(terminalType: String?, outputPath: String?, size: Size?,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        setlocale(LC_ALL, "")
        if environment["ESCDELAY"] == nil { sb_set_escdelay(25) }
        if let outputPath {
            guard let output = fopen(outputPath, "w"), let input = fopen("/dev/null", "r") else {
                throw TerminalError.cannotOpen("cannot open \(outputPath)")
            }
            guard let created = newterm(terminalType ?? "xterm-256color", output, input) else {
                throw TerminalError.cannotOpen("unknown terminal type \(terminalType ?? "xterm-256color")")
            }
            screen = created
            files = [output, input]
            set_term(created)
        } else {
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
                throw TerminalError.notATerminal
            }
            guard let created = newterm(nil, sb_stdout(), sb_stdin()) else {
                throw TerminalError.cannotOpen("cannot start curses for TERM=\(environment["TERM"] ?? "")")
            }
            screen = created
            files = []
            set_term(created)
        }
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
        TerminalSignals.install()
    }

    public var size: Size { Size(width: Int(getmaxx(sb_stdscr())), height: Int(getmaxy(sb_stdscr()))) }

    public func draw(_ canvas: Canvas) {
        guard active else { return }
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
                        for scalar in cell.character.unicodeScalars { scratch.append(wchar_t(bitPattern: scalar.value)) }
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
        if !files.isEmpty { fflush(files[0]) }
    }

    public func nextEvent(timeoutMilliseconds: Int32) -> InputEvent? {
        guard active else { return nil }
        wtimeout(sb_stdscr(), timeoutMilliseconds)
        var value: wint_t = 0
        let result = wget_wch(sb_stdscr(), &value)
        if result == KEY_CODE_YES {
            let code = Int32(bitPattern: UInt32(value))
            if code == KeyDecoder.Code.resize { return .resize(size) }
            if code == KeyDecoder.Code.mouse { return mouseEvent() }
            return .key(KeyDecoder.functionKey(code))
        }
        guard result == OK else { return nil }
        return .key(KeyDecoder.character(UInt32(value)))
    }

    public func forceRepaint() { repaintNext = true }

    public func shutdown() {
        guard active else { return }
        active = false
        endwin()
        if let screen { delscreen(screen) }
        for file in files { fclose(file) }
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
