import CampaignModel
import Foundation
import Testing

/// `campaign start|stop|delete` over several ids or `--selector`, and `campaign patch`.
@Suite("Bulk CLI: several campaigns at once")
struct BulkCLITests {
    /// Every campaign as `campaign list -o json` gives it.
    static func listed(_ cli: CLI) async throws -> [JSONObject] {
        let result = try await cli.run(["campaign", "list", "-o", "json"])
        #expect(result.code == 0, "\(result.all)")
        return try JSONValue.parse(Data(result.stdout.utf8)).arrayValue?.compactMap(\.objectValue) ?? []
    }

    static func field(_ object: JSONObject, _ key: String) -> String {
        switch object[key] {
        case .string(let text)?: return text
        case .number(let number)?: return "\(number)"
        default: return ""
        }
    }

    @Test("stop of several ids: refused without a terminal unless --yes; one line per campaign; exit 1 when any failed")
    func stopSeveral() async throws {
        try await withCLI(seed: 30) { cli in
            let campaigns = try await Self.listed(cli)
            let active = campaigns.filter { Self.field($0, "status") == "Active" }.map { Self.field($0, "_id") }
            let idle = try #require(campaigns.first { !["Active", "Paused"].contains(Self.field($0, "status")) })
            #expect(active.count >= 2)
            let ids = active + [Self.field(idle, "_id"), "cd-missing"]

            let refused = try await cli.run(["campaign", "stop"] + ids)
            #expect(refused.code == 1)
            #expect(refused.all.contains("refusing to stop \(active.count + 1) campaigns without a terminal to confirm on: pass --yes"))
            #expect(try await Self.listed(cli).filter { Self.field($0, "status") == "Active" }.count == active.count, "nothing stopped")

            let stopped = try await cli.run(["campaign", "stop", "--yes"] + ids)
            #expect(stopped.code == 1, "\(stopped.all)")
            let lines = stopped.stdout.split(separator: "\n").map(String.init)
            #expect(lines.filter { $0.hasPrefix("✓ ") }.count == active.count)
            #expect(lines.contains { $0.hasPrefix("✗ \(Self.field(idle, "name")) (\(Self.field(idle, "_id"))): ") && $0.contains("not running") })
            #expect(lines.contains { $0.hasPrefix("✗ cd-missing: ") })
            #expect(lines.last == "stopped \(active.count) of \(ids.count), 2 failed")
            let after = try await Self.listed(cli)
            #expect(after.filter { active.contains(Self.field($0, "_id")) }.allSatisfy { Self.field($0, "status") != "Active" })

            // A single id keeps its one-line answer; several all succeeding exit 0.
            let restarted = try await cli.run(["campaign", "start"] + active)
            #expect(restarted.code == 0, "\(restarted.all)")
            #expect(restarted.stdout.contains("started \(active.count) of \(active.count)"))
        }
    }

    @Test("delete --selector: the count must be confirmed; with --yes each selected campaign is deleted")
    func deleteSelector() async throws {
        try await withCLI(seed: 12) { cli in
            let before = try await Self.listed(cli)
            let sms = before.filter { Self.field($0, "campaignType").lowercased() == "sms" && Self.field($0, "status") != "Active" }
            let refused = try await cli.run(["campaign", "delete", "--selector", "type=sms,status=\(Self.field(sms[0], "status"))"])
            #expect(refused.code == 1 && refused.all.contains("without a terminal"), "\(refused.all)")
            let selector = "type=sms,status=\(Self.field(sms[0], "status"))"
            let matching = before.filter {
                Self.field($0, "campaignType").lowercased() == "sms" && Self.field($0, "status") == Self.field(sms[0], "status")
            }
            let deleted = try await cli.run(["campaign", "delete", "--yes", "--selector", selector])
            #expect(deleted.code == 0, "\(deleted.all)")
            #expect(deleted.stdout.contains("deleted \(matching.count) of \(matching.count)"))
            #expect(try await Self.listed(cli).count == before.count - matching.count)
            let bad = try await cli.run(["campaign", "delete", "--yes", "--selector", "colour=red"])
            #expect(bad.code == 2, "\(bad.all)")
        }
    }

