import CampaignModel
@testable import CampaignSandbox
import Foundation
import Testing

@Suite("Sandbox faults, persistence, concurrency and seed data", .serialized)
struct SandboxOperationsTests {
    static let v2 = SandboxHarness.v2

    @Test("rate limit answers 429 with Retry-After once the minute's budget is spent")
    func rateLimit() async throws {
        try await withSandbox(seed: 1, configure: { $0.rateLimitPerMinute = 3 }) { harness in
            var statuses: [Int] = []
            var retryAfter: String?
            for _ in 0..<5 {
                let reply = try await harness.list(["type": "sms", "limit": 1])
                statuses.append(reply.status)
                if reply.status == 429 { retryAfter = reply.headers["retry-after"] }
            }
            #expect(statuses == [200, 200, 200, 429, 429])
            #expect(Int(retryAfter ?? "") ?? 0 >= 1)
        }
    }

    @Test("a fail rate of 1 answers every request with 500; 0 never does")
    func failRate() async throws {
        try await withSandbox(seed: 1, configure: { $0.failRate = 1 }) { harness in
            let reply = try await harness.list(["type": "sms"])
            #expect(reply.status == 500 && reply.object["status"] == "error")
        }
        try await withSandbox(seed: 1, configure: { $0.failRate = 0; $0.latency = .milliseconds(20) }) { harness in
            for _ in 0..<5 {
                let reply = try await harness.list(["type": "sms"])
                #expect(reply.status == 200)
            }
        }
    }

    @Test("with a data file everything survives a restart")
    func persistence() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let id = try await withSandbox(seed: 7, configure: { $0.dataPath = path }) { harness in
            let created = try await harness.create(Samples.valid("create-sms-campaign-without-template-v2"), type: "sms", name: "Kept")
            return try #require(created.data?.objectValue?["_id"]?.stringValue)
        }
        try await withSandbox(seed: 99, configure: { $0.dataPath = path }) { harness in
            let fetched = try await harness.send("GET", "\(Self.v2)/\(id)")
            #expect(fetched.status == 200 && fetched.data?.objectValue?["name"] == "Kept")
            let all = try await harness.list(["limit": 1])
            #expect(all.data?.objectValue?["totalResults"] == 8, "7 seeded + 1 created; the second seed does not reseed")
        }
    }

    @Test("concurrent creates and reads are safe")
    func concurrency() async throws {
        try await withSandbox(seed: 10) { harness in
            let sample = try Samples.valid("create-sms-campaign-without-template-v2")
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<40 {
                    group.addTask { try await harness.create(sample, type: "sms", name: "Parallel \(index)").status }
                    group.addTask { try await harness.list(["type": "sms", "limit": 5]).status }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.count == 80 && statuses.allSatisfy { $0 == 200 })
            let all = try await harness.list(["limit": 1])
            #expect(all.data?.objectValue?["totalResults"] == 50)
        }
    }

    @Test("seed data is deterministic for a given count, varied, and valid")
    func seedData() throws {
        let first = SeedData(campaignCount: 60)
        let again = SeedData(campaignCount: 60)
        #expect(first.campaigns.map(\.campaign) == again.campaigns.map(\.campaign))
        #expect(first.contactLists == again.contactLists)
        let other = SeedData(campaignCount: 61)
        #expect(other.campaigns.map(\.campaign.id) != first.campaigns.prefix(61).map(\.campaign.id))
        let campaigns = first.campaigns.map(\.campaign)
        #expect(Set(campaigns.compactMap(\.variant)).count == CampaignVariant.allCases.count)
        #expect(Set(campaigns.compactMap(\.status)).count >= 5)
        #expect(Set(campaigns.compactMap(\.priority)).count == 5)
        #expect(Set(campaigns.compactMap { $0.dialingStrategy?.callingHours?.timezone }).count >= 6)
        #expect(Set(campaigns.compactMap { $0.dialingStrategy?.callingHours?.frequency }).count == 3)
        #expect(Set(campaigns.map(\.name)).count == campaigns.count)
        for campaign in campaigns {
            // Valid by the documented rules; split-window WEEKLY seeds carry a warning, as on the platform.
            let blocking = CampaignValidator.validate(campaign).filter(\.isBlocking)
            #expect(blocking.isEmpty, "\(campaign.name): \(blocking)")
        }
    }
}
