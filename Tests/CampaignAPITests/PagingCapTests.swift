import CampaignAPI
import CampaignModel
import Foundation
import Testing

@Suite("listAll under a server that never stops or caps its pages", .serialized)
struct PagingCapTests {
    @Test("a server that always says hasMore stops at maxPages with an error")
    func endlessServer() async throws {
        let counter = Calls()
        try await withStub({ _, connection in
            let n = counter.next()
            connection.reply(status: 200, body: StubServer.listBody(ids: ["cd-\(2 * n)", "cd-\(2 * n + 1)"], hasMore: true,
                                                                    totalResults: "9223372036854775807"))
        }) { server in
            var options = ClientHarness.fastRetries()
            options.pageSize = 2
            options.maxPages = 7
            let client = try CampaignClient(profile: stubProfile(server.url), options: options)
            let error = await #expect(throws: APIError.self) { try await client.listAll(CampaignListRequest(type: .sms)) }
            #expect(error?.summary.contains("more than 7 pages") == true, "\(error?.summary ?? "")")
            #expect(server.requests.count == 7)
        }
    }

    @Test("a server that gives fewer than asked per page is paged by what it gives, missing nothing")
    func cappedPageSize() async throws {
        let all = (0..<23).map { "cd-\($0)" }
        try await withStub({ request, connection in
            let skip = request.skip
            let page = Array(all.dropFirst(skip).prefix(5))
            connection.reply(status: 200, body: StubServer.listBody(ids: page, hasMore: skip + page.count < all.count, totalResults: "23"))
        }) { server in
            var options = ClientHarness.fastRetries()
            options.pageSize = 50
            let client = try CampaignClient(profile: stubProfile(server.url), options: options)
            #expect(try await client.listAll(CampaignListRequest(type: .sms)).compactMap(\.id) == all)
        }
    }

    @Test("forEachPage hands each page over as it comes, without campaigns an earlier page had, and keeps nothing")
    func pagesHandedOverOnce() async throws {
        // Pages of 4 that overlap by one (a list that shifted while it was read), 10 campaigns in all.
        let pages = [["cd-0", "cd-1", "cd-2", "cd-3"], ["cd-3", "cd-4", "cd-5", "cd-6"], ["cd-6", "cd-7", "cd-8", "cd-9"]]
        try await withStub({ request, connection in
            let index = request.skip / 4
            connection.reply(status: 200, body: StubServer.listBody(ids: index < pages.count ? pages[index] : [],
                                                                    hasMore: index + 1 < pages.count, totalResults: "12"))
        }) { server in
            var options = ClientHarness.fastRetries()
            options.pageSize = 4
            options.pageConcurrency = 1
            let client = try CampaignClient(profile: stubProfile(server.url), options: options)
            var handed: [[String]] = []
            var counts: [(Int, Int)] = []
            let loaded = try await client.forEachPage(CampaignListRequest(type: .sms)) { loaded, total, page in
                handed.append(page.compactMap(\.id))
                counts.append((loaded, total))
            }
            #expect(handed == [["cd-0", "cd-1", "cd-2", "cd-3"], ["cd-4", "cd-5", "cd-6"], ["cd-7", "cd-8", "cd-9"]])
            #expect(loaded == 10)
            #expect(counts.map(\.0) == [4, 7, 10] && counts.last?.1 == 10, "the last total is what was loaded")
        }
    }
}
