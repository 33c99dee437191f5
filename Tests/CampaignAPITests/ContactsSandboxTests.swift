import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import Testing

@Suite("Contacts, contact lists, schedules and clone against the sandbox", .serialized)
struct ContactsSandboxTests {
    /// The first seeded campaign that has contact lists.
    static func campaignWithContacts(_ client: CampaignClient) async throws -> Campaign {
        let campaigns = try await client.listAll(CampaignListRequest(type: .sms)) + client.listAll(CampaignListRequest(type: .voice))
        return try #require(campaigns.first { !$0.contactLists.isEmpty })
    }

    @Test("the contacts view pages by {page, limit}; progress counts every contact once")
    func contactsAndProgress() async throws {
        // Lists of at most 2,000: every page is read three times (30 s in a debug build over the seeded 50,000).
        try await withClient(seed: 12, configure: { $0.maxSeededListContacts = 2_000 }) { harness in
            let client = harness.client
            let id = try #require(try await Self.campaignWithContacts(client).id)
            let first = try await client.contactsPage(id, page: 1, limit: 10)
            #expect(first.results.count <= 10 && first.page == 1 && first.limit == 10)
            var seen = 0
            var pages = 0
            try await client.forEachContactsPage(id, limit: 50) { page in
                seen += page.results.count
                pages += 1
                #expect(page.results.count <= 50)
            }
            #expect(seen > 0 && pages == (seen + 49) / 50)
            let tally = try await client.progress(id)
            #expect(tally.total == seen)
            #expect(tally.connected + tally.noAnswer + tally.busy + tally.failed + tally.inProgress + tally.other == tally.total)
            let past = try await client.contactsPage(id, page: pages + 5, limit: 50)
            #expect(past.results.isEmpty)
        }
    }

    @Test("a list's numbers: add by name (asynchronous), read back by pages, update, delete; a list in use is refused")
    func contactListLifecycle() async throws {
        try await withClient(seed: 12, configure: { $0.importDelay = .zero }) { harness in
            let client = harness.client
            let list = try await client.createContactList(name: "Lifecycle", description: "tests", allowDuplicates: false)
            let id = try #require(list.id)
            let numbers = (0..<230).map { "+1555\(String(format: "%07d", $0))" }
            let queued = try await client.importContacts(listName: "Lifecycle", phoneNumbers: numbers, batchSize: 100)
            #expect(queued == 230)
            var listed: [String] = []
            try await client.forEachListContactsPage(id, limit: 100) { listed += $0.results.map(\.phoneNumber) }
            #expect(Set(listed) == Set(numbers) && listed.count == numbers.count)

            let updated = try await client.updateContactList(id, name: "Lifecycle 2", description: nil, allowDuplicates: true)
            #expect(updated.name == "Lifecycle 2" && updated.description == "tests" && updated.allowDuplicates == true)

            let deleted = try await client.deleteContactList(id)
            #expect(deleted.name == "Lifecycle 2")
            let gone = await #expect(throws: APIError.self) { try await client.contactList(id) }
            #expect(gone?.kind == .notFound)

            let inUse = try #require(try await client.contactLists().first { $0.isInUse && !$0.campaignsInUse.isEmpty })
            let refused = await #expect(throws: APIError.self) { try await client.deleteContactList(inUse.id!) }
            #expect(refused?.kind == .conflict && refused?.summary.contains(inUse.campaignsInUse[0]) == true)
            #expect(try await client.contactList(inUse.id!).name == inUse.name, "still there")
        }
    }

    @Test("schedules reach a campaign whose name holds + and &; clone copies everything but the name and what the server owns")
    func scheduleAndClone() async throws {
        try await withClient(seed: 12) { harness in
            let client = harness.client
            let original = try await client.create(Make.voice("Base voice"))
            let name = "Renewals + Upsell & More"
            let copy = try await client.clone(original.id!, newName: name)
            #expect(copy.id != original.id && copy.name == name)
            let fetched = try await client.get(copy.id!)
            let changes = CampaignDiff.changes(from: try await client.get(original.id!), to: fetched).map(\.path)
            #expect(changes == ["name"], "\(changes)")

            let schedule = RecurringSchedule(startDateTime: "2030-01-01 09:00:00", endDateTime: "2030-02-01 09:00:00",
                                             recurrence: .daily(everyNDays: 2))
            #expect(try await client.enableSchedule(campaignName: name, schedule) == "Campaign \(name) scheduled successfully")
            #expect(try await client.get(copy.id!).schedule?.isSchedulingEnabled == true)
            #expect(try await client.get(original.id!).schedule?.isSchedulingEnabled != true, "the + did not match another name")
            #expect(try await client.disableSchedule(campaignName: name).hasSuffix("disabled successfully"))
            #expect(try await client.get(copy.id!).schedule?.isSchedulingEnabled == false)
        }
    }
}
