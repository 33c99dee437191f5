import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import Testing

/// `campaign status|contacts|progress|schedule|clone` and `contact-list contacts|update|delete|import`.
@Suite("Shift commands against the sandbox", .serialized)
struct ShiftCLITests {
    static func campaigns(_ cli: CLI) async throws -> [Campaign] {
        try (JSONValue.parse(await cli.run(["campaign", "list", "-o", "json"]).stdout).arrayValue ?? []).map { try Campaign(json: $0) }
    }

    /// The ids of the campaigns with one of `statuses`.
    static func ids(_ campaigns: [Campaign], statuses: Set<String>) -> Set<String> {
        var ids = Set<String>()
        for campaign in campaigns where statuses.contains(campaign.status?.rawValue ?? "") {
            if let id = campaign.id { ids.insert(id) }
        }
        return ids
    }

    /// The first campaign with this status, type and dialing mode (nil: any).
    static func first(_ campaigns: [Campaign], status: String?, type: String, mode: String?) -> Campaign? {
        for campaign in campaigns where campaign.type?.rawValue == type {
            if let status, campaign.status?.rawValue != status { continue }
            if let mode, campaign.dialingMode?.rawValue != mode { continue }
            return campaign
        }
        return nil
    }

    /// A client of the same sandbox, for setting up what the CLI has no command for.
    static func client(_ cli: CLI) throws -> CampaignClient {
        let credentials = cli.sandbox.credentials
        return try CampaignClient(profile: APIProfile(
            name: "test", host: cli.sandbox.baseURL, streamId: credentials.streamId, accountId: credentials.accountId,
            auth: .signed(clientId: credentials.clientId, clientSecret: Secret(credentials.clientSecret))))
    }

    @Test("campaign status; contacts in every format, all pages; progress counts match the contacts")
    func statusContactsProgress() async throws {
        try await withCLI(configure: { $0.maxSeededListContacts = 2_000 }) { cli in
            let all = try await Self.campaigns(cli)
            let campaign = try #require(all.first { !$0.contactLists.isEmpty })
            let id = try #require(campaign.id)
            let status = try await cli.run(["campaign", "status", id])
            #expect(status.code == 0 && status.stdout.contains("(\(id)): \(campaign.status?.rawValue ?? "?")"), "\(status.all)")
            let statusJSON = try JSONValue.parse(await cli.run(["campaign", "status", id, "-o", "json"]).stdout)
            #expect(statusJSON.objectValue?["id"]?.stringValue == id)

            let contactsRun = try await cli.run(["campaign", "contacts", id, "-o", "json"])
            #expect(contactsRun.code == 0, "\(contactsRun.stderr)")
            let contacts = try #require(JSONValue.parse(contactsRun.stdout).arrayValue).map { try CampaignContact(json: $0) }
            #expect(!contacts.isEmpty)
            #expect(contacts.allSatisfy { !$0.phoneNumber.isEmpty })
            let table = try await cli.run(["campaign", "contacts", id])
            #expect(table.code == 0 && table.stdout.contains("PHONE") && table.stdout.contains("OUTCOME"))
            #expect(table.stdout.contains("\(contacts.count) contact"))
            let yaml = try await cli.run(["campaign", "contacts", id, "-o", "yaml"])
            #expect(yaml.code == 0 && yaml.stdout.contains("phoneNumber:"))

            let progress = try await cli.run(["campaign", "progress", id, "-o", "json"])
            #expect(progress.code == 0, "\(progress.stderr)")
            let row = try #require(JSONValue.parse(progress.stdout).arrayValue?.first?.objectValue)
            // A running campaign may move between the two reads: compare the total only then.
            #expect(row["total"]?.intValue == contacts.count)
            if campaign.status != CampaignStatus.active {
                let tally = OutcomeTally(contacts)
                #expect(row["connected"]?.intValue == tally.connected && row["inProgress"]?.intValue == tally.inProgress)
            }
            let progressTable = try await cli.run(["campaign", "progress", id])
            #expect(progressTable.code == 0 && progressTable.stdout.contains("CONNECTED") && progressTable.stdout.contains("DONE"))
        }
    }

