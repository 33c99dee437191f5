import CampaignAPI
import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// Save, conflict, delete, start/stop and draft restore as pure update sequences: every action's
/// exact change of state and exact effects, the effects run on a test service. The sandbox flows
/// (EditFlowTests, RoundTripTests) stay as the integration layer.
@Suite("Pure flows with a test service")
struct PureFlowTests {
    static let now = UpdateTests.now
    static let lists = [ContactList(id: "cl-1", name: "List 1"), ContactList(id: "cl-2", name: "List 2")]

    /// Five campaigns with their details, "Campaign 00001" (SMS, Ready) selected.
    static func loaded() -> AppState {
        var state = UpdateTests.loaded(5)
        for id in state.detailsInFlight.sorted() {
            let full = id == server.id ? server : UpdateTests.campaign(Int(id.dropFirst(3))!)
            _ = AppUpdate.reduce(&state, .detailLoaded(id: id, .success(full)))
        }
        state.list.select(id: "cd-00001")
        #expect(state.detailsInFlight.isEmpty && state.list.selectedRow?.id == "cd-00001")
        return state
    }

    /// "Campaign 00001" as the server holds it in full: a simple SMS with its message.
    static let server: Campaign = {
        var campaign = UpdateTests.campaign(1)
        campaign.message = SMSMessage(text: "Hello from the clinic")
        return campaign
    }()
    static let ref = CampaignRef(id: "cd-00001", name: "Campaign 00001", type: .sms, status: .ready)
    static let draftKey = CampaignDraft.key(profile: "test", campaignID: "cd-00001", now: now)

    /// `e`, the fetch, the form on the fetched campaign and its contact lists; then " v2" pasted
    /// into the name. Returns the form as edited.
    static func openAndEdit(_ store: TestStore) async throws -> CampaignEditor {
        store.press(.character("e"), effects: [.fetchForEdit("cd-00001")]) {
            $0.editLoading = "cd-00001"
            $0.notice = "opening the form…"
        }
        let opened = CampaignEditor(mode: .edit, base: server, variant: .smsSimple, draftKey: draftKey)
        await store.receive(.editLoaded(id: "cd-00001", .success(server)), from: .fetchForEdit("cd-00001"),
                            effects: [.loadContactLists]) {
            $0.editLoading = nil
            $0.list.setDetail(server, now: now)
            $0.editor = opened
            $0.notice = nil
            $0.stack = [.campaigns, .editor]
            $0.contactListsLoading = true
        }
        await store.receive(.contactListsLoaded(.success(lists)), from: .loadContactLists) {
            $0.contactListsLoading = false
            $0.contactLists = lists
        }
        while store.state.editor?.focusedField?.id != .name {
            try #require(store.state.editor?.focusedField != nil)
            store.press(.tab) { $0.editor?.moveFocus(by: 1) }
        }
        var edited = try #require(store.state.editor)
        let pasted = edited.paste(" v2")
        #expect(pasted)
        let draft = CampaignDraft(key: draftKey, profile: "test", mode: .edit, variant: .smsSimple, savedAt: now,
                                  base: server, working: edited.campaign)
        store.send(.input(.paste(" v2")), effects: [.writeDraft(draft)]) { $0.editor = edited }
        #expect(edited.campaign.name == "Campaign 00001 v2")
        return edited
    }

    /// Ctrl-S shows what will change; Enter on Save sends it. Returns the save asked for.
    static func review(_ store: TestStore, _ edited: CampaignEditor) throws -> SaveRequest {
        let changes = CampaignDiff.changes(from: server, to: edited.campaign)
        #expect(changes.map(\.path) == ["name"])
        store.press(.control("s")) {
            $0.dialog = Dialog(.reviewSave(changes: changes, days: []))
        }
        let request = SaveRequest(campaign: edited.campaign, mode: .edit, expectedUpdatedAt: server.updatedAt, overwrite: false)
        store.press(.enter, effects: [.save(request)]) {
            $0.dialog = nil
            $0.editor?.phase = .saving
            $0.notice = "saving…"
        }
        return request
    }

    /// What a successful save of `saved` does to the state.
    static func savedChange(_ saved: Campaign) -> (inout AppState) -> Void {
        { state in
            state.editor = nil
            state.stack = [.campaigns]
            state.list.upsert(saved, now: now)
            state.list.select(id: saved.id!)
            state.notice = "saved “\(saved.name)”"
            state.lastError = nil
        }
    }

