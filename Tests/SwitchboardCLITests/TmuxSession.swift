import Foundation

/// The real binary in a real terminal: tmux on a private socket, keys sent with send-keys and the
/// screen read with capture-pane. Waits poll the screen for expected text; nothing sleeps and hopes.
final class TmuxSession {
    let socket = "sbtest-\(UUID().uuidString.prefix(8))"
    let name = "app"

    /// Starts `command` (a shell line) in a `width`×`height` terminal with `environment`.
    init(command: String, width: Int = 120, height: Int = 40, environment: [String: String]) throws {
        let exports = environment.map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        // The server this starts keeps its stdout open: read nothing back from it.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                  "env -i \(exports) sh -c \(Self.quote(command + "; echo \"exit=$?\"; sleep 600"))"], readOutput: false)
    }

    deinit { _ = try? tmux(["kill-server"]) }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Whether tmux is installed (the Makefile installs it).
    static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs tmux with posix_spawn and waitpid. (Foundation's Process waits for every inheritor of
    /// its pipes, and the tmux server that new-session forks keeps them: it would never return.)
    @discardableResult
    func tmux(_ arguments: [String], readOutput: Bool = true) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, readOutput ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, argv, environ)
        guard spawned == 0 else { throw TmuxFailure("cannot start tmux (error \(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return readOutput ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
    }

    /// Sends keys as tmux names them ("j", "Enter", "Escape", "C-l"); `literal` sends text as typed.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    var screen: String { (try? tmux(["capture-pane", "-p", "-t", name])) ?? "" }

    /// Waits until the screen shows `text`; fails with the screen it saw.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxFailure("“\(text)” did not appear within \(timeout) s; the screen was:\n\(last)")
    }

    /// Waits until the screen no longer shows `text`.
    func waitForAbsence(_ text: String, timeout: TimeInterval = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !screen.contains(text) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxFailure("“\(text)” was still on screen after \(timeout) s:\n\(screen)")
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the program is on the alternate screen (curses active).
    var alternateScreen: Bool { (try? tmux(["display", "-p", "-t", name, "#{alternate_on}"]))?.hasPrefix("1") == true }

    /// The process id of the program the shell started.
    func programPID() throws -> Int32 {
        let shell = try tmux(["display", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pgrep", "-P", shell, "switchboard"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let pid = Int32(String(decoding: data, as: UTF8.self).split(separator: "\n").first ?? "") else {
            throw TmuxFailure("no switchboard process under the shell \(shell)")
        }
        return pid
    }
}

struct TmuxFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
