import CampaignAPI
import CampaignModel
import Foundation
import TerminalKit
import Testing

@Suite("The switchboard command line", .serialized)
struct CLITests {
    @Test("campaign list: json, yaml, filters, and a table that fits the width")
    func list() async throws {
        try await withCLI(seed: 24) { cli in
            let json = try await cli.run(["campaign", "list", "-o", "json"])
            #expect(json.code == 0, "\(json.stderr)")
            let items = try #require(JSONValue.parse(json.stdout).arrayValue)
            #expect(items.count == 24)

            let voice = try await cli.run(["campaign", "list", "--type", "voice", "--status", "Ready", "Active", "-o", "yaml"])
            #expect(voice.code == 0)
            let voiceItems = try #require(YAMLBridge.parse(voice.stdout).arrayValue).map { try Campaign(json: $0) }
            #expect(voiceItems.allSatisfy { $0.type == .voice && [.ready, .active].contains($0.status) })

            var narrow = cli
            narrow.extraEnvironment["COLUMNS"] = "72"
            let table = try await narrow.run(["campaign", "list"])
            #expect(table.code == 0)
            let lines = table.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("TYPE") == true && lines.count == 25)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= 72 }, "\(lines.map { DisplayWidth.of($0) })")
            #expect(table.stdout.contains("…"))
        }
    }

    @Test("campaign get, start, stop; contact-list list and get; config masks the secret")
    func readingAndTriggers() async throws {
        try await withCLI { cli in
            let items = try JSONValue.parse(await cli.run(["campaign", "list", "--type", "sms", "-o", "json"]).stdout).arrayValue ?? []
            let ready = try #require(items.map { try Campaign(json: $0) }.first { $0.status == .ready })
            let got = try await cli.run(["campaign", "get", ready.id!, "-o", "json"])
            #expect(got.code == 0)
            let full = try Campaign(json: JSONValue.parse(got.stdout))
            #expect(full.name == ready.name && full.dialingStrategy?.callingHours != nil)
            #expect(try await cli.run(["campaign", "get", ready.id!]).stdout.contains("dialingStrategy:"))

            let start = try await cli.run(["campaign", "start", ready.id!])
            #expect(start.code == 0 && start.stdout.contains("Active"))
            let stop = try await cli.run(["campaign", "stop", ready.id!])
            #expect(stop.code == 0 && stop.stdout.contains("Stopped"))
            let stopAgain = try await cli.run(["campaign", "stop", ready.id!])
            #expect(stopAgain.code == 1 && stopAgain.stderr.contains("conflict"))

            let missing = try await cli.run(["campaign", "get", "cd-nope"])
            #expect(missing.code == 1 && missing.stderr.hasPrefix("error: not found"))

            let lists = try await cli.run(["contact-list", "list"])
            #expect(lists.code == 0 && lists.stdout.contains("CL Only 2020 Dec 4"))
            let listItems = try #require(JSONValue.parse(await cli.run(["contact-list", "list", "-o", "json"]).stdout).arrayValue)
            let firstId = try #require(listItems.first?.objectValue?["_id"]?.stringValue)
            #expect(try await cli.run(["contact-list", "get", firstId]).stdout.contains("_id: \(firstId)"))

            let config = try await cli.run(["config"])
            #expect(config.code == 0)
            #expect(config.stdout.contains("host         \(cli.sandbox.baseURL.absoluteString)  (env KORE_HOST)"))
            #expect(config.stdout.contains("clientSecret ••••"))
            #expect(!config.all.contains(cli.sandbox.credentials.clientSecret))
        }
    }

    @Test("apply: dry run writes nothing; create; update shows a field diff; invalid files write nothing")
    func apply() async throws {
        try await withCLI(seed: 0) { cli in
            let yaml = """
                campaignType: sms
                name: Applied SMS
                description: Made by apply
                priority: "2"
                contactLists: [CL Only 2020 Dec 4]
                format: simple
                message: {message: \(Data("Hi there".utf8).base64EncodedString())}
                dialingStrategy:
                  callerId: {phoneNumber: "+14155550123"}
                  callingHours:
                    frequency: WEEKLY
                    timezone: Asia/Kolkata
                    days:
                      - {day: MO, start: "9:10 AM", end: "6:00 PM"}
                """
            let path = try cli.file("new.yaml", yaml)
            let dry = try await cli.run(["campaign", "apply", "-f", path, "--dry-run"])
            #expect(dry.code == 0, "\(dry.all)")
            #expect(dry.stdout.contains("+ create Applied SMS (sms)") && dry.stdout.contains("POST body:"))
            #expect(dry.stdout.contains(#""start": "9:10 AM""#))
            #expect(try JSONValue.parse(await cli.run(["campaign", "list", "-o", "json"]).stdout).arrayValue?.count == 0, "dry run wrote nothing")

            let created = try await cli.run(["campaign", "apply", "-f", path])
            #expect(created.code == 0 && created.stdout.contains("created cd-"))
            let campaigns = try JSONValue.parse(await cli.run(["campaign", "list", "-o", "json"]).stdout).arrayValue ?? []
            let id = try #require(campaigns.first?.objectValue?["_id"]?.stringValue)

            let update = try cli.file("update.yaml", yaml.replacingOccurrences(of: "priority: \"2\"", with: "priority: 4\n_id: \(id)")
                .replacingOccurrences(of: "6:00 PM", with: "5:45 PM"))
            let diff = try await cli.run(["campaign", "apply", "-f", update, "--dry-run"])
            #expect(diff.stdout.contains("~ update Applied SMS (\(id)):"))
            #expect(diff.stdout.contains(#"~ priority: "2" → "4""#))
            #expect(diff.stdout.contains(#"~ dialingStrategy.callingHours.days[0].end: "6:00 PM" → "5:45 PM""#))
            #expect(diff.stdout.contains("PUT body:"))
            let applied = try await cli.run(["campaign", "apply", "-f", update])
            #expect(applied.code == 0 && applied.stdout.contains("updated at"))
            let after = try Campaign(json: JSONValue.parse(await cli.run(["campaign", "get", id, "-o", "json"]).stdout))
            #expect(after.priority == 4 && after.dialingStrategy?.callingHours?.days[0].end == "5:45 PM")

            let broken = try cli.file("broken.yaml", "- {campaignType: voice, name: '', priority: 9}\n- {campaignType: sms, name: Fine}\n")
            let refused = try await cli.run(["campaign", "apply", "-f", broken])
            #expect(refused.code == 1 && refused.stderr.contains("nothing was written"))
            #expect(refused.stderr.contains("[0] (unnamed): name: Give the campaign a name."))
            #expect(refused.stderr.contains("[0] (unnamed): priority:"))
            #expect(try JSONValue.parse(await cli.run(["campaign", "list", "-o", "json"]).stdout).arrayValue?.count == 1)

            let unknownId = try cli.file("ghost.yaml", yaml + "\n_id: cd-ghost\n")
            let ghost = try await cli.run(["campaign", "apply", "-f", unknownId])
            #expect(ghost.code == 1 && ghost.stderr.contains("no campaign with id cd-ghost"))
        }
    }

    @Test("export → apply on the same server reports no changes")
    func exportApply() async throws {
        try await withCLI(seed: 30) { cli in
            for format in ["yaml", "json"] {
                let export = try await cli.run(["campaign", "export", "-o", format])
                #expect(export.code == 0, "\(export.stderr)")
                let path = try cli.file("export.\(format)", export.stdout)
                let apply = try await cli.run(["campaign", "apply", "-f", path])
                #expect(apply.code == 0, "\(apply.all)")
                #expect(apply.stdout.contains("Applied: 30 campaigns, 30 unchanged."), "\(apply.stdout)")
                #expect(!apply.stdout.contains("~ update"))
            }
        }
    }

    @Test("delete: refuses without a terminal, asks for the name on one, --yes skips the question")
    func delete() async throws {
        try await withCLI(seed: 6) { cli in
            let items = try JSONValue.parse(await cli.run(["campaign", "list", "-o", "json"]).stdout).arrayValue ?? []
            let campaigns = try items.map { try Campaign(json: $0) }.filter { $0.status != .active }
            let first = try #require(campaigns.first), second = try #require(campaigns.dropFirst().first)

            let refused = try await cli.run(["campaign", "delete", first.id!])
            #expect(refused.code == 1 && refused.stderr.contains("without a terminal") && refused.stderr.contains("--yes"))

            // `script` gives the command a terminal; stdin supplies the typed name.
            let binary = CLI.binary.path
            let wrong = try cli.runInTerminal("\(binary) campaign delete \(first.id!)", input: "Not the name\n")
            #expect(wrong.contains("Type its name to confirm") && wrong.contains("nothing was deleted"))
            #expect(try await cli.run(["campaign", "get", first.id!]).code == 0)
            let right = try cli.runInTerminal("\(binary) campaign delete \(first.id!)", input: first.name + "\n")
            #expect(right.contains("Deleted \(first.name)"))
            #expect(try await cli.run(["campaign", "get", first.id!]).code == 1)

            let yes = try await cli.run(["campaign", "delete", second.id!, "--yes"])
            #expect(yes.code == 0 && yes.stdout.contains("Deleted"))
        }
    }

    @Test("exit codes: 2 for usage, 1 for failures; --help everywhere; completion scripts")
    func exitCodesAndHelp() async throws {
        try await withCLI(seed: 1) { cli in
            #expect(try await cli.run(["campaign", "list", "-o", "xml"]).code == 2)
            #expect(try await cli.run(["campaign", "frobnicate"]).code == 2)
            #expect(try await cli.run(["campaign", "get"]).code == 2)
            for command in [[], ["campaign"], ["campaign", "list"], ["campaign", "get"], ["campaign", "apply"], ["campaign", "delete"],
                            ["campaign", "start"], ["campaign", "stop"], ["campaign", "export"], ["contact-list", "list"],
                            ["contact-list", "get"], ["config"], ["sandbox"]] {
                let help = try await cli.run(command + ["--help"])
                #expect(help.code == 0 && help.stdout.contains("USAGE"), "\(command)")
            }
            let completion = try await cli.run(["--generate-completion-script", "bash"])
            #expect(completion.code == 0 && completion.stdout.contains("_switchboard"))

            var wrong = cli
            wrong.extraEnvironment["KORE_CLIENT_SECRET"] = "the-wrong-secret-but-long-enough-000000"
            let denied = try await wrong.run(["campaign", "list"])
            #expect(denied.code == 1)
            #expect(denied.stderr.contains("credentials rejected: check clientId, clientSecret and the app's API scope"))
            var remote = cli
            remote.extraEnvironment["KORE_HOST"] = "http://campaigns.example.com"
            let insecure = try await remote.run(["campaign", "list"])
            #expect(insecure.code == 1 && insecure.stderr.contains("refusing plain http"))
        }
    }

    @Test("--verbose output holds neither the secret nor any token")
    func redaction() async throws {
        try await withCLI(seed: 5) { cli in
            let secret = cli.sandbox.credentials.clientSecret
            var output = ""
            for command in [["campaign", "list"], ["campaign", "export"], ["contact-list", "list"], ["config"], ["campaign", "get", "cd-x"]] {
                let result = try await cli.run(command + ["--verbose"])
                output += result.all
            }
            var wrong = cli
            wrong.extraEnvironment["KORE_CLIENT_SECRET"] = "another-secret-that-the-server-rejects-000"
            output += try await wrong.run(["campaign", "list", "--verbose"]).all
            #expect(output.contains("→ POST"), "verbose logging is on")
            #expect(!output.contains(secret))
            #expect(!output.contains("another-secret-that-the-server-rejects-000"))
            #expect(output.range(of: #"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\."#, options: .regularExpression) == nil)

            // A ready-made token given in KORE_JWT never shows either.
            let token = try await makeToken(clientId: cli.sandbox.credentials.clientId, secret: secret)
            var fixed = cli
            fixed.extraEnvironment["KORE_CLIENT_SECRET"] = ""
            fixed.extraEnvironment["KORE_JWT"] = token
            let result = try await fixed.run(["campaign", "list", "--verbose"])
            #expect(result.code == 0)
            let config = try await fixed.run(["config", "--verbose"])
            #expect(!(result.all + config.all).contains(token))
            #expect(!(result.all + config.all).contains(String(token.prefix(30))))
        }
    }
}

extension CLI {
    /// Runs a shell command under `script`, which gives it a pseudo-terminal.
    func runInTerminal(_ command: String, input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.environment = environment
        let out = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = inPipe
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
