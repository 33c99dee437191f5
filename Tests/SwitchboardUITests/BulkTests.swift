import CampaignAPI
import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// Marks on the campaign list and the bulk actions over them, as pure update sequences and on a
/// test service whose calls fail for some campaigns.
@Suite("Marks and bulk actions")
struct BulkTests {
    static let now = UpdateTests.now

    static func ref(_ index: Int) -> CampaignRef {
        let campaign = UpdateTests.campaign(index)
        return CampaignRef(id: campaign.id!, name: campaign.name, type: campaign.type!, status: campaign.status)
    }

    static func type(_ text: String, _ state: inout AppState) {
        for character in text { UpdateTests.press(&state, .character(character)) }
    }

    @Test("Space marks and moves down; * marks what the filter shows; marks survive filter, sort and refresh; M clears")
    func marksAcrossFilterSortRefresh() {
        var state = UpdateTests.loaded(10)
        #expect(state.list.selectedRow?.id == "cd-00000")
        UpdateTests.press(&state, .character(" "), .character(" "))
        #expect(state.bulk.marked == ["cd-00000", "cd-00001"])
        #expect(state.list.selectedRow?.id == "cd-00002")
        UpdateTests.press(&state, .character("k"), .character(" "))
        #expect(state.bulk.marked == ["cd-00000"], "Space again unmarks")

        // A filter hides marked rows; they stay marked, and * adds only what it shows.
        UpdateTests.press(&state, .character("/"))
        Self.type("Campaign 0000", &state)
        UpdateTests.press(&state, .backspace)
        Self.type("7", &state)
        UpdateTests.press(&state, .enter)
        #expect(state.list.visible.count == 1)
        UpdateTests.press(&state, .character("*"))
        #expect(state.bulk.marked == ["cd-00000", "cd-00007"])
        #expect(state.notice == "2 marked")
        UpdateTests.press(&state, .escape)
        #expect(state.list.filterText.isEmpty && state.bulk.marked.count == 2)

        // A sort keeps them (by id, not position).
        UpdateTests.press(&state, .character("3"))
        #expect(state.bulk.marked == ["cd-00000", "cd-00007"])
        #expect(BulkText.statusParts(state) == ["2 marked"])
        let screen = AppView.render(state, size: state.size).text
        let markedLines = screen.split(separator: "\n").filter { $0.hasPrefix("●") }
        #expect(markedLines.count == 2 && markedLines.allSatisfy { $0.contains("Campaign 0000") })
        #expect(screen.contains("2 marked"))

        // A refresh in which one marked campaign is gone: it is unmarked, the others stay.
        #expect(UpdateTests.press(&state, .character("r")) == [.loadCampaigns(generation: 2)])
        UpdateTests.deliver(&state, (0..<10).filter { $0 != 7 }.map { UpdateTests.campaign($0) }, generation: 2)
        #expect(state.bulk.marked == ["cd-00000"])

        UpdateTests.press(&state, .character("M"))
        #expect(state.bulk.marked.isEmpty && state.notice == "marks cleared")
    }

    @Test("the mark keys are in the screen table, clash with nothing, and show in help")
    func keysAreClean() {
        #expect(Keymap.standard.conflicts().isEmpty)
        let names = ScreenKeys.table.map(\.name)
        #expect(["mark", "mark-all", "clear-marks", "bulk-priority"].allSatisfy(names.contains))
        var state = UpdateTests.loaded(3)
        UpdateTests.press(&state, .character("?"))
        let help = AppView.render(state, size: Size(width: 160, height: 200)).text
        #expect(help.contains("mark every campaign the filter shows"))
    }

    /// Marks campaigns 1, 2, 4, 5 and 7 (by id) on a loaded list of 10.
    static func markedState() -> AppState {
        var state = UpdateTests.loaded(10)
        state.bulk.marked = ["cd-00001", "cd-00002", "cd-00004", "cd-00005", "cd-00007"]
        return state
    }

