import CampaignAPI
import CampaignModel
import Foundation
import Testing

@Suite("The command line under hostile data and bad input", .serialized)
struct CLIHardeningTests {
    @Test("--timeout nan, inf, 1e10, 0 or -1 is a usage error, not a crash", arguments: ["nan", "inf", "1e10", "0", "-1"])
    func badTimeout(_ value: String) async throws {
        try await withCLI(seed: 1) { cli in
            let result = try await cli.run(["campaign", "list", "--timeout=\(value)"])
            #expect(result.code == 2, "\(result.all)")
            #expect(result.stderr.contains("--timeout must be"), "\(result.stderr)")
            #expect(try await cli.run(["campaign", "list", "--timeout", "2.5"]).code == 0)
        }
    }

    /// A name a hostile server (or user) could store: OSC 52 writes the clipboard, OSC 0 sets the
    /// title, CSI 2J clears the screen, U+202E reverses what follows, 0x9B is a C1 CSI.
    static let hostileName = "Evil \u{1B}]52;c;SGk=\u{07}\u{1B}]0;x\u{1B}\\\u{1B}[2Jname\u{202E}\u{9B}1m\u{7F}\u{08} end"
    static let controls: [Unicode.Scalar] = ["\u{1B}", "\u{07}", "\u{9B}", "\u{202E}", "\u{7F}", "\u{08}"]

    static func hasControls(_ text: String) -> Bool { text.unicodeScalars.contains { controls.contains($0) } }

    /// Stores a campaign with `hostileName` through the API, as a hostile server would hold it.
    static func createHostile(_ cli: CLI) async throws -> Campaign {
        let client = try CampaignClient(profile: APIProfile(
            name: "t", host: cli.sandbox.baseURL, streamId: cli.sandbox.credentials.streamId, accountId: cli.sandbox.credentials.accountId,
            auth: .signed(clientId: cli.sandbox.credentials.clientId, clientSecret: Secret(cli.sandbox.credentials.clientSecret))))
        var campaign = Campaign(type: .sms, name: hostileName, contactLists: ["CL Only 2020 Dec 4"])
        campaign.priority = 3
        campaign.format = .simple
        campaign.message = SMSMessage(text: "Hello")
        campaign.dialingStrategy = DialingStrategy(
            callerId: "+14155550123",
            callingHours: CallingHours(frequency: .weekly, timezone: "America/New_York", days: WeekSchedule.weekdaysNineToSix.days))
        return try await client.create(campaign)
    }

    @Test("tables and messages strip escape sequences and control characters; -o json and yaml keep the name exact")
    func controlCharactersStripped() async throws {
        try await withCLI(seed: 2) { cli in
            let created = try await Self.createHostile(cli)
            let id = try #require(created.id)
            #expect(created.name == Self.hostileName)

            let table = try await cli.run(["campaign", "list"])
            #expect(table.code == 0)
            #expect(!Self.hasControls(table.all), "\(table.stdout.debugDescription)")
            #expect(table.stdout.contains("Evil name end") || table.stdout.contains("Evil name…"), "\(table.stdout)")
            #expect(!table.stdout.contains("52;c;"), "the whole sequence is gone, not just its ESC")

            for format in ["json", "yaml"] {
                let structured = try await cli.run(["campaign", "get", id, "-o", format])
                #expect(structured.code == 0)
                let value = format == "json" ? try JSONValue.parse(structured.stdout) : try YAMLBridge.parse(structured.stdout)
                #expect(value.objectValue?["name"]?.stringValue == Self.hostileName, "\(format) keeps the name exact")
                #expect(!structured.stdout.contains("\u{1B}"), "\(format) escapes ESC rather than printing it")
            }

            let started = try await cli.run(["campaign", "start", id])
            #expect(started.code == 0 && started.stdout.contains("Evil"))
            #expect(!Self.hasControls(started.all), "\(started.all.debugDescription)")

            let missing = try await cli.run(["campaign", "get", "cd-\u{1B}]0;pwned\u{07}x"])
            #expect(missing.code == 1 && missing.stderr.contains("not found"))
            #expect(!Self.hasControls(missing.all), "the server's error text is stripped: \(missing.stderr.debugDescription)")
        }
    }

    @Test("apply's warnings name a hostile campaign without its control characters")
    func applyWarningsStripped() async throws {
        try await withCLI(seed: 2) { cli in
            let id = try #require(try await Self.createHostile(cli).id)
            let got = try await cli.run(["campaign", "get", id, "-o", "json"])
            var object = try #require(try JSONValue.parse(got.stdout).objectValue)
            object["description"] = .string("changed by apply")
            let file = try cli.file("hostile.json", JSONValue.object(object).serialized(pretty: true))
            let applied = try await cli.run(["campaign", "apply", "-f", file])
            #expect(applied.code == 0, "\(applied.all)")
            #expect(applied.stderr.contains("warning"), "the name's control characters are warned about: \(applied.stderr)")
            #expect(!Self.hasControls(applied.all), "\(applied.all.debugDescription)")
        }
    }