    @Test("campaign progress without ids covers exactly the Active and Paused campaigns")
    func progressOfRunningCampaigns() async throws {
        try await withCLI(configure: { $0.maxSeededListContacts = 2_000 }) { cli in
            let all = try await Self.campaigns(cli)
            let ready = try #require(Self.first(all, status: "Ready", type: "sms", mode: nil))
            #expect(try await cli.run(["campaign", "start", ready.id!]).code == 0)
            let after = try await Self.campaigns(cli)
            let running = Self.ids(after, statuses: ["Active", "Paused"])
            let progress = try await cli.run(["campaign", "progress", "-o", "json"])
            #expect(progress.code == 0, "\(progress.stderr)")
            let ids = try #require(JSONValue.parse(progress.stdout).arrayValue).compactMap { $0.objectValue?["id"]?.stringValue }
            #expect(Set(ids) == running)
            #expect(ids.contains(ready.id!))
        }
    }

    @Test("clone copies the full record under a new name; schedule enable and disable find it by a name with + and &")
    func cloneAndSchedule() async throws {
        try await withCLI(configure: { $0.maxSeededListContacts = 2_000 }) { cli in
            let all = try await Self.campaigns(cli)
            let original = try #require(Self.first(all, status: nil, type: "voice", mode: "Progressive"))
            let fullOriginal = try Campaign(json: JSONValue.parse(await cli.run(["campaign", "get", original.id!, "-o", "json"]).stdout))
            let name = "Renewals + Upsell & More"
            let clone = try await cli.run(["campaign", "clone", original.id!, "--name", name])
            #expect(clone.code == 0, "\(clone.all)")
            let newId = try #require(clone.stdout.split(separator: "(").dropFirst().first?.split(separator: ")").first.map(String.init))
            #expect(newId != original.id && newId.hasPrefix("cd-"))
            let copy = try Campaign(json: JSONValue.parse(await cli.run(["campaign", "get", newId, "-o", "json"]).stdout))
            #expect(copy.name == name)
            #expect(copy.contactLists == fullOriginal.contactLists && copy.dialingMode == fullOriginal.dialingMode)
            #expect(copy.dialingStrategy?.callingHours == fullOriginal.dialingStrategy?.callingHours)

            let sameName = try await cli.run(["campaign", "clone", original.id!, "--name", original.name])
            #expect(sameName.code == 1 && sameName.stderr.contains("different"))

            let noSchedule = try await cli.run(["campaign", "schedule", "enable", newId])
            #expect(noSchedule.code == 1 && noSchedule.stderr.contains("--start"), "\(noSchedule.all)")
            let enable = try await cli.run(["campaign", "schedule", "enable", newId, "--start", "2030-01-01 09:00:00",
                                            "--end", "2030-03-01 09:00:00", "--days", "Mon,Wed"])
            #expect(enable.code == 0 && enable.stdout.contains("Campaign \(name) scheduled successfully"), "\(enable.all)")
            let scheduled = try Campaign(json: JSONValue.parse(await cli.run(["campaign", "get", newId, "-o", "json"]).stdout))
            #expect(scheduled.schedule?.isSchedulingEnabled == true)
            let badDays = try await cli.run(["campaign", "schedule", "enable", newId, "--start", "2030-01-01 09:00:00",
                                             "--end", "2030-03-01 09:00:00", "--days", "Funday"])
            #expect(badDays.code == 1 && badDays.stderr.contains("whichDays"))
            let disable = try await cli.run(["campaign", "schedule", "disable", newId])
            #expect(disable.code == 0 && disable.stdout.contains("disabled"), "\(disable.all)")
            let unscheduled = try Campaign(json: JSONValue.parse(await cli.run(["campaign", "get", newId, "-o", "json"]).stdout))
            #expect(unscheduled.schedule?.isSchedulingEnabled == false)

            let agentless = try #require(Self.first(all, status: nil, type: "voice", mode: "Agentless"))
            let withoutFlow = try await cli.run(["campaign", "clone", agentless.id!, "--name", "Agentless copy"])
            #expect(withoutFlow.code == 1 && withoutFlow.stderr.contains("only by id"), "\(withoutFlow.all)")
            let withFlow = try await cli.run(["campaign", "clone", agentless.id!, "--name", "Agentless copy",
                                              "--experience-flow", "Payment Reminder IVR"])
            #expect(withFlow.code == 0 && withFlow.stdout.contains("Created Agentless copy"), "\(withFlow.all)")
        }
    }

