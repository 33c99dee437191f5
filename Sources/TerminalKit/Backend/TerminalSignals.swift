import CNcursesw
import Foundation

/// Gives the terminal back on every way out. SIGTERM, SIGHUP and SIGINT are recorded for the
/// event loop, which leaves cleanly; crash signals restore the terminal and then die as usual.
public enum TerminalSignals {
    nonisolated(unsafe) private static var received: sig_atomic_t = 0
    private static let graceful: [Int32] = [SIGTERM, SIGHUP, SIGINT]
    private static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// The last graceful signal received, if any, and forgets it.
    public static func take() -> Int32? {
        let value = received
        guard value != 0 else { return nil }
        received = 0
        return value
    }

    /// True when a SIGTSTP arrived (`kill -TSTP`; Ctrl-Z itself is a key in raw mode).
    nonisolated(unsafe) private static var stopRequested: sig_atomic_t = 0

    /// Whether a SIGTSTP arrived since the last call.
    public static func takeStop() -> Bool {
        guard stopRequested != 0 else { return false }
        stopRequested = 0
        return true
    }

    /// Stops the process as the shell's job control expects (the default SIGTSTP action) and
    /// returns once it is continued (SIGCONT, `fg`). The terminal must be given back first.
    static func stopUntilContinued() {
        continued = 0
        signal(SIGCONT) { _ in TerminalSignals.continued = 1 }
        signal(SIGTSTP, SIG_DFL)
        // To the process, not this thread: the loop may run on a thread that blocks signals.
        kill(getpid(), SIGTSTP)
        // The stop lands on another thread a moment later; wait for it and for the continue
        // (time stopped does not count: the whole process is stopped). A process that cannot be
        // stopped (an orphaned process group ignores SIGTSTP) goes on after a second.
        var waited = 0
        while continued == 0, waited < 100 {
            usleep(10_000)
            waited += 1
        }
        signal(SIGCONT, SIG_DFL)
        signal(SIGTSTP) { _ in TerminalSignals.stopRequested = 1 }
    }

    /// Set by SIGCONT while the process is stopped for a suspend.
    nonisolated(unsafe) private static var continued: sig_atomic_t = 0

    static func install() {
        for number in graceful { signal(number) { TerminalSignals.received = $0 } }
        signal(SIGTSTP) { _ in TerminalSignals.stopRequested = 1 }
        for number in fatal {
            signal(number) { number in
                // ncurses writes into memory between frames (FrameOutput): give it the terminal back.
                if let restore = FrameOutput.crashRestore { dup2(restore.terminal, restore.ncurses) }
                endwin()
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        signal(SIGPIPE, SIG_IGN)
    }

    static func uninstall() {
        for number in graceful + fatal + [SIGTSTP] { signal(number, SIG_DFL) }
    }
}
