import CampaignModel
@testable import CampaignSandbox
import Foundation
import Testing

@Suite("Sandbox contact lists: contacts, update, delete, add contacts", .serialized)
struct SandboxContactListTests {
    static let v2 = SandboxHarness.v2

    /// The seeded lists, by name.
    static func lists(_ harness: SandboxHarness) async throws -> [String: JSONObject] {
        let reply = try await harness.send("POST", "\(v2)/contactList/getAllListDetails", query: [("type", "call")])
        var byName: [String: JSONObject] = [:]
        for list in reply.data?.arrayValue ?? [] {
            if let object = list.objectValue, let name = object["name"]?.stringValue { byName[name] = object }
        }
        return byName
    }

    static func contacts(_ harness: SandboxHarness, _ listId: String, skip: Int? = nil, limit: Int? = nil) async throws -> Reply {
        var query: [(String, String)] = []
        if let skip { query.append(("skip", String(skip))) }
        if let limit { query.append(("limit", String(limit))) }
        return try await harness.send("GET", "\(v2)/contactList/\(listId)/getAllContacts", query: query)
    }

    static func createList(_ harness: SandboxHarness, _ name: String, allowDuplicates: Bool = false) async throws -> String {
        let reply = try await harness.send("POST", "\(v2)/contactList/createContactList",
                                           body: ["name": .string(name), "source": "passiveApi", "allowDuplicates": .bool(allowDuplicates)])
        return try #require(reply.data?.objectValue?["_id"]?.stringValue, "\(reply.json.serialized())")
    }

    @Test("seeded lists hold from tens to tens of thousands of contacts")
    func seededSizes() {
        #expect(SeedData.listSize(0) == 20)
        #expect(SeedData.listSize(9_999) > 49_000 && SeedData.listSize(9_999) <= 50_000)
        let sizes = (0..<10_000).map { SeedData.listSize(UInt64($0)) }
        #expect(sizes == sizes.sorted(), "larger draws give larger lists")
        let lists = SeedData(campaignCount: 60).contactLists.compactMap(\.totalRecordCount)
        #expect(lists.allSatisfy { (20...50_000).contains($0) })
        #expect(lists.contains { $0 < 1_000 } && lists.contains { $0 >= 10_000 }, "\(lists)")
    }

    @Test("getAllContacts: the documented shape, paged by skip and limit, the same for the same seed")
    func getAllContacts() async throws {
        let (first, listId, total) = try await withSandbox(seed: 10) { harness in
            let list = try #require(try await Self.lists(harness)["CL Only 2020 Dec 4"])
            let listId = try #require(list["_id"]?.stringValue)
            let total = try #require(list["totalRecordCount"]?.intValue)
            let first = try await Self.contacts(harness, listId)
            #expect(first.status == 200 && first.message == "Contacts retrieved successfully")
            let data = try #require(first.data?.objectValue)
            #expect(data.keys == ["results", "skip", "limit", "hasMore", "totalPages", "totalResults"])
            #expect(data["skip"] == 0 && data["limit"] == 50 && data["totalResults"] == .number(Double(total)))
            #expect(data["totalPages"] == .number(Double((total + 49) / 50)) && data["hasMore"] == .bool(total > 50))
            let results = try #require(data["results"]?.arrayValue)
            #expect(results.count == min(50, total))
            let contact = try #require(results.first?.objectValue)
            #expect(contact.keys == ["_id", "createdAt", "updatedAt", "phoneNumber"])
            #expect(contact["_id"]?.stringValue?.hasPrefix("cc-") == true)
            #expect(contact["createdAt"]?.stringValue.flatMap(ISOTimestamp.parse) != nil)
            #expect(Set(results.compactMap { $0.objectValue?["phoneNumber"]?.stringValue }).count == results.count, "numbers differ")

            // The last page, and beyond it.
            let last = try await Self.contacts(harness, listId, skip: total - 3, limit: 10)
            #expect(last.data?.objectValue?["results"]?.arrayValue?.count == 3 && last.data?.objectValue?["hasMore"] == false)
            let beyond = try await Self.contacts(harness, listId, skip: total + 100, limit: 10)
            #expect(beyond.status == 200 && beyond.data?.objectValue?["results"]?.arrayValue?.isEmpty == true)
            // A page in the middle is the same contacts as the first page's tail.
            let middle = try await Self.contacts(harness, listId, skip: 40, limit: 5)
            #expect(middle.data?.objectValue?["results"]?.arrayValue == Array(results[40..<45]))
            // Bounds.
            for (skip, limit, path) in [(-1, 10, "skip"), (0, 0, "limit"), (0, 1_001, "limit")] {
                let refused = try await Self.contacts(harness, listId, skip: skip, limit: limit)
                #expect(refused.status == 400 && refused.errorPaths == [path])
            }
            let words = try await harness.send("GET", "\(Self.v2)/contactList/\(listId)/getAllContacts", query: [("limit", "ten")])
            #expect(words.status == 400 && words.errorPaths == ["limit"])
            #expect(try await Self.contacts(harness, "cl-nope").status == 404)
            return (first, listId, total)
        }
        try await withSandbox(seed: 10) { harness in
            let again = try await Self.contacts(harness, listId)
            #expect(again.data == first.data, "the same seed gives the same contacts")
            #expect(try await Self.lists(harness)["CL Only 2020 Dec 4"]?["totalRecordCount"] == .number(Double(total)))
        }
    }

