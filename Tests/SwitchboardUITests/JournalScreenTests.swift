@testable import CampaignAPI
import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// `:audit` and `:snapshots`: opening them, what the reads found, scrolling, Enter, Esc.
@Suite("Journal screens: :audit and :snapshots")
struct JournalScreenTests {
    static func state() -> AppState { CancellationTests.state() }

    static func palette(_ state: inout AppState, _ text: String) -> [Effect] {
        UpdateTests.press(&state, .character(":")) + text.flatMap { UpdateTests.press(&state, .character($0)) }
            + UpdateTests.press(&state, .enter)
    }

    static func entry(_ minute: Int, operation: String = "update", name: String = "Spring Sale", succeeded: Bool = true) -> AuditEntry {
        var entry = AuditEntry(time: UpdateTests.now.addingTimeInterval(Double(minute) * 60), profile: "prod", host: "https://x",
                               operation: operation, succeeded: succeeded, durationMs: 12)
        entry.campaignId = "cd-\(minute)"
        entry.campaignName = name
        entry.status = succeeded ? 200 : 409
        entry.changes = [AuditChange(field: "priority", before: "\"3\"", after: "\"5\"")]
        return entry
    }

    static func snapshot(_ minute: Int, name: String, reason: String = "delete", profile: String = "prod") -> StoredSnapshot {
        let taken = UpdateTests.now.addingTimeInterval(Double(minute) * 60)
        return StoredSnapshot(name: "snap-\(minute).json", bytes: 10, snapshot: CampaignSnapshot(
            takenAt: taken, profile: profile, host: "https://x", reason: reason, campaignId: "cd-\(minute)", campaignName: name,
            record: ["_id": .string("cd-\(minute)"), "name": .string(name)]))
    }

    static func screenText(_ state: AppState) -> String { AppView.render(state, size: state.size).lines.joined(separator: "\n") }

    @Test(":audit opens the audit screen and asks the runner to read the log; Esc goes back to the list, never quits")
    func openAudit() {
        var state = Self.state()
        #expect(Self.palette(&state, "audit") == [.loadAudit])
        #expect(state.stack == [.campaigns, .audit])
        #expect(state.audit.loading)
        #expect(Self.screenText(state).contains("Reading the audit log…"))
        #expect(UpdateTests.press(&state, .escape) == [])
        #expect(state.stack == [.campaigns])
    }

    @Test("the audit log shows newest first: time, operation, result, campaign, changes; a failure shows its status")
    func auditLoaded() {
        var state = Self.state()
        _ = Self.palette(&state, "audit")
        _ = AppUpdate.reduce(&state, .auditLoaded(.read(entries: [Self.entry(1, operation: "delete", name: "Old One"),
                                                                   Self.entry(2, name: "New One", succeeded: false)],
                                                         path: "/s/audit.jsonl", exists: true, unreadable: 0)))
        #expect(!state.audit.loading && state.audit.message == nil)
        #expect(state.audit.entries.map(\.campaignName) == ["New One", "Old One"])
        let lines = AppView.render(state, size: state.size).lines
        let newer = try? #require(lines.firstIndex { $0.contains("New One (cd-2)") })
        let older = try? #require(lines.firstIndex { $0.contains("Old One (cd-1)") })
        #expect(newer != nil && older != nil && newer! < older!)
        #expect(lines.contains { $0.contains("2025-12-03 15:32") && $0.contains("FAILED 409") && $0.contains("priority: \"3\" → \"5\"") })
        #expect(lines.contains { $0.contains("delete") && $0.contains("ok 200") })
    }

    @Test("no audit file yet, and the demo without a journal, say so plainly")
    func auditEmpty() {
        var state = Self.state()
        _ = Self.palette(&state, "audit")
        _ = AppUpdate.reduce(&state, .auditLoaded(.read(entries: [], path: "/s/audit.jsonl", exists: false, unreadable: 0)))
        #expect(state.audit.message == "no audit log yet at /s/audit.jsonl")
        #expect(Self.screenText(state).contains("no audit log yet at /s/audit.jsonl"))
        _ = AppUpdate.reduce(&state, .auditLoaded(.noJournal))
        #expect(Self.screenText(state).contains("the demo keeps no audit log"))
        #expect(state.stack == [.campaigns, .audit])
    }

