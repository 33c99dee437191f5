import CampaignAPI
import CampaignModel
import Foundation
import Testing

@Suite("Compliance rules files")
struct ComplianceRulesFileTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("compliance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("switchboard"), withIntermediateDirectories: true)
    }

    @Test("the shipped rules parse; each has a citation; US rules cover US zones, the federal one every zone from Eastern to Hawaii")
    func shipped() throws {
        let rules = ComplianceRulesLoader.shipped
        #expect(rules.map(\.id) == ["us-federal", "us-fl", "us-ok", "us-md", "us-wa", "us-ms", "us-la", "us-al", "us-ri", "in-trai"])
        #expect(rules.allSatisfy { !$0.citation.isEmpty })
        let federal = try #require(rules.first { $0.id == "us-federal" })
        #expect(federal.zones == ["America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
                                  "America/Anchorage", "Pacific/Honolulu"])
        #expect(federal.citation == "47 CFR 64.1200(c)(1)")
        #expect(federal.allowedDescription(on: .sunday) == "8 AM–9 PM")
        #expect(rules.filter { $0.id.hasPrefix("us-") }.allSatisfy { $0.zones.allSatisfy { $0.hasPrefix("America/") || $0 == "Pacific/Honolulu" } })
        let rhodeIsland = try #require(rules.first { $0.id == "us-ri" })
        #expect(rhodeIsland.allowedDescription(on: .saturday) == "10 AM–5 PM")
        #expect(rhodeIsland.allowedDescription(on: .sunday) == "no calls on SU")
        #expect(rules.first { $0.id == "in-trai" }?.allowedDescription(on: .monday) == "10 AM–9 PM")
    }

    @Test("the shipped TCPA rule reports the issue's example")
    func shippedExample() throws {
        let lint = ComplianceLint(rules: try ComplianceRulesLoader.select(["us-federal"], from: ComplianceRulesLoader.shipped))
        let hours = CallingHours(frequency: .weekly, timezone: "America/New_York", days: [CallingDay(day: "MO", start: "8:00 AM", end: "9:00 PM")])
        let findings = try lint.findings(for: hours, type: .voice, referenceDate: ISOTimestamp.parse("2027-01-11T12:00:00Z")!)
        #expect(findings.map(\.description).contains(
            "MO 8:00 AM ET is 5:00 AM in America/Los_Angeles: outside TCPA 8 AM–9 PM (47 CFR 64.1200(c)(1))"))
    }

    @Test("a YAML syntax error names the line")
    func syntaxError() {
        let text = "rules:\n  - id: x\n    zones: [America/Chicago\n    channel: voice\n"
        #expect {
            _ = try ComplianceRulesLoader.parse(text, source: "mine.yaml")
        } throws: { error in
            guard let error = error as? ComplianceRulesFileError else { return false }
            return error.source == "mine.yaml" && error.line != nil && error.description.hasPrefix("mine.yaml line ")
        }
    }

    @Test("a bad field names its line, the field and the rule")
    func badFieldLine() throws {
        let text = """
            rules:
              - id: us-xx
                zones: [America/Chicago]
                channel: voice
                hours:
                  - {days: [MO], start: "8 AM", end: "9:00 PM"}
                citation: Example Code § 1
            """
        do {
            _ = try ComplianceRulesLoader.parse(text, source: "mine.yaml")
            Issue.record("accepted a bad time")
        } catch let error as ComplianceRulesFileError {
            #expect(error.line == 5)
            #expect(error.description == "mine.yaml line 5: hours: hours[0].start \"8 AM\" is not a time; write it like 8:00 AM (rule us-xx)")
        }
    }

    @Test("a missing citation, a rule defined twice and a file without rules are refused, never a crash")
    func otherProblems() {
        let noCitation = "rules:\n  - id: a\n    zones: [UTC]\n    channel: sms\n    hours: [{days: [MO], start: \"9:00 AM\", end: \"5:00 PM\"}]\n"
        #expect(throws: ComplianceRulesFileError(source: "f", line: 2, message: "citation: is required (rule a)")) {
            try ComplianceRulesLoader.parse(noCitation, source: "f")
        }
        let rule = "  - {id: a, zones: [UTC], channel: sms, citation: c, hours: [{days: [MO], start: \"9:00 AM\", end: \"5:00 PM\"}]}\n"
        #expect(throws: ComplianceRulesFileError(source: "f", line: 3, message: "rule a is defined twice (first on line 2)")) {
            try ComplianceRulesLoader.parse("rules:\n" + rule + rule, source: "f")
        }
        #expect(throws: ComplianceRulesFileError.self) { try ComplianceRulesLoader.parse("profiles: {}", source: "f") }
        #expect(throws: ComplianceRulesFileError.self) { try ComplianceRulesLoader.parse("rules: 3", source: "f") }
    }

    @Test("a user file in the config directory adds rules and replaces a shipped rule by id")
    func userFileExtends() throws {
        let user = """
            rules:
              - id: us-fl
                name: Florida (stricter in-house)
                zones: [America/New_York, America/Chicago]
                channel: both
                hours: [{days: [MO, TU, WE, TH, FR], start: "9:00 AM", end: "7:00 PM"}]
                citation: Fla. Stat. § 501.616(6)(a); in-house policy
              - id: acme-quiet
                zones: [Europe/London]
                channel: sms
                hours: [{days: [MO, TU, WE, TH, FR], start: "9:00 AM", end: "6:00 PM"}]
                citation: ACME policy 7
            """
        try user.write(to: directory.appendingPathComponent("switchboard/compliance.yaml"), atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": directory.path]
        #expect(ComplianceRulesLoader.defaultUserPath(environment: environment).path.hasSuffix("switchboard/compliance.yaml"))
        let rules = try ComplianceRulesLoader.load(environment: environment)
        #expect(rules.count == ComplianceRulesLoader.shipped.count + 1)
        #expect(rules.first { $0.id == "us-fl" }?.name == "Florida (stricter in-house)")
        #expect(rules.last?.id == "acme-quiet")
        let chosen = try ComplianceRulesLoader.select(["acme-quiet", "us-federal"], from: rules)
        #expect(chosen.map(\.id) == ["acme-quiet", "us-federal"])
        #expect(throws: ComplianceRulesFileError.self) { try ComplianceRulesLoader.select(["us-zz"], from: rules) }
        // Without a user file: the shipped rules alone.
        #expect(try ComplianceRulesLoader.load(environment: ["XDG_CONFIG_HOME": directory.appendingPathComponent("none").path])
            == ComplianceRulesLoader.shipped)
    }

    @Test("a profile's compliance list is read; a malformed one is a configuration error")
    func profileSetting() throws {
        let config = directory.appendingPathComponent("switchboard/config.yaml")
        let base = "profiles:\n  prod:\n    host: https://platform.kore.ai\n    streamId: st\n    accountId: acct\n"
        try (base + "    compliance: [us-federal, us-fl]\n").write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
        let loader = ProfileLoader(environment: ["XDG_CONFIG_HOME": directory.path])
        #expect(try loader.load(profile: nil).compliance == ["us-federal", "us-fl"])
        try base.write(to: config, atomically: true, encoding: .utf8)
        #expect(try loader.load(profile: nil).compliance == nil)
        try (base + "    compliance: {us: true}\n").write(to: config, atomically: true, encoding: .utf8)
        #expect(throws: APIError.self) { try loader.load(profile: nil) }
    }
}