    @Test("bulk stop: one dialog listing every marked campaign, Cancel by default; an Active voice one asks for the count")
    func stopDialog() {
        var state = Self.markedState()
        UpdateTests.press(&state, .character("x"))
        guard case .bulk(.stop, let campaigns)? = state.dialog?.kind else {
            Issue.record("no bulk dialog: \(String(describing: state.dialog))")
            return
        }
        #expect(campaigns.map(\.id) == ["cd-00001", "cd-00002", "cd-00004", "cd-00005", "cd-00007"])
        #expect(state.dialog?.focus == 0 && state.dialog?.buttons == ["Cancel", "Stop 5"])
        // Campaign 5 is an Active voice campaign? (index % 3 == 0 is voice: none here is Active voice.)
        #expect(state.dialog?.nameToType == nil)
        let text = DialogText.body(state.dialog!, state: state, width: 70).map(\.0).joined(separator: "\n")
        #expect(text.contains("Stop these 5 campaigns?"))
        #expect(text.contains("Campaign 00004"))
        // On a campaign's detail screen, x is about that campaign, marks or not.
        var detail = Self.markedState()
        UpdateTests.press(&detail, .enter, .character("x"))
        guard case .trigger(let one, start: false)? = detail.dialog?.kind else {
            Issue.record("no single stop dialog on the detail screen: \(String(describing: detail.dialog))")
            return
        }
        #expect(one.id == "cd-00000")
        // Enter on the default button cancels: nothing is sent.
        #expect(UpdateTests.press(&state, .enter) == [])
        #expect(state.dialog == nil && state.notice == "nothing sent" && state.bulk.run == nil)

        // With an Active voice campaign (15: voice, Active) the single stop's wording and the count.
        state.bulk.marked.insert("cd-00015")
        UpdateTests.deliver(&state, (0..<16).map { UpdateTests.campaign($0) }, generation: 1)
        state.bulk.marked = ["cd-00001", "cd-00015"]
        UpdateTests.press(&state, .character("x"))
        #expect(state.dialog?.nameToType == "2")
        let voice = DialogText.body(state.dialog!, state: state, width: 200).map(\.0).joined(separator: "\n")
        #expect(voice.contains("Stopping a voice campaign resets the campaign's data; rerunning it later creates a new instance of the campaign"))
        #expect(voice.contains("ACTIVE voice"))
    }

    @Test("bulk delete asks for the count typed")
    func deleteNeedsCount() {
        var state = Self.markedState()
        UpdateTests.press(&state, .character("d"))
        #expect(state.dialog?.nameToType == "5" && state.dialog?.buttons == ["Cancel", "Delete 5"])
        UpdateTests.press(&state, .tab, .enter)
        #expect(state.notice == "type the number of campaigns (5) to enable Delete 5" && state.dialog != nil)
        UpdateTests.press(&state, .character("5"))
        let effects = UpdateTests.press(&state, .enter)
        #expect(effects.count == BulkState.concurrency)
        #expect(state.bulk.run?.total == 5 && state.bulk.run?.queue.count == 2)
    }

    /// A service whose stop fails for campaigns 2 and 5 and answers a message for the others.
    static let failingStop = CampaignService(stop: { id, _ in
        if id == "cd-00002" || id == "cd-00005" {
            throw APIError(kind: .conflict, status: 409, summary: "campaign is not running")
        }
        return "Campaign stopped"
    })

