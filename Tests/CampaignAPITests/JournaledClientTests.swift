import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import Synchronization
import Testing

/// A journal in a temporary directory, and what it reported.
struct TestJournal: Sendable {
    let root: URL
    let log: AuditLog
    let snapshots: SnapshotStore
    let collected = ReportCollector()

    init(root: URL? = nil) throws {
        let root = try root ?? journalTemporaryDirectory()
        self.root = root
        log = AuditLog(url: root.appendingPathComponent("switchboard/audit.jsonl"))
        snapshots = SnapshotStore(directory: root.appendingPathComponent("switchboard/snapshots"))
    }

    var journal: WriteJournal {
        let collected = collected
        return WriteJournal.files(log: log, snapshots: snapshots, report: { message in collected.lines.withLock { $0.append(message) } })
    }

    var options: ClientOptions {
        var options = ClientHarness.fastRetries()
        options.journal = journal
        return options
    }

    var entries: [AuditEntry] { log.entries().entries }
    var text: String {
        ([log.url] + (1...3).map(log.rotated)).compactMap { try? String(contentsOf: $0, encoding: .utf8) }.joined()
    }
}

/// What a journal reported.
final class ReportCollector: Sendable {
    let lines = Mutex<[String]>([])
}

/// Waits until the sandbox's new campaign may start.
func waitUntilReady(_ client: CampaignClient, _ id: String) async throws {
    let deadline = Date().addingTimeInterval(10)
    while try await client.status(id).status != .ready, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
}