    @Test("patch --selector --set priority: --dry-run prints the plan (update with its diff, or no changes) and writes nothing; then each is saved")
    func patchPriority() async throws {
        try await withCLI(seed: 12) { cli in
            let before = try await Self.listed(cli).filter { Self.field($0, "campaignType").lowercased() == "voice" }
            let changing = before.filter { Self.field($0, "priority") != "3" }
            #expect(!changing.isEmpty)
            let plan = try await cli.run(["campaign", "patch", "--selector", "type=voice", "--set", "priority=3", "--dry-run"])
            #expect(plan.code == 0, "\(plan.all)")
            for campaign in before {
                let label = "\(Self.field(campaign, "name")) (\(Self.field(campaign, "_id")))"
                #expect(plan.stdout.contains(Self.field(campaign, "priority") == "3" ? "= \(label): no changes" : "~ update \(label):"))
            }
            #expect(plan.stdout.contains("~ priority: "))
            #expect(plan.stdout.contains("Dry run: \(before.count) campaigns, \(changing.count) to update, \(before.count - changing.count) unchanged; nothing was written."))
            #expect(try await Self.listed(cli).filter { Self.field($0, "campaignType").lowercased() == "voice" }
                .map { Self.field($0, "priority") } == before.map { Self.field($0, "priority") })

            let refused = try await cli.run(["campaign", "patch", "--selector", "type=voice", "--set", "priority=3"])
            #expect(refused.code == 1 && refused.all.contains("without a terminal"))
            let saved = try await cli.run(["campaign", "patch", "--selector", "type=voice", "--set", "priority=3", "--yes"])
            #expect(saved.code == 0, "\(saved.all)")
            #expect(saved.stdout.contains("updated \(before.count) of \(before.count)"))
            #expect(try await Self.listed(cli).filter { Self.field($0, "campaignType").lowercased() == "voice" }
                .allSatisfy { Self.field($0, "priority") == "3" })
            let bad = try await cli.run(["campaign", "patch", "--selector", "type=voice", "--set", "priority=9", "--dry-run"])
            #expect(bad.code == 2 && bad.all.contains("priority must be 1 to 5"))
        }
    }

    @Test("patch --calling-hours FILE: the days array copied as is (same local times), each campaign keeps its timezone; a window across midnight is refused")
    func patchCallingHours() async throws {
        try await withCLI(seed: 12) { cli in
            // A running campaign cannot be edited (the server says to stop it first): the idle ones.
            let ids = try await Self.listed(cli).filter {
                Self.field($0, "campaignType").lowercased() == "voice" && Self.field($0, "status") != "Active"
            }.map { Self.field($0, "_id") }
            #expect(ids.count >= 2)
            var zones: [String: String] = [:]
            for id in ids {
                let shown = try JSONValue.parse(Data(try await cli.run(["campaign", "get", id, "-o", "json"]).stdout.utf8))
                zones[id] = shown.objectValue?["dialingStrategy"]?.objectValue?["callingHours"]?.objectValue?["timezone"]?.stringValue
            }
            let file = try cli.file("hours.yaml", """
                timezone: America/New_York
                days:
                  - {day: MO, start: "10:00 AM", end: "4:00 PM"}
                  - {day: TU, start: "10:00 AM", end: "4:00 PM"}
                """)
            let plan = try await cli.run(["campaign", "patch", "--calling-hours", file, "--dry-run"] + ids)
            #expect(plan.code == 0, "\(plan.all)")
            #expect(plan.stdout.contains("dialingStrategy.callingHours.days"))
            let saved = try await cli.run(["campaign", "patch", "--calling-hours", file, "--yes"] + ids)
            #expect(saved.code == 0, "\(saved.all)")
            for id in ids {
                let shown = try JSONValue.parse(Data(try await cli.run(["campaign", "get", id, "-o", "json"]).stdout.utf8))
                let hours = shown.objectValue?["dialingStrategy"]?.objectValue?["callingHours"]?.objectValue
                let days = hours?["days"]?.arrayValue?.compactMap(\.objectValue) ?? []
                #expect(days.map { "\(Self.field($0, "day")) \(Self.field($0, "start"))–\(Self.field($0, "end"))" }
                    == ["MO 10:00 AM–4:00 PM", "TU 10:00 AM–4:00 PM"])
                #expect(hours?["timezone"]?.stringValue == zones[id], "the campaign keeps its own timezone")
            }
            let crossing = try cli.file("crossing.json", #"[{"day": "FR", "start": "10:00 PM", "end": "2:00 AM"}]"#)
            let refused = try await cli.run(["campaign", "patch", "--calling-hours", crossing, "--dry-run", ids[0]])
            #expect(refused.code == 1, "\(refused.all)")
            #expect(refused.stdout.contains("✗ "))
        }
    }
}