    @Test("bulk stop with partial failures: three at a time, per-row results, progress, failures stay marked")
    func stopPartialFailures() async {
        let store = TestStore(Self.markedState(), service: Self.failingStop)
        let refs = [1, 2, 4, 5, 7].map(Self.ref)
        let requests = refs.map { BulkRequest(campaign: $0, operation: .stop) }
        store.press(.character("x")) { $0.dialog = Dialog(.bulk(.stop, refs)) }
        store.press(.tab) { $0.dialog?.focus = 1 }
        store.press(.enter, effects: requests.prefix(3).map(Effect.bulk)) {
            $0.dialog = nil
            var run = BulkRun(operation: .stop, total: 5, queue: Array(requests.dropFirst(3)))
            run.inFlight = ["cd-00001", "cd-00002", "cd-00004"]
            $0.bulk.run = run
            $0.bulk.results = ["cd-00001": .sending, "cd-00002": .sending, "cd-00004": .sending,
                               "cd-00005": .pending, "cd-00007": .pending]
        }
        #expect(store.state.bulk.run?.progressText == "stopping 3 of 5 · Esc stops sending")
        await store.receive(.bulkFinished(requests[1], .failure(.api(UIError("campaign is not running")))),
                            from: .bulk(requests[1]), effects: [.bulk(requests[3])]) {
            $0.bulk.run?.inFlight = ["cd-00001", "cd-00004", "cd-00005"]
            $0.bulk.run?.queue = [requests[4]]
            $0.bulk.run?.failed = 1
            $0.bulk.results["cd-00002"] = .failed("campaign is not running")
            $0.bulk.results["cd-00005"] = .sending
        }
        #expect(store.state.bulk.run?.progressText == "stopping 4 of 5 · 1 failed · Esc stops sending")
        await store.receive(.bulkFinished(requests[0], .success(BulkDone(message: "Campaign stopped"))),
                            from: .bulk(requests[0]), effects: [.bulk(requests[4])]) {
            $0.bulk.run?.inFlight = ["cd-00004", "cd-00005", "cd-00007"]
            $0.bulk.run?.queue = []
            $0.bulk.run?.succeeded = 1
            $0.bulk.marked.remove("cd-00001")
            $0.bulk.results["cd-00001"] = .succeeded("Campaign stopped")
            $0.bulk.results["cd-00007"] = .sending
        }
        for (index, id) in [(2, "cd-00004"), (4, "cd-00007")] {
            await store.receive(.bulkFinished(requests[index], .success(BulkDone(message: "Campaign stopped"))),
                                from: .bulk(requests[index])) {
                $0.bulk.run?.inFlight.remove(id)
                $0.bulk.run?.succeeded += 1
                $0.bulk.marked.remove(id)
                $0.bulk.results[id] = .succeeded("Campaign stopped")
            }
        }
        // The last answer ends the run: the tally, and the list read again.
        await store.receive(.bulkFinished(requests[3], .failure(.api(UIError("campaign is not running")))),
                            from: .bulk(requests[3]), effects: [.loadCampaigns(generation: 2)]) {
            $0.bulk.run = nil
            $0.bulk.results["cd-00005"] = .failed("campaign is not running")
            $0.notice = "stopped 3 of 5 · 2 failed (still marked: the same key retries)"
            $0.load.generation = 2
            $0.load.isLoading = true
            $0.load.showsPages = false
            $0.load.loaded = 0
            $0.load.total = 0
        }
        #expect(store.state.bulk.marked == ["cd-00002", "cd-00005"])
        let screen = AppView.render(store.state, size: store.state.size).text
        #expect(screen.contains("✓ Campaign"))
        #expect(screen.contains("✗ campaign"))
        // The selected row's whole message in the status bar (its cell shows only the start).
        var selected = store.state
        selected.list.select(id: "cd-00002")
        #expect(BulkText.statusParts(selected).contains("Campaign 00002: ✗ campaign is not running"))
        // A retry is one key: x again lists only the failures.
        store.press(.character("x")) {
            $0.dialog = Dialog(.bulk(.stop, [Self.ref(2), Self.ref(5)]))
            $0.notice = nil
        }
    }