@Suite("Journaled writes against the sandbox")
struct JournaledClientTests {
    @Test("every kind of write appends one line: who, where, what, which campaign, the fields changed, status, message, duration")
    func everyWrite() async throws {
        let journal = try TestJournal()
        try await withClient(seed: 12, configure: { $0.preparingDelay = .milliseconds(20); $0.importDelay = .zero },
                             options: journal.options) { harness in
            let client = harness.client
            var voice = try await client.create(Make.voice("Journal voice"))
            let id = try #require(voice.id)
            voice.priority = 2
            voice.description = "after the edit"
            voice = try await client.update(voice)
            try await waitUntilReady(client, id)
            _ = try await client.start(id, type: .voice)
            _ = try await client.stop(id, type: .voice)
            let schedule = RecurringSchedule(startDateTime: "2030-01-01 09:00:00", endDateTime: "2030-02-01 09:00:00",
                                             recurrence: .daily(everyNDays: 2))
            _ = try await client.enableSchedule(campaignName: "Journal voice", schedule)
            _ = try await client.disableSchedule(campaignName: "Journal voice")
            let copy = try await client.clone(id, newName: "Journal voice copy")
            try await client.delete(id, type: .voice)
            let list = try await client.createContactList(name: "Journal list", description: "d", allowDuplicates: false)
            let listId = try #require(list.id)
            _ = try await client.importContacts(listName: "Journal list", phoneNumbers: ["+15550000001", "+15550000002"])
            _ = try await client.updateContactList(listId, name: "Journal list 2", description: nil, allowDuplicates: nil)
            try await client.deleteContactList(listId)

            let entries = journal.entries
            #expect(entries.map(\.operation) == [
                "create", "update", "start", "stop", "schedule-enable", "schedule-disable", "clone", "delete",
                "contact-list-create", "contact-list-import", "contact-list-update", "contact-list-delete",
            ])
            #expect(entries.allSatisfy { $0.succeeded && $0.status.map((200..<300).contains) == true && $0.profile == "sandbox" })
            #expect(entries.allSatisfy { $0.host == harness.sandbox.baseURL.absoluteString && $0.durationMs >= 0 })
            #expect(entries.allSatisfy { abs($0.time.timeIntervalSinceNow) < 120 })
            let byOperation = Dictionary(entries.map { ($0.operation, $0) }, uniquingKeysWith: { first, _ in first })
            for operation in ["create", "update", "start", "stop", "delete", "schedule-enable", "schedule-disable"] {
                #expect(byOperation[operation]?.campaignId == id, "\(operation)")
                #expect(byOperation[operation]?.campaignName == "Journal voice", "\(operation)")
            }
            let update = try #require(byOperation["update"])
            #expect(update.changes.contains(AuditChange(field: "priority", before: "\"4\"", after: "\"2\"")), "\(update.changes)")
            #expect(update.changes.contains { $0.field == "description" && $0.after == "\"after the edit\"" })
            #expect(byOperation["schedule-enable"]?.changes.contains { $0.field == "schedule.startDateTime" } == true)
            #expect(byOperation["schedule-enable"]?.message == "Campaign Journal voice scheduled successfully")
            #expect(byOperation["clone"]?.campaignId == copy.id && byOperation["clone"]?.detail == "from \(id)")
            #expect(byOperation["clone"]?.campaignName == "Journal voice copy")
            #expect(byOperation["contact-list-create"]?.contactListId == listId)
            #expect(byOperation["contact-list-import"]?.contactListName == "Journal list")
            #expect(byOperation["contact-list-import"]?.detail == "2 numbers")
            #expect(byOperation["contact-list-update"]?.changes == [AuditChange(field: "name", before: "\"Journal list\"", after: "\"Journal list 2\"")])
            #expect(byOperation["contact-list-delete"]?.contactListName == "Journal list 2")
            // Update, stop and delete each wrote a snapshot first, and the line names it.
            let snapshots = journal.snapshots.list().snapshots
            #expect(snapshots.map(\.snapshot.reason) == ["update", "stop", "delete"])
            #expect(["update", "stop", "delete"].map { byOperation[$0]?.snapshot } == snapshots.map(\.name))
            #expect(snapshots[0].snapshot.record.objectValue?["priority"] != nil)
            #expect(snapshots.allSatisfy { $0.snapshot.campaignId == id && $0.snapshot.profile == "sandbox" })
            #expect(journal.collected.lines.withLock { $0 }.isEmpty)
        }
    }

    @Test("a failed write is recorded too: the status, the server's message or the client's error")
    func failures() async throws {
        let journal = try TestJournal()
        var options = journal.options
        options.maxAttempts = 1
        try await withClient(seed: 4, options: options) { harness in
            let client = harness.client
            await #expect(throws: APIError.self) { try await client.delete("cd-00000000-missing", type: .sms) }
            harness.sandbox.failNextRequests(1)
            await #expect(throws: APIError.self) { try await client.create(Make.sms("Doomed")) }
            var invalid = Make.sms("Invalid")
            invalid.priority = 9
            await #expect(throws: APIError.self) { try await client.create(invalid) }
            await #expect(throws: APIError.self) { try await client.start("cd-00000000-missing", type: .sms) }

            let entries = journal.entries
            #expect(entries.map(\.operation) == ["delete", "create", "create", "start"])
            #expect(entries.allSatisfy { !$0.succeeded && $0.error != nil })
            #expect(entries.map(\.status) == [404, 500, 400, 404])
            #expect(entries[0].campaignId == "cd-00000000-missing" && entries[0].snapshot == nil)
            #expect(entries[1].campaignName == "Doomed" && entries[1].message?.contains("Injected failure") == true)
            #expect(entries[2].message != nil)
        }
        let unreachable = try TestJournal()
        let profile = APIProfile(name: "gone", host: URL(string: "http://127.0.0.1:9")!, streamId: "st-1", accountId: "a",
                                 auth: .fixed(Secret("eyJhbGciOiJIUzI1NiJ9.eyJhcHBJZCI6ImNzLTEifQ.c2lnbmF0dXJl")))
        var unreachableOptions = unreachable.options
        unreachableOptions.maxAttempts = 1
        let client = try CampaignClient(profile: profile, options: unreachableOptions)
        await #expect(throws: APIError.self) { try await client.create(Make.sms("Nowhere")) }
        let entry = try #require(unreachable.entries.first)
        #expect(!entry.succeeded && entry.status == nil && entry.error?.contains("cannot reach") == true)
    }

    @Test("no secret and no token in any line, even when a field holds one")
    func noSecrets() async throws {
        let secret = "journal-test-secret-0123456789-abcdefghij-XYZ"
        let jwtLike = "eyJhbGciOiJIUzI1NiJ9.eyJhcHBJZCI6ImNzLWxlYWsifQ.bGVha2VkLXNpZ25hdHVyZQ"
        let journal = try TestJournal()
        try await withClient(seed: 4, configure: {
            $0.credentials.clientSecret = secret
            $0.preparingDelay = .milliseconds(20)
            $0.importDelay = .zero
        }, options: journal.options) { harness in
            let client = harness.client
            var campaign = try await client.create(Make.sms("Secretive"))
            let id = try #require(campaign.id)
            campaign.description = "pasted by mistake: \(secret) and \(jwtLike)"
            campaign = try await client.update(campaign)
            try await waitUntilReady(client, id)
            _ = try? await client.start(id, type: .sms)
            _ = try? await client.stop(id, type: .sms)
            let list = try await client.createContactList(name: "List \(jwtLike)", description: secret, allowDuplicates: false)
            _ = try await client.updateContactList(list.id!, name: nil, description: "again \(secret)", allowDuplicates: nil)
            _ = try await client.importContacts(listName: "List \(jwtLike)", phoneNumbers: ["+15550000003"])
            try await client.deleteContactList(list.id!)
            _ = try await client.clone(id, newName: "Secretive copy")
            try await client.delete(id, type: .sms)
            await #expect(throws: APIError.self) { try await client.delete(id, type: .sms) }
        }
        let text = journal.text
        #expect(journal.entries.count >= 10)
        #expect(!text.contains(secret))
        #expect(!text.contains(jwtLike))
        #expect(text.range(of: #"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\."#, options: .regularExpression) == nil)
        #expect(text.contains("[redacted]") && text.contains("[redacted-jwt]"))
    }

    @Test("a journal that cannot write never stops the write: the failure is reported and the change is made")
    func journalFailureDoesNotBlock() async throws {
        let root = try journalTemporaryDirectory()
        // A file where the state directory should be: nothing can be created under it.
        FileManager.default.createFile(atPath: root.appendingPathComponent("switchboard").path, contents: Data("x".utf8))
        let journal = try TestJournal(root: root)
        try await withClient(seed: 4, options: journal.options) { harness in
            let client = harness.client
            var campaign = try await client.create(Make.sms("Unjournaled"))
            campaign.priority = 1
            let updated = try await client.update(campaign)
            #expect(updated.priority == 1)
            try await client.delete(campaign.id!, type: .sms)
            await #expect(throws: APIError.self) { try await client.get(campaign.id!) }
        }
        let reports = journal.collected.lines.withLock { $0 }
        #expect(reports.filter { $0.hasPrefix("audit log not written") }.count == 3, "\(reports)")
        #expect(reports.filter { $0.hasPrefix("snapshot of Unjournaled") }.count == 2, "\(reports)")
        #expect(reports.allSatisfy { $0.contains("switchboard") })
    }

    @Test("snapshot → delete → restore: created again with a new id and otherwise the same values")
    func deleteThenRestore() async throws {
        let journal = try TestJournal()
        try await withClient(seed: 4, options: journal.options) { harness in
            let client = harness.client
            let original = try await client.create(Make.voice("Restore me"))
            let oldId = try #require(original.id)
            let before = try await client.get(oldId)
            try await client.delete(oldId, type: .voice)
            let stored = try #require(journal.snapshots.list().snapshots.last)
            #expect(stored.snapshot.reason == "delete" && stored.snapshot.campaignId == oldId)

            let plan = try await client.restorePlan(stored.snapshot)
            guard case .recreate = plan else { Issue.record("expected a re-create, got \(plan)"); return }
            let outcome = try await client.restore(plan, oldId: oldId, snapshotName: stored.name)
            guard case .recreated(let created, let reportedOld) = outcome else { Issue.record("\(outcome)"); return }
            let newId = try #require(created.id)
            #expect(newId != oldId && reportedOld == oldId)
            let after = try await client.get(newId)
            #expect(CampaignDiff.changes(from: before, to: after).isEmpty, "\(CampaignDiff.changes(from: before, to: after))")
            let last = try #require(journal.entries.last)
            #expect(last.operation == "restore" && last.campaignId == newId && last.detail == "snapshot \(stored.name)")
        }
    }

    @Test("snapshot → edit → restore: the values come back through the updatedAt check; a change in between stops it")
    func editThenRestore() async throws {
        let journal = try TestJournal()
        try await withClient(seed: 4, options: journal.options) { harness in
            let client = harness.client
            let original = try await client.get(try #require(try await client.create(Make.sms("Edit me")).id))
            let id = try #require(original.id)
            var edited = original
            edited.priority = 1
            edited.description = "edited"
            edited.dialingStrategy?.callingHours?.timezone = "Europe/Paris"
            _ = try await client.update(edited)
            let stored = try #require(journal.snapshots.list().snapshots.last)
            #expect(stored.snapshot.reason == "update")

            let plan = try await client.restorePlan(stored.snapshot)
            guard case .update(_, _, let changes) = plan else { Issue.record("expected an update, got \(plan)"); return }
            #expect(Set(changes.map(\.path)).isSuperset(of: ["priority", "description", "dialingStrategy.callingHours.timezone"]),
                    "\(changes)")
            // Someone edits after the plan: the restore refuses and writes nothing.
            var meanwhile = try await client.get(id)
            meanwhile.name = "Edit me (renamed)"
            _ = try await client.update(meanwhile)
            let conflict = await #expect(throws: APIError.self) { try await client.restore(plan, oldId: id, snapshotName: stored.name) }
            #expect(conflict?.kind == .conflict)
            #expect(try await client.get(id).name == "Edit me (renamed)")

            let again = try await client.restorePlan(stored.snapshot)
            _ = try await client.restore(again, oldId: id, snapshotName: stored.name)
            var restored = try await client.get(id)
            // The snapshot had no description; the one added since is emptied (an update cannot remove a field).
            #expect(original.description == nil && restored.description == "")
            restored.description = nil
            #expect(CampaignDiff.changes(from: original, to: restored).isEmpty, "\(CampaignDiff.changes(from: original, to: restored))")
            let finally = try await client.restorePlan(stored.snapshot)
            guard case .unchanged = finally else { Issue.record("expected nothing left to restore: \(finally)"); return }
            #expect(journal.entries.last?.operation == "restore")
            #expect(journal.entries.last?.changes.contains { $0.field == "priority" } == true)
        }
    }
}