    @Test("list records say which campaigns use them; delete is refused while in use, and answers the deleted list when not")
    func inUseAndDelete() async throws {
        try await withSandbox(seed: 0) { harness in
            let listId = try await Self.createList(harness, "Delete Me")
            var sample = try Samples.valid("create-sms-campaign-without-template-v2").objectValue!
            sample["contactLists"] = ["Delete Me"]
            let created = try await harness.create(.object(sample), type: "sms", name: "Uses Delete Me")
            let campaignId = try #require(created.data?.objectValue?["_id"]?.stringValue)

            let used = try #require(try await harness.send("GET", "\(Self.v2)/contactList/\(listId)").data?.objectValue)
            #expect(used["isListInUse"] == true)
            #expect(used["campaignInUse"] == [["name": "Uses Delete Me", "id": .string(campaignId)]])
            let listed = try #require(try await Self.lists(harness)["Delete Me"])
            #expect(listed["isListInUse"] == true && listed["campaignInUse"]?.arrayValue?.count == 1)

            let refused = try await harness.send("DELETE", "\(Self.v2)/contactList/\(listId)")
            #expect(refused.status == 409 && refused.message.contains("Uses Delete Me"), "\(refused.json.serialized())")
            #expect(refused.errorPaths == ["campaignInUse[0]"])

            #expect(try await harness.send("DELETE", "\(Self.v2)/\(campaignId)", query: [("campaignType", "sms")]).status == 200)
            let free = try #require(try await harness.send("GET", "\(Self.v2)/contactList/\(listId)").data?.objectValue)
            #expect(free["isListInUse"] == false && free["campaignInUse"] == [])

            let deleted = try await harness.send("DELETE", "\(Self.v2)/contactList/\(listId)")
            #expect(deleted.status == 200 && deleted.message == "Contact list Delete Me deleted successfully")
            let data = try #require(deleted.data?.objectValue)
            for key in ["_id", "isActive", "name", "totalRecordCount", "status", "mapping", "isListInUse", "listType",
                        "campaignInUse", "source", "apiConfigurations", "createdAt", "updatedAt", "allowDuplicates"] {
                #expect(data[key] != nil, "deleted list lacks \(key)")
            }
            #expect(try await harness.send("GET", "\(Self.v2)/contactList/\(listId)").status == 404)
            #expect(try await harness.send("DELETE", "\(Self.v2)/contactList/\(listId)").status == 404)
        }
    }