    @Test("Esc half way: nothing more is sent; what is on the wire finishes and reports; the unsent stay marked")
    func escStopsSending() async {
        let store = TestStore(Self.markedState(), service: Self.failingStop)
        let refs = [1, 2, 4, 5, 7].map(Self.ref)
        let requests = refs.map { BulkRequest(campaign: $0, operation: .stop) }
        store.press(.character("x")) { $0.dialog = Dialog(.bulk(.stop, refs)) }
        store.press(.tab) { $0.dialog?.focus = 1 }
        let sent = store.press(.enter, effects: requests.prefix(3).map(Effect.bulk)) {
            $0.dialog = nil
            var run = BulkRun(operation: .stop, total: 5, queue: Array(requests.dropFirst(3)))
            run.inFlight = ["cd-00001", "cd-00002", "cd-00004"]
            $0.bulk.run = run
            $0.bulk.results = ["cd-00001": .sending, "cd-00002": .sending, "cd-00004": .sending,
                               "cd-00005": .pending, "cd-00007": .pending]
        }
        store.press(.escape) {
            $0.bulk.run?.queue = []
            $0.bulk.run?.notSent = 2
            $0.bulk.results["cd-00005"] = nil
            $0.bulk.results["cd-00007"] = nil
            $0.notice = "stopped sending: 2 not sent, 3 on the wire finish"
        }
        // The three in flight answer; none sends another, and the last ends the run.
        await store.receive(.bulkFinished(requests[0], .success(BulkDone(message: "Campaign stopped"))), from: sent[0]) {
            $0.bulk.run?.inFlight.remove("cd-00001")
            $0.bulk.run?.succeeded = 1
            $0.bulk.marked.remove("cd-00001")
            $0.bulk.results["cd-00001"] = .succeeded("Campaign stopped")
        }
        await store.receive(.bulkFinished(requests[1], .failure(.api(UIError("campaign is not running")))), from: sent[1]) {
            $0.bulk.run?.inFlight.remove("cd-00002")
            $0.bulk.run?.failed = 1
            $0.bulk.results["cd-00002"] = .failed("campaign is not running")
        }
        await store.receive(.bulkFinished(requests[2], .success(BulkDone(message: "Campaign stopped"))), from: sent[2],
                            effects: [.loadCampaigns(generation: 2)]) {
            $0.bulk.run = nil
            $0.bulk.marked.remove("cd-00004")
            $0.bulk.results["cd-00004"] = .succeeded("Campaign stopped")
            $0.notice = "stopped 2 of 5 · 1 failed (still marked: the same key retries) · 2 not sent"
            $0.load.generation = 2
            $0.load.isLoading = true
            $0.load.showsPages = false
            $0.load.loaded = 0
            $0.load.total = 0
        }
        #expect(store.state.bulk.marked == ["cd-00002", "cd-00005", "cd-00007"])
    }

    @Test("bulk priority: typed, reviewed per campaign (unchanged ones not sent), each a safe save; a changed or refused one fails and stays marked")
    func priorityPartialFailures() async {
        let updated = Locked<[String]>([])
        let service = CampaignService(
            get: { id in
                var campaign = UpdateTests.campaign(Int(id.dropFirst(3))!)
                if id == "cd-00005" { campaign.updatedAt = "2025-12-03T16:00:00.000Z" }  // someone saved meanwhile
                return campaign
            },
            update: { campaign in
                if campaign.id == "cd-00004" { throw APIError(kind: .invalid, status: 400, summary: "priority refused") }
                updated.withLock { $0.append("\(campaign.id!)=\(campaign.priority!)") }
                var saved = campaign
                saved.updatedAt = "2025-12-03T16:30:00.000Z"
                return saved
            })
        let store = TestStore(Self.markedState(), service: service)
        store.press(.character("P")) { $0.dialog = Dialog(.bulkPriority([1, 2, 4, 5, 7].map(Self.ref))) }
        store.press(.character("9")) { $0.dialog?.typed.insert("9") }
        store.press(.tab) { $0.dialog?.focus = 1 }
        store.press(.enter) { $0.notice = "type a priority from 1 to 5" }
        store.press(.backspace) { $0.dialog?.typed = TextInput() }
        store.press(.character("3")) { $0.dialog?.typed.insert("3") }
        store.press(.enter) { state in
            let lines = [1, 2, 4, 5, 7].map { index in
                let campaign = UpdateTests.campaign(index)
                return BulkChangeLine(campaign: Self.ref(index), field: "priority", before: String(campaign.priority!), after: "3",
                                      expectedUpdatedAt: campaign.updatedAt)
            }
            state.dialog = Dialog(.bulkReview(.priority(3), lines))
        }
        #expect(store.state.dialog?.buttons == ["Cancel", "Save 3"] && store.state.dialog?.focus == 0)
        let review = DialogText.body(store.state.dialog!, state: store.state, width: 100).map(\.0)
        #expect(review.contains("~ Campaign 00001: priority 2 → 3"))
        #expect(review.contains("= Campaign 00002: priority already 3 (not sent)"))
        store.press(.tab) { $0.dialog?.focus = 1 }
        let effects = store.press(.enter, effects: [1, 4, 5].map {
            .bulk(BulkRequest(campaign: Self.ref($0), operation: .priority(3), expectedUpdatedAt: UpdateTests.campaign($0).updatedAt))
        }) { state in
            state.dialog = nil
            state.notice = nil
            state.bulk.marked.subtract(["cd-00002", "cd-00007"])  // already priority 3: done, not sent
            var run = BulkRun(operation: .priority(3), total: 3, queue: [])
            run.inFlight = ["cd-00001", "cd-00004", "cd-00005"]
            state.bulk.run = run
            state.bulk.results = ["cd-00001": .sending, "cd-00004": .sending, "cd-00005": .sending]
        }
        var state = store.state
        var last: [Effect] = []
        for effect in effects {
            for answer in await store.run(effect) { last = AppUpdate.reduce(&state, answer) }
        }
        #expect(last == [.loadCampaigns(generation: 2)], "the run's end reads the list again")
        #expect(updated.withLock { $0 } == ["cd-00001=3"])
        #expect(state.bulk.results["cd-00001"] == .succeeded("saved"))
        #expect(state.bulk.results["cd-00004"] == .failed("priority refused"))
        #expect(state.bulk.results["cd-00005"] == .failed("changed on the server since listed — r, then retry"))
        #expect(state.list.campaign(id: "cd-00001")?.priority == 3)
        #expect(state.bulk.marked == ["cd-00004", "cd-00005"])
        #expect(state.notice == "saved 1 of 3 · 2 failed (still marked: the same key retries)")
        #expect(state.list.selectedRow?.id == "cd-00000", "a save does not move the selection")
    }