    @Test("save: edit → review → save → the list shows the saved campaign and the draft goes")
    func save() async throws {
        let updates = Locked<[Campaign]>([])
        var saved = Self.server
        saved.name = "Campaign 00001 v2"
        saved.updatedAt = ISOTimestamp.format(Self.now)
        let answer = saved
        let store = TestStore(Self.loaded(), service: CampaignService(
            get: { _ in Self.server },
            update: { campaign in updates.withLock { $0.append(campaign) }; return answer },
            contactLists: { Self.lists }))
        let edited = try await Self.openAndEdit(store)
        let request = try Self.review(store, edited)
        await store.receive(.saveFinished(.success(saved)), from: .save(request), effects: [.removeDraft(Self.draftKey)],
                            Self.savedChange(saved))
        #expect(updates.withLock { $0 } == [edited.campaign])
        #expect(store.state.notice == "saved “Campaign 00001 v2”")
    }

    @Test("save refused: the API's data comes back, the update words it and keeps the form")
    func saveRefused() async throws {
        let refusal = APIError(kind: .server, status: 503, summary: "server error 503: try again in a moment")
        let store = TestStore(Self.loaded(), service: CampaignService(
            get: { _ in Self.server }, update: { _ in throw refusal }, contactLists: { Self.lists }))
        let edited = try await Self.openAndEdit(store)
        let request = try Self.review(store, edited)
        let failure = SaveFailure(kind: .server, description: refusal.description, retryable: true)
        let message = "not saved — server error 503: try again in a moment; your changes are kept, Ctrl-S tries again"
        await store.receive(.saveFinished(.failure(failure)), from: .save(request)) {
            $0.editor?.phase = .failed(message)
            $0.lastError = message
            $0.notice = nil
        }
    }

    @Test("a create whose answer was lost: the lookup's findings are worded by the update")
    func createLookup() async throws {
        var campaign = Campaign(type: .sms, name: "Fresh")
        campaign.format = .simple
        let request = SaveRequest(campaign: campaign, mode: .create, expectedUpdatedAt: nil, overwrite: false)
        let lost = APIError(kind: .timeout, summary: "timed out waiting for the server")
        let failure = SaveFailure(kind: .timeout, description: lost.description, retryable: true)
        let runs: [(list: [Campaign]?, lookup: CreateLookup)] = [
            ([], .notFound),
            (nil, .failed(UIError("server error 500: try again in a moment", isConnectivity: true))),
        ]
        for run in runs {
            let listed = run.list
            let runner = TestStore(Self.loaded(), service: CampaignService(
                list: { _, progress in
                    guard let listed else { throw APIError(kind: .server, status: 500, summary: "server error 500: try again in a moment") }
                    progress(listed.count, listed.count, listed)
                    return listed.count
                },
                create: { _ in throw lost }))
            #expect(await runner.run(.save(request)) == [.createLookedUp(name: "Fresh", failure: failure, run.lookup)])
        }
        var state = Self.loaded()
        state.editor = .creating(.smsSimple, timezone: "UTC", draftKey: "test-new")
        state.editor?.phase = .saving
        state.stack = [.campaigns, .editor]
        let store = TestStore(state)
        let notFound = "not saved — timed out waiting for the server; no campaign named “Fresh” exists: it was not created — Ctrl-S tries again"
        store.send(.createLookedUp(name: "Fresh", failure: failure, .notFound)) {
            $0.editor?.phase = .failed(notFound)
            $0.editor?.focus(on: .name)  // the first field with a problem: the new campaign has no name yet
            $0.lastError = notFound
        }
        let unknown = "not saved — timed out waiting for the server; whether “Fresh” was created is unknown (the list failed too: "
            + "server error 500: try again in a moment) — press r and look for it before saving again"
        store.send(.createLookedUp(name: "Fresh", failure: failure, .failed(UIError("server error 500: try again in a moment")))) {
            $0.editor?.phase = .failed(unknown)
            $0.lastError = unknown
        }
    }

