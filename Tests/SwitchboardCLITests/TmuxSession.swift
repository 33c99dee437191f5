import Foundation

/// The real binary in a real terminal: tmux on a private socket, keys sent with send-keys and the
/// screen read with capture-pane. Waits poll the screen for expected text; nothing sleeps and hopes.
final class TmuxSession {
    let socket = "sbtest-\(UUID().uuidString.prefix(8))"
    let name = "app"
    /// The tmux server's process id, to check that `close` really ended it.
    private(set) var serverPID: Int32?
    private var closed = false

    /// Starts `command` (a shell line) in a `width`×`height` terminal with `environment`.
    init(command: String, width: Int = 120, height: Int = 40, environment: [String: String]) throws {
        let exports = environment.map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        // The server this starts keeps its stdout open: read nothing back from it. The shell
        // waits after the program so that its exit line stays readable; `close` ends it all.
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                  "env -i \(exports) sh -c \(Self.quote(command + "; echo \"exit=$?\"; sleep 300"))"], readOutput: false)
        Self.live.withLock { $0.insert(socket) }
        Self.killLeftoversAtExit
        serverPID = Int32((try? tmux(["display", "-p", "-t", name, "#{pid}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
    }

    deinit { close() }

    /// Ends the tmux server and everything running in it (the app, the shell), and waits until
    /// they are gone. Tests call it when they end, pass or fail (`defer`); `deinit` and process
    /// exit call it too, so that no server outlives its test.
    func close() {
        guard !closed else { return }
        closed = true
        // SIGTERM is what kill-server sends the server, but sent from here it takes effect at
        // once (a kill-server client spawned by the test process was seen to leave the server
        // running); SIGKILL if it is still there after two seconds.
        if let serverPID {
            kill(serverPID, SIGTERM)
            if !Self.waitForExit(serverPID, timeout: 2) {
                kill(serverPID, SIGKILL)
                _ = Self.waitForExit(serverPID, timeout: 2)
            }
        } else {
            _ = try? tmux(["kill-server"])
        }
        Self.live.withLock { _ = $0.remove(socket) }
    }

    /// Whether the tmux server still runs.
    var isRunning: Bool { serverPID.map(Self.isAlive) ?? false }

    /// Waits until process `pid` has ended; false if it still runs after `timeout` seconds.
    static func waitForExit(_ pid: Int32, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while isAlive(pid) {
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }

    /// Whether process `pid` runs: a zombie has ended (this machine's init reaps them late).
    static func isAlive(_ pid: Int32) -> Bool {
        // /proc files report a size of 0: read them with read(2), not Foundation's file loading.
        let fd = open("/proc/\(pid)/stat", O_RDONLY)
        guard fd >= 0 else { return false }
        defer { Foundation.close(fd) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = read(fd, &buffer, buffer.count)
        let stat = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
        guard let end = stat.lastIndex(of: ")") else { return kill(pid, 0) == 0 }
        return !stat[end...].hasPrefix(") Z")
    }

    /// Sockets of servers not yet closed, killed when the test process exits whatever happened.
    static let live = LockedSockets()
    private static let killLeftoversAtExit: Void = {
        atexit {
            for socket in TmuxSession.live.withLock({ $0 }) {
                _ = try? TmuxSession.run(["tmux", "-L", socket, "kill-server"], outputPath: nil)
            }
        }
    }()

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
        try Self.run(["tmux", "-L", socket] + arguments, outputPath: readOutput ? outputPath : nil)
        return readOutput ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
    }

    /// Runs `argv` with posix_spawn and waitpid, its output to `outputPath` (or nowhere).
    /// (Foundation's Process waits for every inheritor of its pipes, and the tmux server that
    /// new-session forks keeps them: it would never return.)
    static func run(_ arguments: [String], outputPath: String?) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw TmuxFailure("cannot start \(arguments[0]) (error \(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    }

    /// Sends keys as tmux names them ("j", "Enter", "Escape", "C-l"); `literal` sends text as typed.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    var screen: String { (try? tmux(["capture-pane", "-p", "-t", name])) ?? "" }

    /// Waits until the screen shows every one of `texts` at once; fails with the screen it saw.
    /// A test waits for exactly what it then asserts: whatever it reads from the returned screen
    /// must be among `texts`, never a neighbour that may not be drawn yet. It polls with
    /// `Task.sleep`, never blocking a thread that the other tests (and the sandbox) need.
    @discardableResult
    func appears(_ texts: String..., timeout: TimeInterval = 20) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen
            if texts.allSatisfy(last.contains) { return last }
            try await Task.sleep(for: .milliseconds(40))
        }
        throw TmuxFailure(Self.missing(texts, in: last, after: timeout))
    }

    /// Waits until the screen shows none of `texts`.
    func disappears(_ texts: String..., timeout: TimeInterval = 10) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen
            if !texts.contains(where: last.contains) { return }
            try await Task.sleep(for: .milliseconds(40))
        }
        throw TmuxFailure("“\(texts.filter(last.contains).joined(separator: "”, “"))” still on screen after \(timeout) s:\n\(last)")
    }

    private static func missing(_ texts: [String], in screen: String, after timeout: TimeInterval) -> String {
        "“\(texts.filter { !screen.contains($0) }.joined(separator: "”, “"))” did not appear within \(timeout) s; the screen was:\n\(screen)"
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

/// The sockets of live test servers, behind a lock (tests run in parallel).
final class LockedSockets: @unchecked Sendable {
    private let lock = NSLock()
    private var sockets: Set<String> = []
    func withLock<T>(_ body: (inout Set<String>) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&sockets)
    }
}
