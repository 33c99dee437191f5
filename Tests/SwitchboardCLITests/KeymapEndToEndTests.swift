import Foundation
import Testing

/// Issue 12, item 2: a supervisor inside tmux or screen rebinds the app's keys in config.yaml.
@Suite("Key remapping end to end", .serialized)
struct KeymapEndToEndTests {
    /// Writes `keys` as config.yaml's `keys:` section under `home`'s config directory (0600).
    static func writeConfig(_ keys: String, home: URL) throws {
        let directory = home.appendingPathComponent(".config/switchboard")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("config.yaml")
        try ("keys:\n" + keys).write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }

    @Test("The demo honours keys: in config.yaml — help shows the new key, it works, the old one does not, a conflict shows at start")
    func remappedInTheTerminal() async throws {
        try #require(TmuxSession.isAvailable, "tmux is missing: run `make test`, which installs it")
        try await TUIKeysEndToEndTests.withHome { home in
            try Self.writeConfig("  quit: Ctrl-Q\n  page-up: PgUp\n  down: [j, Down, n]\n", home: home)
            var environment = TUIKeysEndToEndTests.environment(home: home)
            environment["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
            let tmux = try TmuxSession(command: "\(TmuxSession.quote(CLI.binary.path)) demo --campaigns 20 --refresh 0",
                                       environment: environment)
            defer { tmux.close() }
            // n now means both "down" and "new": said at start, in the status bar.
            try await tmux.appears("row 1/20", "keys: n means both")
            try tmux.send("?")
            try await tmux.appears("Ctrl-Q", "quit", "PgUp           page up")
            try tmux.send("Escape")
            try await tmux.appears("row 1/20")
            try tmux.send("C-b")
            try await tmux.appears("Ctrl-B does nothing here")
            // The terminal is raw: Ctrl-C is a key like any other, and it was rebound away.
            try tmux.send("C-c")
            try await tmux.appears("Ctrl-C does nothing here")
            try tmux.send("C-q")
            try await tmux.appears("exit=0")
        }
    }

    @Test("switchboard keys lists every binding with its active keys, and fails on a conflict")
    func keysCommand() async throws {
        try await withCLI { cli in
            let plain = try await cli.run(["keys"])
            #expect(plain.code == 0)
            #expect(plain.stdout.contains("grid.undo") && plain.stdout.contains("editor.save") && plain.stdout.contains("Ctrl-S"))
            try Self.writeConfig("  editor.save: F2\n  grid.fill: Ctrl-L\n  nonsense: j\n", home: cli.home)
            let bad = try await cli.run(["keys"])
            #expect(bad.code == 1)
            #expect(bad.stdout.contains("editor.save") && bad.stdout.contains("F2"))
            #expect(bad.stderr.contains("Ctrl-L of grid.fill is taken everywhere by repaint"))
            #expect(bad.stderr.contains("no binding is named nonsense"))
        }
    }
}