    @Test("bulk calling hours, same moments: New York's MO 9 AM–6 PM is MO 2–11 PM in London; in Tokyo it crosses midnight and is split")
    func sameMoments() {
        var state = UpdateTests.loaded(4)
        for (index, zone) in [(1, "Europe/London"), (2, "Asia/Tokyo"), (3, "America/New_York")] {
            var campaign = UpdateTests.campaign(index)
            campaign.dialingStrategy = DialingStrategy(callingHours: CallingHours(frequency: .weekly, timezone: zone,
                                                                                   days: [CallingDay(day: "TU", start: "9:00 AM", end: "5:00 PM")]))
            _ = AppUpdate.reduce(&state, .detailLoaded(id: campaign.id!, .success(campaign)))
        }
        let refs = [1, 2, 3].map(Self.ref)
        let days = [CallingDay(day: "MO", start: "9:00 AM", end: "6:00 PM")]
        state.dialog = Dialog(.bulkHoursMode(campaigns: refs, days: days, zone: "America/New_York"))
        let text = DialogText.body(state.dialog!, state: state, width: 200).map(\.0).joined(separator: "\n")
        #expect(text.contains("a window that then crosses midnight is split there, the rest on the next day"))
        UpdateTests.press(&state, .tab, .tab, .enter)  // Same moments
        guard case .bulkReview(.callingHours, let lines)? = state.dialog?.kind else {
            Issue.record("no review: \(String(describing: state.dialog))")
            return
        }
        #expect(state.dialog?.focus == 0)
        #expect(lines.map { BulkText.days($0.days ?? []) } == [
            "MO 2:00 PM–11:00 PM",
            "MO 11:00 PM–12:00 AM, TU 12:00 AM–8:00 AM",
            "MO 9:00 AM–6:00 PM",
        ])
        let review = DialogText.body(state.dialog!, state: state, width: 200).map(\.0).joined(separator: "\n")
        #expect(review.contains(#"{"day":"TU","start":"12:00 AM","end":"8:00 AM"}"#))
        let effects = UpdateTests.press(&state, .tab, .enter)
        #expect(effects.contains(.bulk(BulkRequest(campaign: Self.ref(1), operation: .callingHours([CallingDay(day: "MO", start: "2:00 PM", end: "11:00 PM")]),
                                                   expectedUpdatedAt: UpdateTests.campaign(1).updatedAt))))
    }
}
