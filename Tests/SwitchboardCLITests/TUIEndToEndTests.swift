import Foundation
import Testing

/// The real binary in tmux: browse, filter, help, palette, contact lists, resize, and leaving
/// by q and by SIGTERM with the terminal given back.
@Suite("Terminal UI end to end (tmux)", .serialized)
struct TUIEndToEndTests {
    static var environment: [String: String] {
        ["LANG": "C.UTF-8", "TERM": "xterm-256color", "HOME": FileManager.default.temporaryDirectory.path,
         "PATH": "/usr/bin:/bin"]
    }

    @Test("switchboard demo: browse, open, filter, help, palette, contact lists, resize, quit")
    func demo() async throws {
        try #require(TmuxSession.isAvailable, "tmux is missing: run `make test`, which installs it")
        let tmux = try TmuxSession(command: "\(TmuxSession.quote(CLI.binary.path)) demo --campaigns 40 --refresh 0",
                                   environment: Self.environment)
        defer { tmux.close() }
        // Each wait names everything the test then reads off that screen: a frame may be half
        // drawn when it is captured, so nothing is read that was not waited for.
        try await tmux.appears("40 campaigns (", "TYPE", "CALL WINDOW", "demo @ http://127.0.0.1:")
        try await tmux.appears("dialing mode")
        try tmux.send("j", "Enter")
        try await tmux.appears("Campaigns (SMS + voice) › ", "── Audience")
        try await tmux.disappears("CALL WINDOW")
        try tmux.send("Escape", "/")
        try tmux.send("status:active", literal: true)
        try await tmux.appears("/status:active")
        try await tmux.disappears(" Ready ")
        try tmux.send("Escape", "?")
        try await tmux.appears("── Everywhere", "Ctrl-L")
        try tmux.send("q", ":")
        try tmux.send("contact-lists", literal: true)
        try tmux.send("Enter")
        try await tmux.appears("APIContctList", "RECORDS")
        try tmux.send("Escape")
        try tmux.resize(width: 80, height: 24)
        try await tmux.appears("── Detail")
        try tmux.resize(width: 15, height: 5)
        try await tmux.appears("too s")
        try tmux.resize(width: 120, height: 40)
        try await tmux.appears("CALL WINDOW")
        try tmux.send("C-l", "q")
        try await tmux.appears("exit=0")
        #expect(!tmux.alternateScreen)
    }

    @Test("SIGTERM leaves cleanly: the terminal is given back and the exit is orderly")
    func sigterm() async throws {
        try #require(TmuxSession.isAvailable, "tmux is missing: run `make test`, which installs it")
        let tmux = try TmuxSession(command: "\(TmuxSession.quote(CLI.binary.path)) demo --campaigns 5",
                                   environment: Self.environment)
        defer { tmux.close() }
        try await tmux.appears("5 campaigns (")
        #expect(tmux.alternateScreen)
        kill(try tmux.programPID(), SIGTERM)
        try await tmux.appears("exit=0")
        #expect(!tmux.alternateScreen)
    }

    @Test("a closed session leaves no tmux server and no app behind")
    func closeLeavesNothing() async throws {
        try #require(TmuxSession.isAvailable, "tmux is missing: run `make test`, which installs it")
        let tmux = try TmuxSession(command: "\(TmuxSession.quote(CLI.binary.path)) demo --campaigns 5 --refresh 0",
                                   environment: Self.environment)
        try await tmux.appears("5 campaigns (")
        let app = try tmux.programPID()
        #expect(tmux.isRunning && TmuxSession.isAlive(app))
        tmux.close()
        #expect(!tmux.isRunning, "the tmux server outlived close()")
        let deadline = Date().addingTimeInterval(10)
        while TmuxSession.isAlive(app), Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(!TmuxSession.isAlive(app), "the app outlived its tmux server")
        #expect(!TmuxSession.live.withLock { $0.contains(tmux.socket) })
    }

    @Test("without a profile or a terminal, switchboard explains what to do")
    func noProfile() async throws {
        try await withCLI { cli in
            var bare = cli
            bare.extraEnvironment = ["KORE_HOST": "", "KORE_CLIENT_SECRET": "", "KORE_CLIENT_ID": ""]
            let result = try await bare.run([])
            #expect(result.code == 1)
            #expect(result.stderr.contains("switchboard demo"))
            let noTTY = try await cli.run([])
            #expect(noTTY.code == 1)
            #expect(noTTY.stderr.contains("needs a terminal"))
        }
    }
}
