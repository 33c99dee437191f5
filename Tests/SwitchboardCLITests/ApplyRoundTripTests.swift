import CampaignModel
import Foundation
import Testing

/// Issue 11 §1 through the command line: `get -o json` → edit the description → `apply -f`
/// succeeds for every seeded campaign, and the server then holds every other value as before.
///
/// Part of the serialized `CLITests` suite, so that its binaries and in-process sandboxes do not
/// all run at once on a two-core machine.
extension CLITests {
    /// Campaigns by id, as `campaign get ID -o json` prints them.
    static func getAllCampaigns(_ cli: CLI) async throws -> [(id: String, json: JSONValue)] {
        let list = try await cli.run(["campaign", "list", "-o", "json"])
        #expect(list.code == 0, "\(list.stderr)")
        let ids = try #require(JSONValue.parse(list.stdout).arrayValue).compactMap { item in
            item.objectValue?["_id"]?.stringValue ?? item.objectValue?["id"]?.stringValue
        }
        var all: [(id: String, json: JSONValue)] = []
        for id in ids {
            let got = try await cli.run(["campaign", "get", id, "-o", "json"])
            #expect(got.code == 0, "\(got.stderr)")
            all.append((id, try JSONValue.parse(got.stdout)))
        }
        return all
    }

    @Test("get -o json, a new description, apply -f: accepted for every seeded campaign; nothing else moves")
    func applyRoundTripEverySeededCampaign() async throws {
        try await withCLI(seed: 60) { cli in
            // The sandbox locks running campaigns, as the console does: stop them first.
            for (id, json) in try await Self.getAllCampaigns(cli) where json.objectValue?["status"]?.stringValue == "Active" {
                #expect(try await cli.run(["campaign", "stop", id]).code == 0)
            }
            let before = try await Self.getAllCampaigns(cli)
            #expect(before.count == 60)
            let splitWeekly = before.filter { _, json in
                let hours = try? Campaign(json: json).dialingStrategy?.callingHours
                let days = hours?.days.map(\.day) ?? []
                return hours?.frequency == .weekly && Set(days).count < days.count
            }
            #expect(splitWeekly.count >= 2, "the seed holds split-window WEEKLY campaigns")
            #expect(before.contains { $0.json.objectValue?["message"]?.objectValue?["message"]?.stringValue?.hasSuffix("%3D") == true })

            let edited: [JSONValue] = before.map { _, json in
                var object = json.objectValue ?? JSONObject()
                object["description"] = .string("Applied back — \(object["name"]?.stringValue ?? "")")
                return .object(object)
            }
            let path = try cli.file("edited.json", JSONValue.array(edited).serialized(pretty: true))
            let applied = try await cli.run(["campaign", "apply", "-f", path])
            #expect(applied.code == 0, "\(applied.all)")
            #expect(applied.stdout.contains("Applied: 60 campaigns, 0 unchanged."), "\(applied.stdout)")
            #expect(applied.stderr.contains("warning:"), "split WEEKLY windows are said on stderr: \(applied.stderr)")
            #expect(!applied.stderr.contains("one window per day"))

            let after = Dictionary(uniqueKeysWithValues: try await Self.getAllCampaigns(cli).map { ($0.id, $0.json) })
            for (id, json) in before {
                let old = try Campaign(json: json)
                let new = try Campaign(json: #require(after[id]))
                #expect(CampaignDiff.changes(from: old, to: new).map(\.path) == ["description"], "\(old.name)")
                let message = { (value: JSONValue?) in value?.objectValue?["message"]?.objectValue?["message"] }
                #expect(message(after[id]) == message(json), "\(old.name): the message string byte for byte")
                let days = { (value: JSONValue?) in
                    value?.objectValue?["dialingStrategy"]?.objectValue?["callingHours"]?.objectValue?["days"]
                }
                #expect(days(after[id]) == days(json), "\(old.name): days verbatim")
            }
        }
    }

    @Test("apply -f of each create request the docs show creates it, the masked message sent as written")
    func applyDocsCreateSamples() async throws {
        let requests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CampaignModelTests/Fixtures/requests")
        let samples = try FileManager.default.contentsOfDirectory(atPath: requests.path)
            .filter { $0.hasPrefix("create-") && $0.contains("campaign") }.sorted()
        #expect(samples.count == 6)
        try await withCLI(seed: 12) { cli in
            for sample in samples {
                let file = requests.appendingPathComponent(sample).path
                let applied = try await cli.run(["campaign", "apply", "-f", file])
                #expect(applied.code == 0, "\(sample): \(applied.all)")
                let sent = try #require(try JSONValue.parse(Data(contentsOf: URL(fileURLWithPath: file))).objectValue)
                let name = try #require(sent["name"]?.stringValue)
                let listed = try JSONValue.parse(await cli.run(["campaign", "list", "-o", "json"]).stdout).arrayValue ?? []
                let id = try #require(listed.compactMap(\.objectValue).first { $0["name"]?.stringValue == name }
                    .flatMap { $0["_id"]?.stringValue ?? $0["id"]?.stringValue }, "\(sample) was not created")
                let got = try JSONValue.parse(await cli.run(["campaign", "get", id, "-o", "json"]).stdout).objectValue
                if let message = sent["message"]?.objectValue?["message"]?.stringValue {
                    #expect(got?["message"]?.objectValue?["message"]?.stringValue == message, "\(sample): message kept as written")
                }
            }
        }
    }

    @Test("apply refuses a documented rule broken in a changed field, and only there")
    func applyRefusesOnlyChangedFields() async throws {
        try await withCLI(seed: 12) { cli in
            let (id, json) = try #require(await Self.getAllCampaigns(cli).first { $0.json.objectValue?["status"]?.stringValue != "Active" })
            var object = try #require(json.objectValue)
            object["priority"] = .string("9")
            let bad = try cli.file("bad.json", JSONValue.object(object).serialized(pretty: true))
            let refused = try await cli.run(["campaign", "apply", "-f", bad])
            #expect(refused.code == 1 && refused.stderr.contains("nothing was written"), "\(refused.all)")
            #expect(refused.stderr.contains("priority: Priority must be 1, 2, 3, 4 or 5"))
            #expect(try await Self.getAllCampaigns(cli).first { $0.id == id }?.json == json, "nothing was written")
        }
    }
}
