import CampaignModel
import Foundation
import Testing

/// `switchboard lint` and the compliance warnings of `campaign apply`, against the sandbox.
@Suite("Compliance lint on the command line", .serialized)
struct LintCLITests {
    static let requests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CampaignModelTests/Fixtures/requests")

    /// A documented create request renamed, with one calling window in `zone`.
    static func campaignFile(_ cli: CLI, sample: String, name: String, zone: String, start: String, end: String) throws -> String {
        var object = try #require(try JSONValue.parse(Data(contentsOf: requests.appendingPathComponent(sample))).objectValue)
        object["name"] = .string(name)
        var strategy = try #require(object["dialingStrategy"]?.objectValue)
        strategy["callingHours"] = ["frequency": "WEEKLY", "timezone": .string(zone),
                                    "days": [["day": "MO", "start": .string(start), "end": .string(end)]]]
        object["dialingStrategy"] = .object(strategy)
        return try cli.file(name + ".json", JSONValue.object(object).serialized(pretty: true))
    }

    /// Creates "lint-et" (voice, Monday 8 AM–9 PM Eastern) and "lint-in" (SMS, Monday 9 AM–6 PM Kolkata).
    static func createCampaigns(_ cli: CLI) async throws {
        for (sample, name, zone, start, end) in [
            ("create-voice-campaign-agentless-v2.json", "lint-et", "America/New_York", "8:00 AM", "9:00 PM"),
            ("create-sms-campaign-without-template-v2.json", "lint-in", "Asia/Kolkata", "9:00 AM", "6:00 PM"),
        ] {
            let applied = try await cli.run(["campaign", "apply", "-f", campaignFile(cli, sample: sample, name: name, zone: zone, start: start, end: end)])
            #expect(applied.code == 0, "\(applied.all)")
            #expect(!applied.stderr.contains("compliance"), "no rules configured: no compliance warnings")
        }
    }

    static let example = "MO 8:00 AM ET is 5:00 AM in America/Los_Angeles: outside TCPA 8 AM–9 PM (47 CFR 64.1200(c)(1))"

    @Test("lint prints each finding; exit 0 with findings, 1 under --strict; json lists rule, zone and message")
    func lintFindingsAndExitCodes() async throws {
        try await withCLI(seed: 12) { cli in
            try await Self.createCampaigns(cli)
            let none = try await cli.run(["lint", "--selector", "name=lint-"])
            #expect(none.code == 2 && none.stderr.contains("no compliance rules selected"), "\(none.all)")

            let federal = try await cli.run(["lint", "--rule", "us-federal", "--selector", "name=lint-et", "--on", "2027-01-11"])
            #expect(federal.code == 0, "\(federal.all)")
            #expect(federal.stdout.contains("lint-et ("))
            #expect(federal.stdout.contains(Self.example), "\(federal.stdout)")
            #expect(federal.stdout.contains("6 findings in 1 of 1 campaign (rules: us-federal)"), "\(federal.stdout)")

            let strict = try await cli.run(["lint", "--rule", "us-federal", "--selector", "name=lint-et", "--on", "2027-01-11", "--strict"])
            #expect(strict.code == 1 && strict.stderr.contains("6 compliance findings (--strict)"), "\(strict.all)")
            #expect(strict.stdout.contains(Self.example))

            let clean = try await cli.run(["lint", "--rule", "us-federal", "--selector", "name=no-such-campaign", "--strict"])
            #expect(clean.code == 0 && clean.stdout.contains("0 findings in 0 of 0 campaigns"), "\(clean.all)")

            let json = try await cli.run(["lint", "--rule", "in-trai", "--selector", "name=lint-", "-o", "json", "--on", "2027-01-11"])
            #expect(json.code == 0, "\(json.all)")
            let items = try #require(try JSONValue.parse(Data(json.stdout.utf8)).arrayValue)
            #expect(items.count == 2, "lint-in breaks TRAI's 10 AM; lint-et's ET window is outside it in Kolkata too")
            let india = try #require(items.compactMap(\.objectValue).first { $0["campaign"]?.stringValue == "lint-in" })
            #expect(india["rule"]?.stringValue == "in-trai" && india["zone"]?.stringValue == "Asia/Kolkata")
            #expect(india["message"]?.stringValue?.hasPrefix("MO 9:00 AM GMT+5:30 is 9:00 AM in Asia/Kolkata: outside TRAI TCCCPR 10 AM–9 PM") == true)
        }
    }

    @Test("channel: a voice-only state rule checks the voice campaign and skips the SMS one")
    func lintChannel() async throws {
        try await withCLI(seed: 12) { cli in
            try await Self.createCampaigns(cli)
            let washington = try await cli.run(["lint", "--rule", "us-wa", "--selector", "name=lint-", "--on", "2027-01-11"])
            #expect(washington.code == 0, "\(washington.all)")
            #expect(washington.stdout.contains("MO 8:00 AM ET is 5:00 AM in America/Los_Angeles: outside Washington 8 AM–8 PM (RCW 19.158.040(2))"))
            #expect(washington.stdout.contains("1 finding in 1 of 2 campaigns"), "\(washington.stdout)")
            #expect(!washington.stdout.contains("lint-in ("))
        }
    }