    @Test("contact-list import: every bad row reported by line and nothing sent; dry run; batches; the numbers arrive")
    func importCSV() async throws {
        try await withCLI(configure: { $0.maxSeededListContacts = 2_000 }) { cli in
            let list = try await Self.client(cli).createContactList(name: "Import Target", description: nil, allowDuplicates: false)
            let id = try #require(list.id)
            let bad = try cli.file("bad.csv", "name,Phone\nA,+15550000001\nB,555-0100\nC,\nD,15550000001\nE,+15550000002\n")
            let refused = try await cli.run(["contact-list", "import", id, bad])
            #expect(refused.code == 1, "\(refused.all)")
            #expect(refused.stderr.contains("3 bad rows; nothing was sent"))
            #expect(refused.stderr.contains("line 3:") && refused.stderr.contains("line 4:") && refused.stderr.contains("line 5:"))
            #expect(!refused.stderr.contains("line 2:") && !refused.stderr.contains("line 6:"))

            let numbers = (0..<2_500).map { "+1555\(String(format: "%07d", $0))" }
            let good = try cli.file("good.csv", "phoneNumber\n" + numbers.joined(separator: "\n") + "\n")
            let dry = try await cli.run(["contact-list", "import", "import target", good, "--dry-run"])
            #expect(dry.code == 0 && dry.stdout.contains("would add 2500 numbers to Import Target (\(id)) in 3 batches"), "\(dry.all)")
            let none = try await cli.run(["contact-list", "contacts", id, "-o", "json"])
            let noneCount = try JSONValue.parse(none.stdout).arrayValue?.count
            #expect(none.code == 0 && noneCount == 0, "\(none.all)")

            let run = try await cli.run(["contact-list", "import", "Import Target", good])
            #expect(run.code == 0, "\(run.all)")
            #expect(run.stdout.contains("queued 1000/2500") && run.stdout.contains("queued 2500/2500"))
            // The platform adds them in the background; the sandbox after its import delay.
            var count = 0
            for _ in 0..<40 where count < numbers.count {
                let listed = try await cli.run(["contact-list", "contacts", id, "-o", "json"])
                count = try JSONValue.parse(listed.stdout).arrayValue?.count ?? 0
                if count < numbers.count { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(count == numbers.count)
            let table = try await cli.run(["contact-list", "contacts", id])
            #expect(table.stdout.contains("+15550000000") && table.stdout.contains("2500 numbers"))

            let again = try await cli.run(["contact-list", "import", id, try cli.file("dup.csv", "15550000009\n15550000009\n")])
            #expect(again.code == 1 && again.stderr.contains("line 2:") && again.stderr.contains("repeats line 1"))
            let unknown = try await cli.run(["contact-list", "import", "No Such List", good])
            #expect(unknown.code == 1 && unknown.stderr.contains("no contact list"))
        }
    }

    @Test("contact-list update changes only what is given; delete refuses a list in use, naming its campaigns")
    func updateAndDelete() async throws {
        try await withCLI(configure: { $0.maxSeededListContacts = 2_000 }) { cli in
            let created = try await Self.client(cli).createContactList(name: "Scratch", description: "d", allowDuplicates: false)
            let id = try #require(created.id)
            let update = try await cli.run(["contact-list", "update", id, "--name", "Scratch 2", "--allow-duplicates", "true", "-o", "json"])
            #expect(update.code == 0, "\(update.all)")
            let got = try ContactList(json: JSONValue.parse(await cli.run(["contact-list", "get", id, "-o", "json"]).stdout))
            #expect(got.name == "Scratch 2" && got.allowDuplicates == true && got.description == "d")
            let nothing = try await cli.run(["contact-list", "update", id])
            #expect(nothing.code == 1 && nothing.stderr.contains("nothing to change"))
            let tooLong = try await cli.run(["contact-list", "update", id, "--name", String(repeating: "n", count: 49)])
            #expect(tooLong.code == 1 && tooLong.stderr.contains("48"))

            let lists = try #require(JSONValue.parse(await cli.run(["contact-list", "list", "-o", "json"]).stdout).arrayValue)
                .map { try ContactList(json: $0) }
            let used = try #require(lists.first { $0.isInUse && !$0.campaignsInUse.isEmpty })
            let refused = try await cli.run(["contact-list", "delete", used.id!, "--yes"])
            #expect(refused.code == 1 && refused.stderr.contains("in use"), "\(refused.all)")
            #expect(refused.stderr.contains(used.campaignsInUse[0]))
            #expect(try await cli.run(["contact-list", "get", used.id!]).code == 0, "still there")

            let noTerminal = try await cli.run(["contact-list", "delete", id])
            #expect(noTerminal.code == 1 && noTerminal.stderr.contains("--yes"))
            let deleted = try await cli.run(["contact-list", "delete", id, "--yes"])
            #expect(deleted.code == 0 && deleted.stdout.contains("Deleted Scratch 2"), "\(deleted.all)")
            #expect(try await cli.run(["contact-list", "get", id]).code == 1)
        }
    }
}