    @Test("j, G, g and PgUp scroll the audit log within its entries")
    func auditScroll() {
        var state = Self.state()
        _ = Self.palette(&state, "audit")
        _ = AppUpdate.reduce(&state, .auditLoaded(.read(entries: (0..<100).map { Self.entry($0) }, path: "/s/a", exists: true,
                                                         unreadable: 0)))
        let limit = ScrollLimit.audit(state)
        #expect(limit == 100 - JournalText.tableRows(ScreenLayout(state).body) && limit > 0)
        UpdateTests.press(&state, .character("j"), .character("j"))
        #expect(state.audit.scroll == 2)
        UpdateTests.press(&state, .character("G"), .character("j"))
        #expect(state.audit.scroll == limit)
        UpdateTests.press(&state, .pageUp, .character("g"))
        #expect(state.audit.scroll == 0)
    }

    @Test(":snapshots lists newest first; Enter shows the JSON, j scrolls it; Esc back to the snapshots, then the list")
    func snapshots() {
        var state = Self.state()
        #expect(Self.palette(&state, "snapshots") == [.loadSnapshots])
        #expect(state.stack == [.campaigns, .snapshots])
        _ = AppUpdate.reduce(&state, .snapshotsLoaded(.read(snapshots: [Self.snapshot(1, name: "Old One"),
                                                                        Self.snapshot(2, name: "New One", reason: "update")],
                                                             directory: "/s/snapshots", unreadable: 0)))
        #expect(state.snapshots.snapshots.map(\.snapshot.campaignName) == ["New One", "Old One"])
        let lines = AppView.render(state, size: state.size).lines
        #expect(lines.contains { $0.contains("2025-12-03 15:32") && $0.contains("update") && $0.contains("New One")
            && $0.contains("cd-2") && $0.contains("prod") })
        UpdateTests.press(&state, .character("j"), .enter)
        #expect(state.stack == [.campaigns, .snapshots, .snapshot(name: "snap-1.json")])
        #expect(Self.screenText(state).contains("\"campaignName\": \"Old One\""))
        let limit = ScrollLimit.snapshotText(state)
        UpdateTests.press(&state, .character("G"))
        #expect(state.snapshots.textScroll == limit)
        UpdateTests.press(&state, .escape)
        #expect(state.stack == [.campaigns, .snapshots] && state.snapshots.selected == 1)
        UpdateTests.press(&state, .escape)
        #expect(state.stack == [.campaigns])
    }

    @Test("no snapshots, and the demo without a journal, say so plainly; Enter on none does nothing")
    func snapshotsEmpty() {
        var state = Self.state()
        _ = Self.palette(&state, "snapshots")
        _ = AppUpdate.reduce(&state, .snapshotsLoaded(.read(snapshots: [], directory: "/s/snapshots", unreadable: 0)))
        #expect(Self.screenText(state).contains("no snapshots in /s/snapshots"))
        UpdateTests.press(&state, .enter)
        #expect(state.stack == [.campaigns, .snapshots])
        _ = AppUpdate.reduce(&state, .snapshotsLoaded(.noJournal))
        #expect(Self.screenText(state).contains("the demo keeps no snapshots"))
    }

    @Test("the palette completes :au and :sn, and help lists both commands")
    func paletteAndHelp() {
        #expect(PaletteCommand.completions("au") == [.audit])
        #expect(PaletteCommand.completions("sn") == [.snapshots])
        var state = Self.state()
        UpdateTests.press(&state, .character(":"), .character("s"), .character("n"), .tab)
        #expect(state.input == .palette("snapshots"))
        let help = HelpText.lines().map { $0.spans.map(\.0).joined() }
        #expect(help.contains { $0.contains(":audit") } && help.contains { $0.contains(":snapshots") })
    }

    @Test("the runner reads the journal's files: two snapshots and an audit file written with the Journal API are listed")
    func runnerReadsFiles() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ui-journal-screens-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = SnapshotStore(directory: root.appendingPathComponent("snapshots"))
        let log = AuditLog(url: root.appendingPathComponent("audit.jsonl"))
        let now = Date()
        for (index, name) in ["First Campaign", "Second Campaign"].enumerated() {
            let taken = now.addingTimeInterval(Double(index - 2) * 60)
            try store.write(CampaignSnapshot(takenAt: taken, profile: "prod", host: "https://x", reason: "delete",
                                             campaignId: "cd-\(index)", campaignName: name,
                                             record: ["_id": .string("cd-\(index)"), "name": .string(name)]), now: now)
            var entry = AuditEntry(time: taken, profile: "prod", host: "https://x", operation: "delete", succeeded: true)
            entry.campaignName = name
            try log.append(entry)
        }
        var service = CampaignService()
        service.journal = JournalAccess(auditLog: log, snapshots: store)
        let runner = EffectRunner(service: service)
        let answers = Locked<[Action]>([])
        await runner.run(.loadSnapshots) { action in answers.withLock { $0.append(action) } }
        await runner.run(.loadAudit) { action in answers.withLock { $0.append(action) } }
        var state = Self.state()
        _ = Self.palette(&state, "snapshots")
        for action in answers.withLock({ $0 }) { _ = AppUpdate.reduce(&state, action) }
        #expect(state.snapshots.snapshots.map(\.snapshot.campaignName) == ["Second Campaign", "First Campaign"])
        #expect(state.audit.entries.map(\.campaignName) == ["Second Campaign", "First Campaign"])
        #expect(Self.screenText(state).contains("Second Campaign"))

        let missing = EffectRunner(service: {
            var service = CampaignService()
            service.journal = JournalAccess(auditLog: AuditLog(url: root.appendingPathComponent("none/audit.jsonl")), snapshots: store)
            return service
        }())
        let none = Locked<[Action]>([])
        await missing.run(.loadAudit) { action in none.withLock { $0.append(action) } }
        #expect(none.withLock { $0 } == [.auditLoaded(.read(entries: [], path: root.appendingPathComponent("none/audit.jsonl").path,
                                                             exists: false, unreadable: 0))])
        let demo = Locked<[Action]>([])
        await EffectRunner(service: CampaignService()).run(.loadSnapshots) { action in demo.withLock { $0.append(action) } }
        #expect(demo.withLock { $0 } == [.snapshotsLoaded(.noJournal)])
    }

    // MARK: Restore

    static func restoreState(_ snapshots: [StoredSnapshot], readOnly: Bool = false) -> AppState {
        var state = Self.state()
        state.readOnly = readOnly
        _ = Self.palette(&state, "snapshots")
        _ = AppUpdate.reduce(&state, .snapshotsLoaded(.read(snapshots: snapshots, directory: "/s/snapshots", unreadable: 0)))
        return state
    }

    static func campaign(_ name: String, priority: Int) -> Campaign {
        var campaign = Campaign(type: .sms, name: name, contactLists: ["List"])
        campaign.id = "cd-1"
        campaign.priority = priority
        campaign.updatedAt = "2025-12-03T15:00:00.000Z"
        return campaign
    }

    static func dialogText(_ state: AppState) -> String {
        guard let dialog = state.dialog else { return "" }
        return DialogText.body(dialog, state: state, width: 400).map(\.0).joined(separator: "\n")
    }

    @Test("r on a snapshot asks the runner what restoring it would do; --readonly and another profile's snapshot are refused")
    func restoreAsks() {
        let stored = Self.snapshot(1, name: "Gone", profile: "test")
        var state = Self.restoreState([stored])
        #expect(UpdateTests.press(&state, .character("r")) == [.planRestore(stored)])
        #expect(state.notice == "checking “Gone” on the server…")
        var readOnly = Self.restoreState([stored], readOnly: true)
        #expect(UpdateTests.press(&readOnly, .character("r")) == [])
        #expect(readOnly.notice?.hasPrefix("read-only") == true)
        var other = Self.restoreState([Self.snapshot(1, name: "Gone", profile: "prod")])
        #expect(UpdateTests.press(&other, .character("r")) == [])
        #expect(other.lastError == "snap-1.json was taken on profile prod; this is profile test: restore it there")
    }

    @Test("a deleted campaign: the confirmation says it is re-created under a NEW id; Cancel is focused and Enter on it writes nothing")
    func restoreRecreateDialog() {
        let stored = Self.snapshot(1, name: "Gone", profile: "test")
        var state = Self.restoreState([stored])
        let proposal = RestoreProposal(snapshotName: stored.name, campaignName: "Gone", campaignId: "cd-1",
                                       takenAt: stored.snapshot.takenAt, plan: .recreate(Self.campaign("Gone", priority: 3)))
        _ = AppUpdate.reduce(&state, .restorePlanned(stored.name, .success(proposal)))
        let dialog = try? #require(state.dialog)
        #expect(dialog?.buttons == ["Cancel", "Restore"] && dialog?.focus == 0)
        #expect(Self.dialogText(state).contains("Re-create Gone from this snapshot: the platform gives it a NEW id"))
        #expect(UpdateTests.press(&state, .enter) == [])
        #expect(state.dialog == nil)
    }

    @Test("an existing campaign: the confirmation says its values are put back through the safe save, with the field diff; Restore runs it")
    func restoreUpdateDialog() {
        let stored = Self.snapshot(1, name: "Kept", profile: "test")
        var state = Self.restoreState([stored])
        let current = Self.campaign("Kept", priority: 5)
        let restored = Self.campaign("Kept", priority: 3)
        let changes = CampaignDiff.changes(from: current, to: restored)
        #expect(!changes.isEmpty)
        let proposal = RestoreProposal(snapshotName: stored.name, campaignName: "Kept", campaignId: "cd-1",
                                       takenAt: stored.snapshot.takenAt, plan: .update(current: current, restored: restored, changes: changes))
        _ = AppUpdate.reduce(&state, .restorePlanned(stored.name, .success(proposal)))
        #expect(state.dialog?.focus == 0)
        let text = Self.dialogText(state)
        #expect(text.contains("Put Kept's values back (safe save: refused if it changed on the server since):"))
        #expect(text.contains(changes[0].description))
        #expect(UpdateTests.press(&state, .tab, .enter) == [.restore(proposal)])
        #expect(state.notice == "restoring “Kept”…")
        let effects = AppUpdate.reduce(&state, .restoreFinished(proposal, .success(.updated)))
        #expect(effects.contains(.loadSnapshots))
        #expect(state.notice == "restored “Kept” (cd-1) to the snapshot of 2025-12-03 15:31 UTC")
        _ = AppUpdate.reduce(&state, .restoreFinished(Self.recreated(stored), .success(.recreated(newId: "cd-9"))))
        #expect(state.notice == "restored “Gone”: re-created as cd-9 (the platform gives a new id; cd-1 is gone)")
        _ = AppUpdate.reduce(&state, .restoreFinished(proposal, .failure(UIError("Kept changed on the server"))))
        #expect(state.lastError == "restore of “Kept” failed: Kept changed on the server")
    }

    static func recreated(_ stored: StoredSnapshot) -> RestoreProposal {
        RestoreProposal(snapshotName: stored.name, campaignName: "Gone", campaignId: "cd-1", takenAt: stored.snapshot.takenAt,
                        plan: .recreate(Self.campaign("Gone", priority: 3)))
    }

    @Test("a snapshot that already matches opens no dialog; a plan that fails says why in the status bar")
    func restoreUnchangedOrFailed() {
        let stored = Self.snapshot(1, name: "Same", profile: "test")
        var state = Self.restoreState([stored])
        _ = AppUpdate.reduce(&state, .restorePlanned(stored.name, .success(RestoreProposal(
            snapshotName: stored.name, campaignName: "Same", campaignId: "cd-1", takenAt: stored.snapshot.takenAt, plan: .unchanged))))
        #expect(state.dialog == nil && state.notice == "“Same” already holds the snapshot's values; nothing to restore")
        _ = AppUpdate.reduce(&state, .restorePlanned(stored.name, .failure(UIError("no connection"))))
        #expect(state.lastError == "cannot restore snap-1.json: no connection")
    }
}