    @Test("delete shows the name without its control characters and takes it typed as shown")
    func deleteHostileName() async throws {
        try await withCLI(seed: 0) { cli in
            let id = try #require(try await Self.createHostile(cli).id)
            let shown = "Evil name end"
            let output = try cli.runInTerminal("\(CLI.binary.path) campaign delete \(id)", input: shown + "\n")
            #expect(output.contains("campaign \"\(shown)\""), "\(output.debugDescription)")
            #expect(!Self.hasControls(output.replacingOccurrences(of: "\u{1B}[?2004h", with: "")), "\(output.debugDescription)")
            #expect(output.contains("Deleted \(shown)"), "\(output.debugDescription)")
            #expect(try await cli.run(["campaign", "get", id]).code == 1)
        }
    }

    @Test("a YAML error in config.yaml never prints an inline clientSecret")
    func yamlErrorRedacted() async throws {
        try await withCLI(seed: 1) { cli in
            let secret = "inline-config-secret-never-printed-0123456789"
            let directory = cli.home.appendingPathComponent(".config/switchboard")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("config.yaml")
            try "profiles:\n  p:\n    host: https://x.example.com\n    clientSecret: \(secret): oops\n"
                .write(to: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path.path)
            for command in [["campaign", "list"], ["config"], ["campaign", "list", "--verbose"]] {
                let result = try await cli.run(command)
                #expect(result.code == 1)
                #expect(result.stderr.contains("is not valid YAML: line 4"), "\(result.stderr)")
                #expect(!result.all.contains(secret) && !result.all.contains(String(secret.prefix(16))), "\(result.all)")
            }
        }
    }

    @Test("a group-writable config is refused even when the secret comes from the environment")
    func writableConfigRefused() async throws {
        try await withCLI(seed: 1) { cli in
            let directory = cli.home.appendingPathComponent(".config/switchboard")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = directory.appendingPathComponent("config.yaml")
            try "profiles:\n  p:\n    clientSecret: {env: KORE_CLIENT_SECRET}\n".write(to: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o664], ofItemAtPath: path.path)
            let refused = try await cli.run(["campaign", "list"])
            #expect(refused.code == 1 && refused.stderr.contains("writable by group or others (mode 664)"), "\(refused.stderr)")
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path.path)
            #expect(try await cli.run(["campaign", "list"]).code == 0)
        }
    }

    @Test("`sandbox --verbose` logs each request without the token; `sandbox --host ::1` serves on [::1]", arguments: ["127.0.0.1", "::1"])
    func sandboxCommand(_ host: String) async throws {
        try await withCLI(seed: 0) { cli in
            let sandbox = try SandboxProcess(cli: cli, arguments: ["sandbox", "--port", "0", "--seed", "3", "--host", host, "--verbose"])
            defer { sandbox.stop() }
            let url = try #require(sandbox.url)
            #expect(host == "::1" ? url.hasPrefix("http://[::1]:") : url.hasPrefix("http://127.0.0.1:"), "\(url)")
            var client = cli
            client.extraEnvironment["KORE_HOST"] = url
            let list = try await client.run(["campaign", "list", "-o", "json"])
            #expect(list.code == 0, "\(list.all)")
            #expect(try JSONValue.parse(list.stdout).arrayValue?.count == 3)
            let log = sandbox.stop()
            #expect(log.contains("POST /campaign/api/v2/public/\(cli.sandbox.credentials.streamId)/campaign/getAllCampaignDetails → 200 in "),
                    "\(log)")
            #expect(log.range(of: #"eyJ[A-Za-z0-9_-]+\."#, options: .regularExpression) == nil, "no JWT in the log")
        }
    }
}

/// `switchboard sandbox …` as a child process: its URL from stdout, its log from stderr.
final class SandboxProcess: @unchecked Sendable {
    let process = Process()
    let errors = Pipe()
    private(set) var url: String?
    private var log: String?

    init(cli: CLI, arguments: [String]) throws {
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.environment = cli.environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("Ctrl-C stops it"), Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        url = text.split(separator: "\n").first { $0.contains("listening on ") }
            .map { String($0.split(separator: " ").last ?? "") }
    }

    /// Stops the sandbox (SIGTERM) and returns what it logged.
    @discardableResult
    func stop() -> String {
        if let log { return log }
        if process.isRunning { process.terminate() }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        log = String(decoding: data, as: UTF8.self)
        return log ?? ""
    }
}