    @Test("update: name, description and allowDuplicates; the documented answer; a rename reaches the campaigns; names stay unique")
    func update() async throws {
        try await withSandbox(seed: 0) { harness in
            // The seed holds the name the docs' sample renames to: a list no campaign uses, so it may go.
            let seeded = try #require(try await Self.lists(harness)["Renewal Due - May/June 2025"]?["_id"]?.stringValue)
            #expect(try await harness.send("DELETE", "\(Self.v2)/contactList/\(seeded)").status == 200)
            let listId = try await Self.createList(harness, "Renewal Due - July 2025")
            _ = try await Self.createList(harness, "Taken")
            var sample = try Samples.valid("create-sms-campaign-without-template-v2").objectValue!
            sample["contactLists"] = ["Renewal Due - July 2025"]
            let created = try await harness.create(.object(sample), type: "sms", name: "Renewals")
            let campaignId = try #require(created.data?.objectValue?["_id"]?.stringValue)

            let reply = try await harness.send("PUT", "\(Self.v2)/contactList/\(listId)",
                                               body: Samples.load("update-contact-list-v2"))
            #expect(reply.status == 200 && reply.message == "Contact list Renewal Due - May/June 2025 updated successfully",
                    "\(reply.json.serialized())")
            let data = try #require(reply.data?.objectValue)
            #expect(data["contactListId"] == .string(listId))
            let body = try #require(data["body"]?.objectValue)
            #expect(body.keys == ["name", "scope", "orgId", "iId", "listType", "accountId", "updatedBy"])
            #expect(body["name"] == "Renewal Due - May/June 2025" && body["iId"] == .string(harness.credentials.streamId))

            let campaign = try #require(try await harness.send("GET", "\(Self.v2)/\(campaignId)").data?.objectValue)
            #expect(campaign["contactLists"] == ["Renewal Due - May/June 2025"], "the campaign follows the rename")

            let more = try await harness.send("PUT", "\(Self.v2)/contactList/\(listId)",
                                              body: ["description": "Due in May or June", "allowDuplicates": true])
            #expect(more.status == 200)
            let fetched = try #require(try await harness.send("GET", "\(Self.v2)/contactList/\(listId)").data?.objectValue)
            #expect(fetched["description"] == "Due in May or June" && fetched["allowDuplicates"] == true)
            #expect(fetched["apiConfigurations"] == ["dataSyncMode": "allowDuplicates"])
            #expect(fetched["name"] == "Renewal Due - May/June 2025")

            #expect(try await harness.send("PUT", "\(Self.v2)/contactList/\(listId)", body: ["name": "taken"]).status == 409)
            let invalid = try await harness.send("PUT", "\(Self.v2)/contactList/\(listId)",
                                                 body: ["name": .string(String(repeating: "x", count: 49)), "allowDuplicates": "maybe"])
            #expect(invalid.status == 400 && Set(invalid.errorPaths) == ["name", "allowDuplicates"])
            #expect(try await harness.send("PUT", "\(Self.v2)/contactList/cl-nope", body: ["name": "x"]).status == 404)
        }
    }

    @Test("addContacts by list name: answers as the docs do, then the contacts appear; duplicates skipped unless allowed; bad rows named")
    func addContacts() async throws {
        try await withSandbox(seed: 3, configure: { $0.importDelay = .milliseconds(400) }) { harness in
            let listId = try await Self.createList(harness, "Renewal Due - July 2025")
            let path = "/api/1.1/public/{s}/campaign/contactList/addContacts"
            let reply = try await harness.send("POST", path, body: Samples.load("add-contacts-to-contact-list"))
            #expect(reply.status == 200 && reply.json == ["message": "Adding contacts to public list is in progress"])
            let right = try await Self.contacts(harness, listId)
            #expect(right.data?.objectValue?["totalResults"] == 0, "queued, not there yet")
            try await Task.sleep(for: .milliseconds(600))
            let later = try await Self.contacts(harness, listId)
            let results = try #require(later.data?.objectValue?["results"]?.arrayValue)
            #expect(results.compactMap { $0.objectValue?["phoneNumber"]?.stringValue } == ["9122333445566"])
            #expect(results.first?.objectValue?["_id"]?.stringValue?.hasPrefix("cc-") == true)

            // Duplicates: the number just added, one twice in the batch, and one a seeded list generates.
            let seeded = try #require(try await Self.lists(harness)["APIContctList"])
            let seededId = try #require(seeded["_id"]?.stringValue)
            let seededCount = try #require(seeded["totalRecordCount"]?.intValue)
            let generated = try #require(try await Self.contacts(harness, seededId, limit: 1).data?.objectValue?["results"]?
                .arrayValue?.first?.objectValue?["phoneNumber"]?.stringValue)
            _ = try await harness.send("POST", path, body: [
                "contact_list_name": "apicontctlist",
                "data": [["phoneNumber": .string(generated)], ["phoneNumber": "+14155550100"], ["phoneNumber": "+14155550100"]],
            ])
            _ = try await harness.send("POST", path, body: [
                "contact_list_name": "Renewal Due - July 2025", "data": [["phoneNumber": "9122333445566"], ["phoneNumber": "9122333445567"]],
            ])
            try await Task.sleep(for: .milliseconds(600))
            let grown = try await Self.contacts(harness, seededId, skip: seededCount - 1, limit: 10)
            #expect(grown.data?.objectValue?["totalResults"] == .number(Double(seededCount + 1)))
            #expect(grown.data?.objectValue?["results"]?.arrayValue?.last?.objectValue?["phoneNumber"] == "+14155550100")
            #expect(try await Self.contacts(harness, listId).data?.objectValue?["totalResults"] == 2)
            #expect(try await harness.send("GET", "\(Self.v2)/contactList/\(listId)").data?.objectValue?["totalRecordCount"] == 2)

            // With allowDuplicates a number may come twice.
            #expect(try await harness.send("PUT", "\(Self.v2)/contactList/\(listId)", body: ["allowDuplicates": true]).status == 200)
            _ = try await harness.send("POST", path, body: ["contact_list_name": "Renewal Due - July 2025", "data": [["phoneNumber": "9122333445566"]]])
            try await Task.sleep(for: .milliseconds(600))
            #expect(try await Self.contacts(harness, listId).data?.objectValue?["totalResults"] == 3)

            let bad = try await harness.send("POST", path, body: [
                "contact_list_name": "Nope", "data": [["phoneNumber": "+14155550100"], ["phoneNumber": "call me"], [:]],
            ])
            #expect(bad.status == 400 && Set(bad.errorPaths) == ["data[1].phoneNumber", "data[2].phoneNumber", "contact_list_name"])
            let empty = try await harness.send("POST", path, body: ["contact_list_name": "Renewal Due - July 2025", "data": []])
            #expect(empty.status == 400 && empty.errorPaths == ["data"])
        }
    }

    @Test("a generated list answers whether it holds a number without listing it")
    func generatedNumbersInvert() {
        let generator = GeneratedContacts(listId: "cl-1234", count: 5_000, createdAt: SeedData.epoch)
        for position in [0, 1, 17, 4_999] {
            #expect(generator.position(ofPhoneNumber: generator.phoneNumber(at: position)) == position)
            #expect(generator.position(ofPhoneNumber: "+" + generator.phoneNumber(at: position)) == position)
        }
        let beyond = GeneratedContacts(listId: "cl-1234", count: 6_000, createdAt: SeedData.epoch).phoneNumber(at: 5_500)
        #expect(generator.position(ofPhoneNumber: beyond) == nil)
        #expect(generator.position(ofPhoneNumber: "14155550100") == nil)
        #expect(Set((0..<5_000).map(generator.phoneNumber)).count == 5_000)
    }
}

@Suite("Sandbox contact times")
struct SandboxContactTimeTests {
    @Test("a generated contact's time reads the same as Foundation's ISO-8601 formatter writes it")
    func isoText() {
        for ms: Int64 in [0, 1, 1_764_547_200_000, 1_764_547_200_832, 951_782_400_123, 4_102_444_799_500, 1_709_164_800_000, -86_400_000] {
            let expected = ISOTimestamp.format(Date(timeIntervalSince1970: Double(ms) / 1000))
            #expect(GeneratedContacts.isoText(millisecondsSince1970: ms) == expected)
        }
    }
}
