import CampaignModel
@testable import CampaignSandbox
import Foundation
import Testing

@Suite("Sandbox schedules find a campaign whose name holds + or &", .serialized)
struct SandboxScheduleNameTests {
    static let v2 = SandboxHarness.v2

    @Test("enable and disable by a percent-encoded name with + and &; an unencoded + reads as a space, as form decoding does")
    func encodedNames() async throws {
        try await withSandbox(seed: 0) { harness in
            let created = try await harness.create(Samples.valid("create-sms-campaign-without-template-v2"), type: "sms",
                                                   name: "Q3 + Renewals & Co")
            let id = try #require(created.data?.objectValue?["_id"]?.stringValue)
            let path = "\(Self.v2)/schedule"
            var body = try Samples.load("enable-voice-or-sms-campaign-schedule-weekly").objectValue!
            body["endDateTime"] = "2099-01-27 18:29:00"

            let formEncoded = try await harness.send("POST", path, body: .object(body),
                                                     rawQuery: "enableSchedule=true&campaignName=Q3+%2B+Renewals+%26+Co")
            #expect(formEncoded.status == 200, "+ as a space, %2B as a plus: \(formEncoded.json.serialized())")
            let rawPlus = try await harness.send("POST", path, body: .object(body),
                                                 rawQuery: "enableSchedule=true&campaignName=Q3%20+%20Renewals%20%26%20Co")
            #expect(rawPlus.status == 404, "a + left unencoded reads as a space")
            let rawAmpersand = try await harness.send("POST", path, body: .object(body),
                                                      rawQuery: "enableSchedule=true&campaignName=Q3%20%2B%20Renewals%20&%20Co")
            #expect(rawAmpersand.status == 404, "an & left unencoded ends the name")

            let enabled = try await harness.send("POST", path, body: .object(body),
                                                 rawQuery: "enableSchedule=true&campaignName=Q3%20%2B%20Renewals%20%26%20Co")
            #expect(enabled.status == 200 && enabled.message == "Campaign Q3 + Renewals & Co scheduled successfully")
            #expect(enabled.object["id"] == .string(id))
            #expect(try await harness.send("GET", "\(Self.v2)/\(id)").data?.objectValue?["status"] == "Scheduled")

            let disabled = try await harness.send("POST", path, body: [:],
                                                  rawQuery: "enableSchedule=false&campaignName=q3%20%2b%20renewals%20%26%20co")
            #expect(disabled.status == 200 && disabled.message == "Campaign Q3 + Renewals & Co schedule has been disabled successfully")
            #expect(try await harness.send("GET", "\(Self.v2)/\(id)").data?.objectValue?["status"] == "Ready")
        }
    }

    @Test("query decoding: + is a space, %XX a byte, the last of a repeated name wins")
    func queryDecoding() {
        #expect(SandboxServer.queryItems("a=Q3+%2B+R%26D&b=&c&a2=%E2%9C%93") == ["a": "Q3 + R&D", "b": "", "c": "", "a2": "✓"])
        #expect(SandboxServer.queryItems("x=1&x=2") == ["x": "2"])
        #expect(SandboxServer.queryItems(nil).isEmpty)
    }
}
