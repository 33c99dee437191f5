import CampaignModel
import CampaignSandbox
import Foundation
import Testing

@Suite("Sandbox listing, contact lists and schedules", .serialized)
struct SandboxListTests {
    static let v2 = SandboxHarness.v2

    @Test("paging through 10,000 seeded campaigns returns each exactly once")
    func pagingTenThousand() async throws {
        try await withSandbox(seed: 10_000) { harness in
            for type in ["sms", "voice"] {
                var seen: [String] = []
                var skip = 0
                var total = -1
                while true {
                    let reply = try await harness.list(["type": .string(type), "skip": .number(Double(skip)), "limit": 1000, "sortBy": ["updatedAt": "desc"]])
                    #expect(reply.status == 200)
                    let page = try CampaignPage(json: #require(reply.data))
                    total = page.totalResults ?? -1
                    seen += page.results.compactMap(\.id)
                    #expect(page.results.allSatisfy { $0.type?.rawValue == type })
                    skip += page.results.count
                    if page.hasMore != true { break }
                }
                #expect(seen.count == total)
                #expect(Set(seen).count == seen.count, "no campaign twice")
                #expect(total > 4_000, "\(type): \(total)")
            }
            let everything = try await harness.list(["limit": 1])
            #expect(everything.data?.objectValue?["totalResults"] == 10_000)
        }
    }

    @Test("filters, sorting, dates, page numbers and the v1 path")
    func filtersAndSorting() async throws {
        try await withSandbox(seed: 300) { harness in
            let filtered = try await harness.list([
                "type": "voice", "limit": 500, "filters": ["status": ["Ready", "Stopped"], "priority": ["5", 4], "dialingMode": ["Preview"]],
            ])
            let page = try CampaignPage(json: #require(filtered.data))
            #expect(!page.results.isEmpty)
            #expect(page.results.allSatisfy { [.ready, .stopped].contains($0.status) && [4, 5].contains($0.priority) && $0.dialingMode == .preview })

            let byName = try CampaignPage(json: #require(try await harness.list(["type": "sms", "limit": 500, "sortBy": ["name": "asc"]]).data))
            let names = byName.results.map { $0.name.lowercased() }
            #expect(names == names.sorted())

            let byCreated = try CampaignPage(json: #require(try await harness.list(["type": "sms", "limit": 500]).data))
            let created = byCreated.results.compactMap(\.createdAt)
            #expect(created == created.sorted(by: >), "createdAt desc by default")

            let window = try await harness.list(["type": "sms", "limit": 500, "startDate": "2025-11-28T00:00:00.000Z", "endDate": "2025-11-30T00:00:00.000Z"])
            let windowed = try CampaignPage(json: #require(window.data))
            #expect(!windowed.results.isEmpty)
            #expect(windowed.results.allSatisfy { ($0.createdAt ?? "") >= "2025-11-28" && ($0.createdAt ?? "") <= "2025-11-30" })

            let pageTwo = try CampaignPage(json: #require(try await harness.list(["type": "sms", "limit": 10, "page": 2, "skip": ""]).data))
            #expect(pageTwo.skip == 10 && pageTwo.results.map(\.id) == Array(byCreated.results.map(\.id)[10..<20]))

            let v1 = try await harness.list(["type": "voice", "limit": 5], v1: true)
            #expect(v1.status == 200 && v1.message == "Campaign  retrieved successfully")

            let bad = try await harness.list(["type": "fax", "limit": 5000])
            #expect(bad.status == 400 && Set(bad.errorPaths) == ["type"])
            let tooMany = try await harness.list(["type": "sms", "limit": 5000])
            #expect(tooMany.status == 400 && tooMany.errorPaths == ["limit"])
        }
    }

    @Test("list results have the documented summary shape")
    func listShape() async throws {
        try await withSandbox(seed: 40) { harness in
            let voice = try #require(try await harness.list(["type": "voice", "limit": 1]).data?.objectValue?["results"]?.arrayValue?.first?.objectValue)
            #expect(voice["_id"] != nil && voice["dialingStrategy"] == nil && voice["dialingMode"] != nil)
            let sms = try #require(try await harness.list(["type": "sms", "limit": 1]).data?.objectValue?["results"]?.arrayValue?.first?.objectValue)
            #expect(sms["id"] != nil && sms["_id"] == nil && sms["format"] != nil && sms["campaignExecutionType"] == "NORMAL")
        }
    }

    @Test("contact lists: list, get, create, duplicates and unknown ids")
    func contactLists() async throws {
        try await withSandbox(seed: 0) { harness in
            let listPath = "\(Self.v2)/contactList/getAllListDetails"
            let all = try await harness.send("POST", listPath, query: [("type", "call")])
            let lists = try #require(all.data?.arrayValue).map { try ContactList(json: $0) }
            #expect(lists.contains { $0.name == "CL Only 2020 Dec 4" })
            let one = try #require(lists.first?.id)
            let fetched = try await harness.send("GET", "\(Self.v2)/contactList/\(one)")
            let fetchedList = try ContactList(json: #require(fetched.data))
            #expect(fetched.status == 200 && fetchedList.id == one)
            #expect(try await harness.send("GET", "\(Self.v2)/contactList/cl-nope").status == 404)

            let body = try Samples.load("create-contact-list-v2")
            let created = try await harness.send("POST", "\(Self.v2)/contactList/createContactList", body: body)
            #expect(created.status == 200 && created.message == "Contact list Renewal Due 1- July 2025 created successfully")
            let list = try ContactList(json: #require(created.data))
            #expect(list.id?.hasPrefix("cl-") == true && list.allowDuplicates == true && list.totalRecordCount == 0)
            #expect(try await harness.send("POST", "\(Self.v2)/contactList/createContactList", body: body).status == 409)
            let unnamed = try await harness.send("POST", "\(Self.v2)/contactList/createContactList", body: ["name": " "])
            #expect(unnamed.status == 400 && unnamed.errorPaths == ["name"])

            let after = try await harness.send("POST", listPath, query: [("type", "call")])
            #expect(after.data?.arrayValue?.count == lists.count + 1)
            var sample = try Samples.valid("create-sms-campaign-without-template-v2").objectValue!
            sample["contactLists"] = ["Renewal Due 1- July 2025"]
            #expect(try await harness.create(.object(sample), type: "sms", name: "Uses new list").status == 200)
        }
    }

    @Test("schedules: enable daily and weekly, disable, errors")
    func schedules() async throws {
        try await withSandbox(seed: 0) { harness in
            let created = try await harness.create(Samples.valid("create-voice-campaign-agentless-v2"), type: "voice", name: "Agentless | Jan 9")
            let id = try #require(created.data?.objectValue?["id"]?.stringValue)
            let schedulePath = "\(Self.v2)/schedule"
            for sample in ["enable-voice-or-sms-campaign-schedule-daily", "enable-voice-or-sms-campaign-schedule-weekly"] {
                var body = try Samples.load(sample).objectValue!
                body["endDateTime"] = "2099-01-27 18:29:00"
                let reply = try await harness.send("POST", schedulePath, query: [("enableSchedule", "true"), ("campaignName", "Agentless | Jan 9")], body: .object(body))
                #expect(reply.status == 200, "\(reply.json.serialized())")
                #expect(reply.message == "Campaign Agentless | Jan 9 scheduled successfully" && reply.object["id"] == .string(id))
            }
            let scheduled = try Campaign(json: #require(try await harness.send("GET", "\(Self.v2)/\(id)").data))
            #expect(scheduled.schedule?.isSchedulingEnabled == true && scheduled.status == .scheduled)

            let disabled = try await harness.send("POST", schedulePath, query: [("enableSchedule", "false"), ("campaignName", "agentless | jan 9")], body: [:])
            #expect(disabled.status == 200 && disabled.message.hasSuffix("schedule has been disabled successfully"))
            let after = try Campaign(json: #require(try await harness.send("GET", "\(Self.v2)/\(id)").data))
            #expect(after.schedule?.isSchedulingEnabled == false && after.status != .scheduled)

            let unknown = try await harness.send("POST", schedulePath, query: [("enableSchedule", "false"), ("campaignName", "Nobody")], body: [:])
            #expect(unknown.status == 404)
            let past = try await harness.send("POST", schedulePath, query: [("enableSchedule", "true"), ("campaignName", "Agentless | Jan 9")],
                                              body: Samples.load("enable-voice-or-sms-campaign-schedule-daily"))
            #expect(past.status == 400 && past.errorPaths == ["endDateTime"])
            let broken = try await harness.send("POST", schedulePath, query: [("enableSchedule", "true"), ("campaignName", "Agentless | Jan 9")],
                                                body: ["startDateTime": "soon", "recurrenceObject": ["recurType": "Hourly"]])
            #expect(broken.status == 400 && Set(broken.errorPaths) == ["startDateTime", "endDateTime", "recurrenceObject.recurType"])
        }
    }
}