    @Test("the profile's compliance list drives lint and apply: warnings, or nothing written under apply --strict")
    func profileDrivesApply() async throws {
        try await withCLI(seed: 12) { cli in
            try await Self.createCampaigns(cli)
            let config = cli.home.appendingPathComponent(".config/switchboard")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            let path = config.appendingPathComponent("config.yaml")
            try "profiles:\n  test:\n    compliance: [us-federal]\n".write(to: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path.path)

            let linted = try await cli.run(["lint", "--selector", "name=lint-et", "--on", "2027-01-11"])
            #expect(linted.code == 0 && linted.stdout.contains(Self.example), "\(linted.all)")

            let file = try Self.campaignFile(cli, sample: "create-voice-campaign-agentless-v2.json", name: "lint-new",
                                             zone: "America/New_York", start: "8:00 AM", end: "9:00 PM")
            let refused = try await cli.run(["campaign", "apply", "-f", file, "--strict"])
            #expect(refused.code == 1 && refused.stderr.contains("nothing was written"), "\(refused.all)")
            #expect(refused.stderr.contains("compliance: MO 8:00 AM ET is 5:00 AM in America/Los_Angeles"), "\(refused.stderr)")
            let listed = try await cli.run(["campaign", "list", "-o", "json"])
            #expect(!listed.stdout.contains("lint-new"))

            let warned = try await cli.run(["campaign", "apply", "-f", file])
            #expect(warned.code == 0, "\(warned.all)")
            #expect(warned.stderr.contains("[0] lint-new: compliance: MO 8:00 AM ET is 5:00 AM in America/Los_Angeles"), "\(warned.stderr)")
            #expect(try await cli.run(["campaign", "list", "-o", "json"]).stdout.contains("lint-new"))
        }
    }

    @Test("a broken --rules file is an error naming the line")
    func badRulesFile() async throws {
        try await withCLI(seed: 12) { cli in
            let rules = try cli.file("rules.yaml", "rules:\n  - id: x\n    zones: [America/Chicago]\n    channel: fax\n    citation: c\n"
                + "    hours: [{days: [MO], start: \"9:00 AM\", end: \"5:00 PM\"}]\n")
            let result = try await cli.run(["lint", "--rules", rules, "--rule", "x"])
            #expect(result.code == 1, "\(result.all)")
            #expect(result.stderr.contains("rules.yaml line 4: channel: \"fax\" is not voice, sms or both (rule x)"), "\(result.stderr)")
        }
    }
}

extension LintCLITests {
    @Test("campaign patch checks the calling hours it would leave against the profile's rules: warnings, or nothing written under --strict")
    func patchWarns() async throws {
        try await withCLI(seed: 0) { cli in
            let created = try Self.campaignFile(cli, sample: "create-voice-campaign-agentless-v2.json", name: "patch-lint",
                                                zone: "America/New_York", start: "10:00 AM", end: "4:00 PM")
            #expect(try await cli.run(["campaign", "apply", "-f", created]).code == 0)
            let config = cli.home.appendingPathComponent(".config/switchboard")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            let path = config.appendingPathComponent("config.yaml")
            try "profiles:\n  test:\n    compliance: [us-federal]\n".write(to: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path.path)
            // 8 AM in New York is 5 AM in Los Angeles.
            let hours = try cli.file("early.yaml", "days:\n  - {day: MO, start: \"8:00 AM\", end: \"4:00 PM\"}\n")
            let plan = try await cli.run(["campaign", "patch", "--selector", "name=patch-lint", "--calling-hours", hours, "--dry-run"])
            #expect(plan.code == 0, "\(plan.all)")
            #expect(plan.stderr.contains("compliance: MO 8:00 AM ET is 5:00 AM in America/Los_Angeles"), "\(plan.stderr)")
            let refused = try await cli.run(["campaign", "patch", "--selector", "name=patch-lint", "--calling-hours", hours, "--yes", "--strict"])
            #expect(refused.code == 1 && refused.stderr.contains("(--strict): nothing was written"), "\(refused.all)")
            let listed = try JSONValue.parse(await cli.run(["campaign", "list", "-o", "json"]).stdout).arrayValue ?? []
            let id = try #require(listed.first { $0.objectValue?["name"]?.stringValue == "patch-lint" }?.objectValue?["_id"]?.stringValue)
            let shown = try await cli.run(["campaign", "get", id, "-o", "json"])
            #expect(shown.stdout.contains("\"10:00 AM\"") && !shown.stdout.contains("\"8:00 AM\""), "the hours were not written: \(shown.stdout)")
        }
    }
}