    /// Opens, edits and saves while the server's copy changed meanwhile: the conflict dialog.
    static func conflicted(service: CampaignService, theirs: Campaign) async throws -> (TestStore, CampaignEditor) {
        let store = TestStore(Self.loaded(), service: service)
        let edited = try await Self.openAndEdit(store)
        let request = try Self.review(store, edited)
        await store.receive(.saveConflict(current: theirs), from: .save(request)) {
            $0.editor?.phase = .editing
            $0.notice = nil
            $0.dialog = Dialog(.conflict(current: theirs, changes: CampaignDiff.changes(from: Self.server, to: theirs)))
        }
        return (store, edited)
    }

    @Test("conflict: someone saved meanwhile → the dialog → keep mine, reload theirs, or overwrite")
    func conflict() async throws {
        var theirs = Self.server
        theirs.description = "changed by someone else"
        theirs.updatedAt = ISOTimestamp.format(Self.now.addingTimeInterval(-5))
        let current = theirs
        let gets = Locked(0)
        let updates = Locked<[Campaign]>([])
        var saved = current
        saved.name = "Campaign 00001 v2"
        saved.updatedAt = ISOTimestamp.format(Self.now)
        let answer = saved
        let service = CampaignService(
            get: { _ in
                // The form opens on the old copy; the save's check finds theirs.
                gets.withLock { $0 += 1; return $0 } == 1 ? Self.server : current
            },
            update: { campaign in updates.withLock { $0.append(campaign) }; return answer },
            contactLists: { Self.lists })

        // Keep mine: their version becomes the base, the changed fields stay.
        gets.withLock { $0 = 0 }
        var (store, edited) = try await Self.conflicted(service: service, theirs: theirs)
        var rebased = edited
        rebased.rebase(on: theirs)
        store.press(.enter) {
            $0.dialog = nil
            $0.editor = rebased
            $0.notice = "their version is the base now; your changed fields are kept — Ctrl-S saves"
        }
        #expect(store.state.editor?.campaign.description == "changed by someone else")
        #expect(store.state.editor?.campaign.name == "Campaign 00001 v2")

        // Reload theirs: the form shows their version, the draft goes.
        gets.withLock { $0 = 0 }
        (store, edited) = try await Self.conflicted(service: service, theirs: theirs)
        store.press(.tab) { $0.dialog?.focus = 1 }
        store.press(.enter, effects: [.removeDraft(Self.draftKey)]) {
            $0.dialog = nil
            $0.editor = CampaignEditor(mode: .edit, base: theirs, variant: .smsSimple, draftKey: Self.draftKey)
            $0.list.setDetail(theirs, now: Self.now)
            $0.notice = "reloaded: the form shows their version; your changes were dropped"
        }

        // Overwrite: sent without the check, as the form holds it.
        gets.withLock { $0 = 0 }
        (store, edited) = try await Self.conflicted(service: service, theirs: theirs)
        store.press(.tab) { $0.dialog?.focus = 1 }
        store.press(.tab) { $0.dialog?.focus = 2 }
        let overwrite = SaveRequest(campaign: edited.campaign, mode: .edit, expectedUpdatedAt: Self.server.updatedAt, overwrite: true)
        store.press(.enter, effects: [.save(overwrite)]) {
            $0.dialog = nil
            $0.editor?.phase = .saving
            $0.notice = "overwriting…"
        }
        let before = gets.withLock { $0 }
        await store.receive(.saveFinished(.success(saved)), from: .save(overwrite), effects: [.removeDraft(Self.draftKey)],
                            Self.savedChange(saved))
        #expect(gets.withLock { $0 } == before)  // no second look
        #expect(updates.withLock { $0 } == [edited.campaign])
    }

    @Test("delete: the name must be typed; then deleted, and the update says so")
    func delete() async throws {
        let deleted = Locked<[String]>([])
        let store = TestStore(Self.loaded(), service: CampaignService(delete: { id, type in
            #expect(type == .sms)
            deleted.withLock { $0.append(id) }
        }))
        store.press(.character("d")) { $0.dialog = Dialog(.delete(Self.ref)) }
        store.press(.tab) { $0.dialog?.focus = 1 }
        store.press(.enter) { $0.notice = "type the campaign's name exactly to enable Delete" }
        store.send(.input(.paste("Campaign 00001"))) { $0.dialog?.typed.insert("Campaign 00001") }
        store.press(.enter, effects: [.deleteCampaign(Self.ref)]) {
            $0.dialog = nil
            $0.notice = "deleting “Campaign 00001”…"
        }
        await store.receive(.deleteFinished(Self.ref, failure: nil), from: .deleteCampaign(Self.ref)) {
            $0.list.remove(id: "cd-00001", now: Self.now)
            $0.notice = "deleted “Campaign 00001”"
        }
        #expect(deleted.withLock { $0 } == ["cd-00001"])
        #expect(store.state.list.campaign(id: "cd-00001") == nil)
    }

