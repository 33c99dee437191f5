import CNcursesw
import Foundation

/// Sends each frame to the terminal in one `write()`.
///
/// ncurses 6.4 splits a frame by itself: until the first `endwin()` it flushes after every cursor
/// move (its screen stays in the "initial" state after `newterm`), and its own buffer holds
/// (2 + lines) × (6 + columns) bytes, less than a full repaint with colours. Over SSH each write
/// can become a packet of its own and a half-drawn frame shows. So ncurses' descriptor is pointed
/// at a file in memory, and `send()` hands everything collected to the terminal at once.
final class FrameOutput {
    /// Where the bytes go: the tty, or the file or pipe a measurement reads.
    let terminal: Int32
    /// The descriptor ncurses writes to. Once `capture()` ran, it is the memory file.
    let ncurses: Int32
    private let memory: Int32
    private var bytes: [UInt8] = []

    /// `ncurses` is the descriptor of the stream given to `newterm`; nil when no memory file can
    /// be made (ncurses then writes to the terminal as it likes).
    init?(ncurses: Int32, terminal: Int32) {
        let memory = sb_memory_file()
        guard memory >= 0 else { return nil }
        self.ncurses = ncurses
        self.terminal = terminal
        self.memory = memory
    }

    /// From now on ncurses writes into memory; `send()` passes it on.
    func capture() {
        dup2(memory, ncurses)
        _ = fcntl(ncurses, F_SETFD, FD_CLOEXEC)  // dup2 clears it; no child process needs it
        Self.crashRestore = (terminal, ncurses)
    }

    /// Adds a sequence ncurses does not know about, in order with ncurses' own output.
    func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = write(ncurses, base, buffer.count)
        }
    }

    /// Writes everything collected since the last call to the terminal in one `write()` (more
    /// only when the terminal takes part of it), and empties the memory file.
    func send() {
        let length = Int(lseek(memory, 0, SEEK_CUR))
        guard length > 0 else { return }
        if bytes.count < length { bytes = [UInt8](repeating: 0, count: length) }
        let read = bytes.withUnsafeMutableBytes { pread(memory, $0.baseAddress, length, 0) }
        ftruncate(memory, 0)
        lseek(memory, 0, SEEK_SET)
        guard read > 0 else { return }
        bytes.withUnsafeBytes { writeAll($0.baseAddress!, count: read) }
    }

    /// Gives ncurses the terminal itself again (after `send()`, before closing).
    func release() {
        dup2(terminal, ncurses)
        Self.crashRestore = nil
        close(memory)
    }

    private func writeAll(_ start: UnsafeRawPointer, count: Int) {
        var done = 0
        while done < count {
            let written = write(terminal, start + done, count - done)
            if written > 0 {
                done += written
            } else if written < 0, errno == EINTR {
                continue
            } else if written < 0, errno == EAGAIN {
                // A terminal someone set non-blocking: wait until it takes more.
                var ready = pollfd(fd: terminal, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, 1_000)
            } else {
                return  // the terminal is gone; what it would have shown no longer matters
            }
        }
    }

    /// The descriptors a crash handler swaps back so that `endwin()` reaches the terminal.
    nonisolated(unsafe) static var crashRestore: (terminal: Int32, ncurses: Int32)?
}
