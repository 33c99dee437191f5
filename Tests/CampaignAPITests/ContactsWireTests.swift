import CampaignAPI
import CampaignModel
import Foundation
import Synchronization
import Testing

/// The query of a request target, each name and value percent-decoded (a `+` stays a `+`).
func decodedQuery(_ target: String) -> [String: String] {
    guard let mark = target.firstIndex(of: "?") else { return [:] }
    var query: [String: String] = [:]
    for pair in target[target.index(after: mark)...].split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
        query[name] = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
    }
    return query
}

extension StubServer.Request {
    var json: JSONValue? { try? JSONValue.parse(body) }
    var query: [String: String] { decodedQuery(target) }
}

/// `count` contacts in the contacts view's shape; every third is still in progress.
func contactsReply(page: Int, limit: Int, total: Int, totalPages: Bool = true) -> String {
    let start = (page - 1) * limit
    let numbers = start < total ? Array(start..<min(start + limit, total)) : []
    let results = numbers.map { n in
        let outcome = n % 3 == 0 ? "" : (n % 3 == 1 ? "completed" : "noAnswer")
        return #"{"phoneNumber": "+1555\#(1_000_000 + n)", "uniqueId": "", "dialerOutcome": "\#(outcome)", "numberOfAttemptsSoFar": \#(n % 3), "agentDispositionCodes": []}"#
    }
    let pages = totalPages ? #", "totalPages": \#((total + limit - 1) / limit)"# : ""
    return StubServer.response(status: 200, body: #"{"status": "success", "data": {"results": [\#(results.joined(separator: ","))], "page": \#(page), "limit": \#(limit)\#(pages), "totalResults": \#(total)}}"#)
}

@Suite("Contacts, contact lists, schedules and clone on the wire", .serialized)
struct ContactsWireTests {
    @Test("a contacts page is a POST to status?view=contacts with {page, limit}, the limit clamped to 100")
    func contactsPageRequest() async throws {
        try await withStub({ _, connection in
            connection.write(contactsReply(page: 2, limit: 100, total: 150))
        }) { server in
            let client = try CampaignClient(profile: stubProfile(server.url), options: ClientHarness.fastRetries())
            let page = try await client.contactsPage("cd-1", page: 2, limit: 250)
            #expect(page.results.count == 50 && page.page == 2)
            let request = try #require(server.requests.first)
            #expect(request.method == "POST")
            #expect(request.path == "/campaign/api/v2/public/st-stub/campaign/cd-1/status")
            #expect(request.query == ["accountId": "acct-stub", "view": "contacts"])
            #expect(request.json == ["page": 2, "limit": 100])
        }
    }

    @Test("progress pages every contact once and tallies them", arguments: [true, false])
    func progressPagesAll(withTotalPages: Bool) async throws {
        try await withStub({ request, connection in
            let body = request.json?.objectValue
            connection.write(contactsReply(page: body?["page"]?.intValue ?? 1, limit: body?["limit"]?.intValue ?? 100,
                                           total: 250, totalPages: withTotalPages))
        }) { server in
            let client = try CampaignClient(profile: stubProfile(server.url), options: ClientHarness.fastRetries())
            let tally = try await client.progress("cd-9")
            #expect(tally.total == 250)
            #expect(tally.inProgress == 84 && tally.connected == 83 && tally.noAnswer == 83)
            #expect(tally.attempts == 83 * 1 + 83 * 2)
            let pages = server.requests.compactMap { $0.json?.objectValue?["page"]?.intValue }.sorted()
            #expect(pages == [1, 2, 3], "three pages of 100, no more")
        }
    }

    @Test("the docs' sample (totalResults 4 beside 3 results, totalPages 1) is one page")
    func docsSampleIsOnePage() async throws {
        let sample = #"{"status": "success", "data": {"results": [{"phoneNumber": "1", "dialerOutcome": ""}, {"phoneNumber": "2", "dialerOutcome": "completed"}, {"phoneNumber": "3", "dialerOutcome": "completed"}], "page": 1, "limit": 100, "totalPages": 1, "totalResults": 4}}"#
        try await withStub({ _, connection in connection.write(StubServer.response(status: 200, body: sample)) }) { server in
            let client = try CampaignClient(profile: stubProfile(server.url), options: ClientHarness.fastRetries())
            var pages = 0
            try await client.forEachContactsPage("cd-1") { _ in pages += 1 }
            #expect(pages == 1 && server.requests.count == 1)
            #expect(try await client.progress("cd-1").connected == 2)
        }
    }

    @Test("a contact list's numbers: GET getAllContacts with skip and limit, following hasMore")
    func listContacts() async throws {
        try await withStub({ request, connection in
            let skip = Int(request.query["skip"] ?? "") ?? 0
            let ids = Array(skip..<min(skip + 2, 5))
            let results = ids.map { #"{"_id": "cc-\#($0)", "phoneNumber": "+1555000\#($0)", "createdAt": "2025-12-09T04:28:44.832Z"}"# }
            connection.write(StubServer.response(status: 200, body: #"{"status": "success", "message": "Contacts retrieved successfully", "data": {"results": [\#(results.joined(separator: ","))], "skip": \#(skip), "limit": 2, "hasMore": \#(skip + 2 < 5), "totalPages": 3, "totalResults": 5}}"#))
        }) { server in
            let client = try CampaignClient(profile: stubProfile(server.url), options: ClientHarness.fastRetries())
            var ids: [String] = []
            try await client.forEachListContactsPage("cl-7", limit: 2) { page in ids += page.results.compactMap(\.id) }
            #expect(ids == ["cc-0", "cc-1", "cc-2", "cc-3", "cc-4"])
            #expect(server.requests.map(\.method) == ["GET", "GET", "GET"])
            #expect(server.requests.allSatisfy { $0.path == "/campaign/api/v2/public/st-stub/campaign/contactList/cl-7/getAllContacts" })
            #expect(server.requests.map { $0.query["skip"] ?? "" } == ["0", "2", "4"])
            #expect(server.requests.allSatisfy { $0.query["limit"] == "2" && $0.query["accountId"] == "acct-stub" })
        }
    }

    @Test("update sends only the given fields, then reads the list back; an empty or invalid change sends nothing")
    func updateContactList() async throws {
        try await withStub({ request, connection in
            if request.method == "PUT" {
                connection.write(StubServer.response(status: 200, body: #"{"status": "success", "message": "Contact list L updated successfully", "data": {"contactListId": "cl-1", "body": {"name": "L", "listType": "call"}}}"#))
            } else {
                connection.write(StubServer.response(status: 200, body: #"{"status": "success", "data": {"_id": "cl-1", "name": "L", "description": "d", "allowDuplicates": false}}"#))
            }
        }) { server in
            let client = try CampaignClient(profile: stubProfile(server.url), options: ClientHarness.fastRetries())
            let list = try await client.updateContactList("cl-1", name: nil, description: nil, allowDuplicates: false)
            #expect(list.allowDuplicates == false && list.description == "d")
            let put = try #require(server.requests.first)
            #expect(put.method == "PUT" && put.path == "/campaign/api/v2/public/st-stub/campaign/contactList/cl-1")
            #expect(put.json == ["allowDuplicates": false])
            #expect(server.requests.count == 2 && server.requests[1].method == "GET")

            let empty = await #expect(throws: APIError.self) { try await client.updateContactList("cl-1", name: nil, description: nil, allowDuplicates: nil) }
            #expect(empty?.kind == .configuration)
            let long = await #expect(throws: APIError.self) {
                try await client.updateContactList("cl-1", name: String(repeating: "x", count: 49), description: nil, allowDuplicates: nil)
            }
            #expect(long?.kind == .invalid && long?.summary.contains("48") == true)
            #expect(server.requests.count == 2, "nothing sent for a refused change")
        }
    }

    @Test("delete of a list in use is refused before anything is sent, naming the campaigns")
    func deleteInUse() async throws {
        let inUse = Atomic(true)
        try await withStub({ request, connection in
            if request.method == "DELETE" {
                connection.write(StubServer.response(status: 200, body: #"{"status": "success", "message": "Contact list Old deleted successfully", "data": {"_id": "cl-2", "name": "Old", "isListInUse": false, "campaignInUse": []}}"#))
            } else if inUse.load(ordering: .relaxed) {
                connection.write(StubServer.response(status: 200, body: #"{"status": "success", "data": {"_id": "cl-2", "name": "Old", "isListInUse": true, "campaignInUse": ["cd-1", "cd-2"]}}"#))
            } else {
                connection.write(StubServer.response(status: 200, body: #"{"status": "success", "data": {"_id": "cl-2", "name": "Old", "isListInUse": false, "campaignInUse": []}}"#))
            }
        }) { server in
            let client = try CampaignClient(profile: stubProfile(server.url), options: ClientHarness.fastRetries())
            let error = await #expect(throws: APIError.self) { try await client.deleteContactList("cl-2") }
            #expect(error?.kind == .conflict)
            #expect(error?.summary.contains("cd-1, cd-2") == true, "\(error?.summary ?? "")")
            #expect(server.requests.map(\.method) == ["GET"])
            inUse.store(false, ordering: .relaxed)
            let deleted = try await client.deleteContactList("cl-2")
            #expect(deleted.name == "Old")
            #expect(server.requests.map(\.method) == ["GET", "GET", "DELETE"])
            #expect(server.requests[2].path == "/campaign/api/v2/public/st-stub/campaign/contactList/cl-2")
        }
    }

    @Test("add contacts: POST to the v1 path with the list's name, sent once even on a 500")
    func addContacts() async throws {
        let fail = Atomic(false)
        try await withStub({ _, connection in
            if fail.load(ordering: .relaxed) {
                connection.write(StubServer.response(status: 500, body: #"{"status": "failure", "message": "boom"}"#))
            } else {
                connection.write(StubServer.response(status: 200, body: #"{"message": "Adding contacts to public list is in progress"}"#))
            }
        }) { server in
            let client = try CampaignClient(profile: stubProfile(server.url), options: ClientHarness.fastRetries())
            let message = try await client.addContacts(listName: "Renewals + Upsell", phoneNumbers: ["+15550001", "15550002"])
            #expect(message == "Adding contacts to public list is in progress")
            let request = try #require(server.requests.first)
            #expect(request.method == "POST" && request.path == "/api/1.1/public/st-stub/campaign/contactList/addContacts")
            #expect(request.json == ["contact_list_name": "Renewals + Upsell", "data": [["phoneNumber": "+15550001"], ["phoneNumber": "15550002"]]])
            fail.store(true, ordering: .relaxed)
            await #expect(throws: APIError.self) { try await client.addContacts(listName: "L", phoneNumbers: ["+15550003"]) }
            #expect(server.requests.count == 2, "not retried")
        }
    }

    @Test("schedule names with +, & and spaces are percent-encoded in the query",
          arguments: ["Renewals + Upsell & More", "A+B", "50% off=yes?"])
    func scheduleNameEncoding(_ name: String) async throws {
        try await withStub({ _, connection in
            connection.write(StubServer.response(status: 200, body: #"{"status": "success", "message": "ok", "id": "cd-1"}"#))
        }) { server in
            let client = try CampaignClient(profile: stubProfile(server.url), options: ClientHarness.fastRetries())
            let schedule = RecurringSchedule(startDateTime: "2030-01-01 09:00:00", endDateTime: "2030-02-01 09:00:00",
                                             recurrence: .daily(everyNDays: 1))
            _ = try await client.enableSchedule(campaignName: name, schedule)
            _ = try await client.disableSchedule(campaignName: name)
            for request in server.requests {
                #expect(request.query["campaignName"] == name, "\(request.target)")
                let rawQuery = request.target.split(separator: "?", maxSplits: 1).last.map(String.init) ?? ""
                #expect(!rawQuery.contains("+") && !rawQuery.contains(" "), "\(request.target)")
                #expect(rawQuery.split(separator: "&").count == 2, "an & in the name must not split the query: \(request.target)")
            }
            #expect(server.requests.map { $0.query["enableSchedule"] ?? "" } == ["true", "false"])
            #expect(server.requests[0].json == schedule.json)
        }
    }

    @Test("clone: GET the full record, POST it as a new campaign with the new name and nothing the server owns")
    func clone() async throws {
        var original = Make.voice("Renewals")
        original.id = "cd-1"
        original.status = .active
        original.lname = "renewals"
        original.createdAt = "2025-12-05T10:30:57.258Z"
        original.updatedAt = "2025-12-05T10:35:41.551Z"
        original.campaignInstanceId = "ci-1"
        original.serverFields["totalCallsCompleted"] = 7
        original.extras["orgId"] = "o-1"
        original.extras["customFlag"] = "kept"
        let originalJSON = original.resourceJSON.serialized()
        try await withStub({ request, connection in
            if request.method == "GET" {
                connection.write(StubServer.response(status: 200, body: #"{"status": "success", "data": \#(originalJSON)}"#))
            } else {
                var created = (try? Campaign(json: request.json ?? [:])) ?? Campaign(type: .voice, name: "")
                created.id = "cd-2"
                created.status = .preparing
                connection.write(StubServer.response(status: 200, body: #"{"status": "success", "data": \#(created.resourceJSON.serialized())}"#))
            }
        }) { server in
            let client = try CampaignClient(profile: stubProfile(server.url), options: ClientHarness.fastRetries())
            let copy = try await client.clone("cd-1", newName: "Renewals (copy)")
            #expect(copy.id == "cd-2" && copy.name == "Renewals (copy)")
            let post = try #require(server.requests.last)
            #expect(post.method == "POST" && post.query["campaignType"] == "voice")
            let body = try #require(post.json?.objectValue)
            #expect(body["name"] == "Renewals (copy)")
            for key in ["_id", "id", "status", "lname", "createdAt", "updatedAt", "campaignInstanceId", "totalCallsCompleted", "orgId"] {
                #expect(body[key] == nil, "\(key) must not be sent")
            }
            #expect(body["customFlag"] == "kept")
            #expect(body["queue_name"] == "Default Queue" && body["contactLists"] == ["CL Only 2020 Dec 4"])
            #expect(body == CampaignRequestBody.body(for: CampaignClient.cloneForm(of: original, named: "Renewals (copy)"), operation: .create).objectValue)

            let before = server.requests.count
            let same = await #expect(throws: APIError.self) { try await client.clone("cd-1", newName: "renewals") }
            #expect(same?.kind == .invalid)
            let bad = await #expect(throws: APIError.self) { try await client.clone("cd-1", newName: String(repeating: "n", count: 49)) }
            #expect(bad?.kind == .invalid)
            #expect(server.requests.count == before + 2 && server.requests.suffix(2).allSatisfy { $0.method == "GET" }, "no create sent")
        }
    }

    @Test("clone of an agentless campaign known only by its flow id needs the flow's name, and sends it")
    func cloneAgentless() async throws {
        var original = Campaign(type: .voice, name: "IVR", contactLists: ["CL Only 2020 Dec 4"])
        original.id = "cd-5"
        original.priority = 3
        original.dialingMode = .agentless
        original.experienceFlowId = "cf-1"
        original.machineDetection = .enabled
        original.dialingStrategy = Make.voice("x").dialingStrategy
        let originalJSON = original.resourceJSON.serialized()
        try await withStub({ request, connection in
            if request.method == "GET" {
                connection.write(StubServer.response(status: 200, body: #"{"status": "success", "data": \#(originalJSON)}"#))
            } else {
                var created = (try? Campaign(json: request.json ?? [:])) ?? Campaign(type: .voice, name: "")
                created.id = "cd-6"
                connection.write(StubServer.response(status: 200, body: #"{"status": "success", "data": \#(created.resourceJSON.serialized())}"#))
            }
        }) { server in
            let client = try CampaignClient(profile: stubProfile(server.url), options: ClientHarness.fastRetries())
            let refused = await #expect(throws: APIError.self) { try await client.clone("cd-5", newName: "IVR 2") }
            #expect(refused?.kind == .invalid && refused?.summary.contains("cf-1") == true, "\(refused?.summary ?? "")")
            #expect(server.requests.allSatisfy { $0.method == "GET" })
            let copy = try await client.clone("cd-5", newName: "IVR 2", experienceFlowName: "Payment Reminder IVR")
            #expect(copy.id == "cd-6")
            let body = try #require(server.requests.last?.json?.objectValue)
            #expect(body["experienceFlowName"] == "Payment Reminder IVR" && body["experienceFlow"] == nil)
        }
    }
}