    @Test("delete refused by the server: the list keeps the campaign and the error is worded")
    func deleteRefused() async throws {
        let store = TestStore(Self.loaded(), service: CampaignService(delete: { _, _ in
            throw APIError(kind: .conflict, status: 409, summary: "conflict: stop it first")
        }))
        await store.receive(.deleteFinished(Self.ref, failure: UIError("conflict: stop it first")), from: .deleteCampaign(Self.ref)) {
            $0.lastError = "not deleted: conflict: stop it first"
        }
    }

    @Test("start and stop: the dialog, the trigger, the server's message, and a reload")
    func startStop() async throws {
        let store = TestStore(Self.loaded(), service: CampaignService(
            start: { id, _ in id == "cd-00001" ? "Campaign started" : nil },
            stop: { _, _ in nil }))
        store.press(.character("s")) { $0.dialog = Dialog(.trigger(Self.ref, start: true)) }
        store.press(.tab) { $0.dialog?.focus = 1 }
        store.press(.enter, effects: [.trigger(Self.ref, start: true)]) {
            $0.dialog = nil
            $0.notice = "starting “Campaign 00001”…"
        }
        await store.receive(.triggerFinished(Self.ref, start: true, .success("Campaign started")),
                            from: .trigger(Self.ref, start: true), effects: [.loadCampaigns(generation: 2)]) {
            $0.notice = "started “Campaign 00001”: Campaign started"
            $0.load.generation = 2
            $0.load.isLoading = true
            $0.load.loaded = 0
            $0.load.total = 0
            $0.load.showsPages = false
        }
        // Stopped while that load still runs: no second load, and no message from the server.
        store.press(.character("x")) {
            $0.dialog = Dialog(.trigger(Self.ref, start: false))
            $0.notice = nil
        }
        store.press(.tab) { $0.dialog?.focus = 1 }
        store.press(.enter, effects: [.trigger(Self.ref, start: false)]) {
            $0.dialog = nil
            $0.notice = "stopping “Campaign 00001”…"
        }
        await store.receive(.triggerFinished(Self.ref, start: false, .success(nil)), from: .trigger(Self.ref, start: false)) {
            $0.notice = "stopped “Campaign 00001”"
        }
        store.send(.triggerFinished(Self.ref, start: true, .failure(UIError("conflict: already active")))) {
            $0.lastError = "not started: conflict: already active"
        }
    }

    @Test("draft restore: the drafts found at start → the dialog → Restore opens the form with the draft's values")
    func draftRestore() async throws {
        var working = Self.server
        working.name = "Unsaved 春"
        working.priority = 5
        let draft = CampaignDraft(key: Self.draftKey, profile: "test", mode: .edit, variant: .smsSimple, savedAt: Self.now,
                                  base: Self.server, working: working)
        let store = TestStore(Self.loaded(), service: CampaignService(contactLists: { Self.lists }))
        store.send(.draftsFound([draft])) {
            $0.pendingDrafts = [draft]
            $0.dialog = Dialog(.draft(draft))
        }
        store.press(.tab) { $0.dialog?.focus = 1 }
        store.press(.enter, effects: [.loadContactLists]) {
            $0.dialog = nil
            $0.pendingDrafts = []
            $0.editor = draft.editor
            $0.stack = [.campaigns, .editor]
            $0.contactListsLoading = true
        }
        #expect(store.state.editor?.text(.name) == "Unsaved 春")
        #expect(store.state.editor?.text(.priority) == "5")
        #expect(store.state.editor?.isDirty == true && store.state.editor?.base == Self.server)
        await store.receive(.contactListsLoaded(.success(Self.lists)), from: .loadContactLists) {
            $0.contactListsLoading = false
            $0.contactLists = Self.lists
        }
    }
}
