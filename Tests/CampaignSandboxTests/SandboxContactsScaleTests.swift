import CampaignModel
@testable import CampaignSandbox
import Foundation
import GRDB
import Testing

@Suite("Sandbox contacts at scale: 20,000 contacts page without being stored", .serialized)
struct SandboxContactsScaleTests {
    static let v2 = SandboxHarness.v2

    /// 20,000 rather than 100,000: a debug build on a busy 2-core CI machine took 36 s for 100,000
    /// (`make bench` pages 100,000 through HTTP in a release build).
    @Test("every contact of a 20,000-contact campaign pages through the service in process (pages/s printed)")
    func twentyThousand() async throws {
        let clock = TestClock("2026-01-05T04:00:00Z")  // Monday 9:30 AM in Kolkata, the sample's zone
        try await withSandbox(seed: 0, configure: { $0.simulatedNow = { clock.now } }) { harness in
            let service = harness.sandbox.service
            let created = try await harness.send("POST", "\(Self.v2)/contactList/createContactList", body: ["name": "Big"])
            let listId = try #require(created.data?.objectValue?["_id"]?.stringValue)
            try service.store.setGeneratedCount(listId: listId, 20_000)
            var body = try Samples.valid("create-sms-campaign-without-template-v2").objectValue!
            body["contactLists"] = ["Big"]
            let campaign = try await harness.create(.object(body), type: "sms", name: "Big send")
            let id = try #require(campaign.data?.objectValue?["_id"]?.stringValue)
            #expect(try await harness.send("POST", "\(Self.v2)/trigger/\(id)", query: [("campaignType", "sms"), ("trigger", "play")]).status == 200)
            clock.set("2026-01-05T04:05:00Z")  // five minutes in: a few hundred sent

            let path = "/campaign/api/v2/public/\(harness.credentials.streamId)/campaign/\(id)/status"
            var headers = harness.standardHeaders
            headers["content-type"] = "application/json"
            var phones: Set<String> = []
            var finals = 0
            var pages = 0
            let started = ContinuousClock.now
            var serving = Duration.zero
            var page = 1
            while true {
                let request = SandboxRequest(method: "POST", path: path, query: ["view": "contacts", "accountId": harness.credentials.accountId],
                                             headers: headers, body: Data(#"{"page":\#(page),"limit":100}"#.utf8))
                let asked = ContinuousClock.now
                let response = await service.handle(request)
                serving += ContinuousClock.now - asked
                #expect(response.status == 200)
                let data = try #require(response.body.objectValue?["data"]?.objectValue)
                let results = data["results"]?.arrayValue ?? []
                if page == 1 { #expect(data["totalResults"] == 20_000 && data["totalPages"] == 200) }
                if results.isEmpty { break }
                pages += 1
                for result in results {
                    let object = result.objectValue
                    phones.insert(object?["phoneNumber"]?.stringValue ?? "")
                    if object?["dialerOutcome"] != "" { finals += 1 }
                }
                page += 1
            }
            let elapsed = ContinuousClock.now - started
            func seconds(_ duration: Duration) -> Double {
                Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            }
            print("contacts view: \(pages) pages of 100 in \(String(format: "%.2f", seconds(elapsed))) s with reading them = "
                  + "\(String(format: "%.0f", Double(pages) / seconds(elapsed))) pages/s; the service alone "
                  + "\(String(format: "%.0f", Double(pages) / seconds(serving))) pages/s")
            #expect(pages == 200 && phones.count == 20_000)
            #expect(finals > 0 && finals < 20_000, "part of the way through: \(finals)")
            let stored = try await service.store.database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contact") }
            #expect(stored == 0, "generated contacts are never stored")

            let last = try await harness.send("GET", "\(Self.v2)/contactList/\(listId)/getAllContacts", query: [("skip", "19990"), ("limit", "50")])
            #expect(last.data?.objectValue?["results"]?.arrayValue?.count == 10 && last.data?.objectValue?["hasMore"] == false)
        }
    }
}
