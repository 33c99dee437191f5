import CampaignModel
import Foundation
import Testing

/// Issue 11 §1: the sandbox holds and accepts what the platform holds — WEEKLY campaigns with
/// split windows and simple SMS messages whose base64 padding is URL-encoded ("…%3D%3D").
@Suite("Sandbox: the platform's own shapes")
struct SandboxShapesTests {
    static let splitDays: JSONValue = [
        ["day": "MO", "start": "9:00 AM", "end": "12:30 PM"],
        ["day": "MO", "start": "2:00 PM", "end": "6:00 PM"],
    ]
    static let platformMessage = "TWVzc2FnZSBmb3IgeW91ciB0YXJnZXRlZCBjdXN0b21lcg%3D%3D"

    @Test("a PUT with split WEEKLY windows and a %3D%3D message is accepted and stored as sent")
    func putAccepted() async throws {
        try await withSandbox { sandbox in
            var body = try Samples.valid("create-sms-campaign-without-template-v2").objectValue!
            var strategy = body["dialingStrategy"]!.objectValue!
            strategy["callingHours"] = ["frequency": "WEEKLY", "timezone": "Asia/Kolkata", "days": Self.splitDays]
            body["dialingStrategy"] = .object(strategy)
            let created = try await sandbox.create(.object(body), type: "sms", name: "Split shifts")
            #expect(created.status == 200, "\(created.json.serialized())")
            let id = try #require(created.data?.objectValue?["_id"]?.stringValue)

            body["message"] = ["message": .string(Self.platformMessage)]
            body["description"] = "Put back as the platform holds it"
            let put = try await sandbox.send("PUT", "\(SandboxHarness.v2)/\(id)", query: [("campaignType", "sms")],
                                             body: .object(body))
            #expect(put.status == 200, "\(put.json.serialized())")
            let got = try await sandbox.send("GET", "\(SandboxHarness.v2)/\(id)")
            let data = try #require(got.data?.objectValue)
            #expect(data["message"]?.objectValue?["message"]?.stringValue == Self.platformMessage)
            #expect(data["dialingStrategy"]?.objectValue?["callingHours"]?.objectValue?["days"] == Self.splitDays)
        }
    }

    @Test("the seed holds split-window WEEKLY campaigns and %3D-padded messages, the same for the same seed")
    func seeded() async throws {
        func shapes() async throws -> (split: [String], padded: [String]) {
            try await withSandbox(seed: 60) { sandbox in
                var split: [String] = [], padded: [String] = []
                for type in ["sms", "voice"] {
                    let page = try await sandbox.list(["type": .string(type), "limit": 100])
                    for item in page.data?.objectValue?["results"]?.arrayValue ?? [] {
                        let id = item.objectValue?["_id"]?.stringValue ?? item.objectValue?["id"]?.stringValue ?? ""
                        let campaign = try Campaign(json: #require(try await sandbox.send("GET", "\(SandboxHarness.v2)/\(id)").data))
                        let hours = campaign.dialingStrategy?.callingHours
                        let days = hours?.days.map(\.day) ?? []
                        if hours?.frequency == .weekly, Set(days).count < days.count { split.append(campaign.name) }
                        if let message = campaign.message, message.encoded.hasSuffix("%3D") {
                            #expect(message.text?.isEmpty == false, "\(campaign.name): the padded message decodes")
                            padded.append(campaign.name)
                        }
                        #expect(CampaignValidator.validate(campaign).allSatisfy { !$0.isBlocking }, "\(campaign.name)")
                    }
                }
                return (split, padded)
            }
        }
        let first = try await shapes()
        #expect(first.split.count >= 2 && first.padded.count >= 2, "\(first)")
        let again = try await shapes()
        #expect(again.split == first.split && again.padded == first.padded, "deterministic for a given seed")
    }
}
