import CampaignModel
@testable import CampaignSandbox
import Foundation
import Synchronization
import Testing

@Suite("Sandbox seeding: progress, and the same data", .serialized)
struct SandboxSeedingTests {
    @Test("seeding reports its progress from 0 to the total, every 2,000 campaigns")
    func progress() async throws {
        let heard = Mutex<[[Int]]>([])
        try await withSandbox(seed: 5_000, configure: { configuration in
            configuration.seedProgress = { written, total in heard.withLock { $0.append([written, total]) } }
        }) { harness in
            let page = try await harness.list(["limit": 1])
            #expect(page.data?.objectValue?["totalResults"] == 5_000)
        }
        #expect(heard.withLock { $0 } == [[0, 5_000], [2_000, 5_000], [4_000, 5_000], [5_000, 5_000]])
    }

    @Test("the seeded store holds exactly the seed's campaigns, made one by one")
    func sameCampaigns() async throws {
        let expected = SeedData(campaignCount: 120).campaigns.map(\.campaign)
        let service = try await SandboxService(configuration: {
            var configuration = SandboxConfiguration()
            configuration.seedCampaigns = 120
            return configuration
        }())
        defer { try? service.close() }
        for campaign in expected {
            let id = try #require(campaign.id)
            let stored = try #require(try service.store.campaign(id: id))
            #expect(stored.campaign.resourceJSON == campaign.resourceJSON)
        }
        #expect(try service.store.campaignCount() == 120)
    }

    @Test("the progress line groups thousands")
    func progressLine() {
        #expect(SeedProgress.line(written: 40_000, total: 100_000) == "seeding 40,000 / 100,000 campaigns…")
        #expect(SeedProgress.line(written: 0, total: 999) == "seeding 0 / 999 campaigns…")
        #expect(SeedProgress.grouped(1_234_567) == "1,234,567")
    }
}
