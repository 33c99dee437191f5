import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// Issue 14, the board: which campaigns it shows, counts paged in the background for the rows on
/// screen (partial, then complete), cancelled when rows scroll away, held during a burst of
/// keys, recounted on a timer; the calling window's warning; Esc never quits.
@Suite("Shift board")
struct BoardTests {
    static let now = UpdateTests.now  // Wed 3 Dec 2025 15:30 UTC

    static func campaign(_ index: Int, status: CampaignStatus, updatedAgo: TimeInterval = 60, type: CampaignType? = nil) -> Campaign {
        var campaign = Campaign(type: type ?? (index % 2 == 0 ? .voice : .sms), name: String(format: "Board %03d", index),
                                contactLists: ["List"])
        campaign.id = String(format: "bd-%03d", index)
        campaign.status = status
        campaign.updatedAt = ISOTimestamp.format(now.addingTimeInterval(-updatedAgo))
        return campaign
    }

    /// A state whose list holds `campaigns`, at `size`.
    static func state(_ campaigns: [Campaign], size: Size = Size(width: 120, height: 40)) -> AppState {
        var state = AppState(connection: ConnectionInfo(profile: "test", host: "http://127.0.0.1:1"),
                             supervisorZone: TimeZone(identifier: "UTC")!, now: now)
        _ = AppUpdate.reduce(&state, .input(.resize(size)))
        _ = AppUpdate.startLoad(&state)
        UpdateTests.deliver(&state, campaigns, generation: 1)
        return state
    }

    /// `count` Active campaigns.
    static func active(_ count: Int, size: Size = Size(width: 120, height: 40)) -> AppState {
        state((0..<count).map { campaign($0, status: .active) }, size: size)
    }

    static func counts(_ effects: [Effect]) -> [String] {
        effects.compactMap { if case .countContacts(let id, _) = $0 { return id } else { return nil } }
    }

    static func cancelled(_ effects: [Effect]) -> [String] {
        effects.compactMap { if case .cancel(.boardCounts(let id)) = $0 { return id } else { return nil } }
    }

    static func contacts(_ outcomes: [String], attempts: Int = 1) -> [CampaignContact] {
        outcomes.enumerated().map { CampaignContact(phoneNumber: "+1415555\(1000 + $0.offset)", dialerOutcome: $0.element,
                                                    numberOfAttemptsSoFar: attempts) }
    }

    @Test("b opens the board: Active, Paused, Scheduled and Completed within 24 hours; not Ready, Stopped or an old completion")
    func rowsByStatus() {
        var state = Self.state([
            Self.campaign(1, status: .active), Self.campaign(2, status: .paused), Self.campaign(3, status: .scheduled),
            Self.campaign(4, status: .completed, updatedAgo: 3_600), Self.campaign(5, status: .completed, updatedAgo: 2 * 86_400),
            Self.campaign(6, status: .ready), Self.campaign(7, status: .stopped), Self.campaign(8, status: .rescheduled),
        ])
        let effects = UpdateTests.press(&state, .character("b"))
        #expect(state.screen == .board && state.breadcrumbs == ["Campaigns (SMS + voice)", "Board (SMS + voice)"])
        // Ordered by status (Active, Paused, Scheduled, Completed), then name.
        #expect(state.board.rows.map(\.id) == ["bd-001", "bd-002", "bd-003", "bd-008", "bd-004"])
        // Every row on screen is counted, and its calling hours fetched.
        #expect(Self.counts(effects) == ["bd-001", "bd-002", "bd-003", "bd-008", "bd-004"])
        // Their calling hours come with their full records: the list's fetches of rows not on the
        // board stop; the board's rows stay in flight.
        #expect(effects.contains(.cancel(.detail("bd-006"))) && state.detailsInFlight == Set(state.board.rows.map(\.id)))
        #expect(state.board.counting.count == 5)
        // :board opens it too; t narrows it to one type.
        var palette = Self.state([Self.campaign(1, status: .active), Self.campaign(2, status: .active)])
        UpdateTests.press(&palette, .character(":"), .character("b"), .character("o"), .enter)
        #expect(palette.screen == .board && palette.board.rows.count == 2)
        UpdateTests.press(&palette, .character("t"))
        #expect(palette.board.scope == .sms && palette.board.rows.map(\.id) == ["bd-001"])
    }

    @Test("A count's pages add up as they arrive: partial (dim, page by page), then complete with its as-of time")
    func talliesAccumulate() async {
        let pages = [Self.contacts(Array(repeating: "completed", count: 60) + Array(repeating: "", count: 40)),
                     Self.contacts(["failed", "busy", "noAnswer", ""], attempts: 2)]
        let service = CampaignService(contactsPage: { id, page, limit in
            #expect(id == "bd-000" && limit == 100)
            return CampaignContactsPage(results: pages[page - 1], page: page, limit: limit, totalPages: 2, totalResults: 104)
        })
        var start = Self.active(1)
        UpdateTests.press(&start, .character("b"))
        let store = TestStore(start, service: service)
        #expect(store.state.board.counting == ["bd-000"])
        let answers = await store.run(.countContacts(campaignID: "bd-000", generation: 1))
        #expect(answers.count == 2)
        var first = OutcomeTally()
        first.connected = 60
        first.inProgress = 40
        first.attempts = 100
        first.total = 100
        store.send(answers[0]) {
            $0.board.counts["bd-000"]?.running = first
            $0.board.counts["bd-000"]?.pagesRead = 1
            $0.board.counts["bd-000"]?.expected = 104
        }
        #expect(store.state.board.counts["bd-000"]?.isPartial == true)
        #expect(store.state.board.counts["bd-000"]?.shown?.connected == 60)
        var whole = first
        whole.failed = 1
        whole.busy = 1
        whole.noAnswer = 1
        whole.inProgress = 41
        whole.attempts = 108
        whole.total = 104
        store.send(answers[1]) {
            $0.board.counts["bd-000"]?.last = whole
            $0.board.counts["bd-000"]?.asOf = Self.now
            $0.board.counts["bd-000"]?.running = nil
            $0.board.counts["bd-000"]?.runningSince = nil
            $0.board.counts["bd-000"]?.pagesRead = 2
            $0.board.counts["bd-000"]?.finishedAt = Self.now
            $0.board.counting = []
        }
        let screen = AppView.render(store.state, size: store.state.size).text
        #expect(screen.contains("███░░  60%"))
        #expect(screen.contains("15:30:00"))
        #expect(screen.contains("Board 000 · as of 15:30:00: 63/104 final · connected 60 · no answer 1 · busy 1 · failed 1 · in progress 41"))
        // A page of an older count (another generation) changes nothing.
        store.send(.boardCountPage(id: "bd-000", generation: 1, BoardCountPage(tally: first, page: 1, isLast: true, totalResults: nil))) { _ in }
    }

    @Test("A failed count says so in the row, keeps nothing partial, and is tried again after the interval")
    func failedCount() {
        var state = Self.active(1)
        UpdateTests.press(&state, .character("b"))
        _ = AppUpdate.reduce(&state, .boardCountFailed(id: "bd-000", generation: 1, UIError("HTTP 500")))
        #expect(state.board.counting.isEmpty && state.board.counts["bd-000"]?.failure == "HTTP 500")
        #expect(AppView.render(state, size: state.size).text.contains("! no count"))
        #expect(Self.counts(AppUpdate.reduce(&state, .tick(Self.now.addingTimeInterval(5)))) == ["bd-000"])
    }

    @Test("Rows that scroll away cancel their counts; during a burst no count starts until the keys settle")
    func cancellationWhenScrolling() {
        var state = Self.active(80, size: Size(width: 120, height: 24))
        let opened = UpdateTests.press(&state, .character("b"))
        let rows = BoardLayout(state).rows
        #expect(Self.counts(opened).count == rows)
        let firstScreen = Set(state.board.rows.prefix(rows).map(\.id))
        // The first key of a burst: the last screen's counts stop, the new screen's start at once.
        let jump = UpdateTests.press(&state, .character("G"))
        #expect(Set(Self.cancelled(jump)) == firstScreen)
        let lastScreen = Set(state.board.rows.suffix(rows).map(\.id))
        #expect(Set(Self.counts(jump)) == lastScreen)
        #expect(jump.contains(.wake(.boardKeysSettled, after: PreviewHold.settleDelay)))
        #expect(state.board.counting == lastScreen)
        // More keys in the burst: rows that leave are cancelled, new ones wait.
        let more = UpdateTests.press(&state, .character("g"))
        #expect(Set(Self.cancelled(more)) == lastScreen && Self.counts(more).isEmpty)
        #expect(state.board.counting.isEmpty)
        // The keys settle: the rows on screen now are counted.
        let settled = AppUpdate.reduce(&state, .woke(.boardKeysSettled))
        #expect(Set(Self.counts(settled)) == firstScreen)
        // A page of a cancelled count that arrives late is ignored.
        let late = state
        _ = AppUpdate.reduce(&state, .boardCountPage(id: state.board.rows.last!.id, generation: 1,
                                                       BoardCountPage(tally: OutcomeTally(), page: 1, isLast: true, totalResults: 0)))
        #expect(state == late)
        // Leaving the board stops every count.
        let back = UpdateTests.press(&state, .escape)
        #expect(state.screen == .campaigns && Set(Self.cancelled(back)) == firstScreen && state.board.counting.isEmpty)
    }

    @Test("A counted row is counted again every 5 s by default (--board-refresh), never with 0")
    func refreshTimer() {
        var state = Self.active(1)
        UpdateTests.press(&state, .character("b"))
        _ = AppUpdate.reduce(&state, .boardCountPage(id: "bd-000", generation: 1,
                                                       BoardCountPage(tally: OutcomeTally(), page: 1, isLast: true, totalResults: 0)))
        #expect(Self.counts(AppUpdate.reduce(&state, .tick(Self.now.addingTimeInterval(4)))).isEmpty)
        let due = AppUpdate.reduce(&state, .tick(Self.now.addingTimeInterval(5)))
        #expect(due == [.countContacts(campaignID: "bd-000", generation: 2)])
        // While it runs, the row keeps its last complete count (no flicker to zero).
        #expect(state.board.counts["bd-000"]?.shown == OutcomeTally() && state.board.counts["bd-000"]?.isPartial == false)
        var off = Self.active(1)
        off.boardRefreshInterval = nil
        UpdateTests.press(&off, .character("b"))
        _ = AppUpdate.reduce(&off, .boardCountPage(id: "bd-000", generation: 1,
                                                     BoardCountPage(tally: OutcomeTally(), page: 1, isLast: true, totalResults: 0)))
        #expect(Self.counts(AppUpdate.reduce(&off, .tick(Self.now.addingTimeInterval(600)))).isEmpty)
    }

    @Test("The calling window: open with its closing time, a warning within 15 minutes of closing, else when it opens")
    func windowClosingWarning() {
        func withHours(_ end: String, day: String = "WE") -> AppState {
            var state = Self.active(1)
            var campaign = Self.campaign(0, status: .active)
            campaign.dialingStrategy = DialingStrategy(callingHours: CallingHours(frequency: .weekly, timezone: "America/New_York",
                                                                                  days: [CallingDay(day: day, start: "9:00 AM", end: end)]))
            _ = AppUpdate.reduce(&state, .detailLoaded(id: "bd-000", .success(campaign)))
            UpdateTests.press(&state, .character("b"))
            return state
        }
        // 15:30 UTC is 10:30 AM in New York.
        let soon = withHours("10:40 AM")
        let (text, tone) = BoardText.window("bd-000", state: soon)
        #expect(text == "⚠ closes 10:40 AM 10m" && tone == .warning)
        #expect(AppView.render(soon, size: soon.size).text.contains("⚠ closes 10:40 AM"))
        let later = withHours("5:00 PM")
        #expect(BoardText.window("bd-000", state: later).0 == "● open till 5:00 PM")
        // Exactly 15 minutes before closing is a warning; 16 is not.
        var edge = withHours("10:45 AM")
        #expect(BoardText.closesSoon("bd-000", state: edge))
        edge.now = Self.now.addingTimeInterval(-60)
        #expect(!BoardText.closesSoon("bd-000", state: edge))
        let closed = withHours("5:00 PM", day: "TH")
        #expect(BoardText.window("bd-000", state: closed).0 == "○ opens Thu 9:00 AM")
    }

    @Test("Sorting by progress, connected % and attempts uses the complete counts; rows not counted yet go last")
    func sortingByCounts() {
        var state = Self.active(3)
        UpdateTests.press(&state, .character("b"))
        func finish(_ id: String, connected: Int, inProgress: Int, attempts: Int) {
            var tally = OutcomeTally()
            tally.connected = connected
            tally.failed = 10 - connected - inProgress
            tally.inProgress = inProgress
            tally.attempts = attempts
            tally.total = 10
            _ = AppUpdate.reduce(&state, .boardCountPage(id: id, generation: 1,
                                                           BoardCountPage(tally: tally, page: 1, isLast: true, totalResults: 10)))
        }
        finish("bd-000", connected: 1, inProgress: 0, attempts: 30)
        finish("bd-001", connected: 5, inProgress: 5, attempts: 5)
        UpdateTests.press(&state, .character("4"))
        #expect(state.board.sort == BoardSort(column: .progress) && state.board.rows.map(\.id) == ["bd-001", "bd-000", "bd-002"])
        UpdateTests.press(&state, .character("5"))
        #expect(state.board.rows.map(\.id) == ["bd-000", "bd-001", "bd-002"])  // 10% before 100%
        UpdateTests.press(&state, .character("5"))
        #expect(state.board.rows.map(\.id) == ["bd-001", "bd-000", "bd-002"])  // reversed; uncounted still last
        UpdateTests.press(&state, .character("6"))
        #expect(state.board.rows.map(\.id) == ["bd-001", "bd-000", "bd-002"])
        #expect(state.notice == "board sorted by attempts")
    }

    @Test("From the board: s and x ask through the list's dialogs, e opens the form, i the detail; Esc goes back and never quits")
    func actionsAndEscape() {
        var state = Self.active(3)
        UpdateTests.press(&state, .character("b"), .character("j"))
        UpdateTests.press(&state, .character("s"))
        guard case .trigger(let campaign, true)? = state.dialog?.kind else {
            Issue.record("no start dialog")
            return
        }
        #expect(campaign.id == "bd-001")
        #expect(UpdateTests.press(&state, .escape).isEmpty && state.dialog == nil && state.screen == .board)
        UpdateTests.press(&state, .character("x"))
        if case .trigger(_, false)? = state.dialog?.kind {} else { Issue.record("no stop dialog") }
        UpdateTests.press(&state, .escape)
        #expect(UpdateTests.press(&state, .character("e")) == [.fetchForEdit("bd-001")])
        state.editLoading = nil
        UpdateTests.press(&state, .character("i"))
        #expect(state.screen == .campaignDetail(id: "bd-001"))
        #expect(!UpdateTests.press(&state, .escape).contains(.quit) && state.screen == .board)
        UpdateTests.press(&state, .enter)
        #expect(state.screen == .campaignContacts(id: "bd-001"))
        #expect(!UpdateTests.press(&state, .escape).contains(.quit) && state.screen == .board && state.contacts == nil)
        #expect(!UpdateTests.press(&state, .escape).contains(.quit) && state.screen == .campaigns)
        #expect(!UpdateTests.press(&state, .escape).contains(.quit) && state.screen == .campaigns)
        // Read-only: start is refused on the board too.
        var readOnly = Self.active(1)
        readOnly.readOnly = true
        UpdateTests.press(&readOnly, .character("b"), .character("s"))
        #expect(readOnly.dialog == nil && readOnly.notice?.contains("read-only") == true)
    }

    @Test("Through the store: the board counts every row on screen to the end, a few at a time")
    func storeCountsToTheEnd() async throws {
        let campaigns = (0..<12).map { Self.campaign($0, status: .active) }
        let inFlight = Locked(0)
        let most = Locked(0)
        let service = CampaignService(
            get: { id in campaigns.first { $0.id == id }! },
            contactsPage: { _, page, limit in
                let now = inFlight.withLock { (count: inout Int) -> Int in
                    count += 1
                    return count
                }
                most.withLock { $0 = max($0, now) }
                defer { inFlight.withLock { $0 -= 1 } }
                await Task.yield()
                let results = page < 3 ? Self.contacts(Array(repeating: "completed", count: limit)) : Self.contacts(["failed"])
                return CampaignContactsPage(results: results, page: page, limit: limit, totalPages: 3, totalResults: 201)
            })
        let store = AppStore(state: Self.active(12), runner: EffectRunner(service: service))
        store.send(.input(.key(.character("b"))))
        try await store.waitUntilIdle()
        #expect(store.state.board.counting.isEmpty)
        for row in store.state.board.rows {
            #expect(store.state.board.counts[row.id]?.last?.total == 201)
            #expect(store.state.board.counts[row.id]?.last?.connected == 200)
        }
        #expect(most.withLock { $0 } <= BoardState.countConcurrency)
    }
}

extension BoardTests {
    @Test("The mouse on the board: a click selects a row, a click on a header sorts by it, the wheel scrolls")
    func mouse() {
        var state = Self.active(5)
        UpdateTests.press(&state, .character("b"))
        let table = BoardLayout(state).table
        _ = AppUpdate.reduce(&state, .input(.mouse(MouseEvent(.click, x: 10, y: table.y + 3))))
        #expect(state.board.selected == 2)
        let attempts = BoardLayout.columns(in: table).first { $0.column == .attempts }!
        _ = AppUpdate.reduce(&state, .input(.mouse(MouseEvent(.click, x: attempts.x, y: table.y))))
        #expect(state.board.sort == BoardSort(column: .attempts))
        _ = AppUpdate.reduce(&state, .input(.mouse(MouseEvent(.wheelDown, x: 10, y: table.y + 3))))
        #expect(state.board.selected == 3)
    }
}

extension BoardTests {
    @Test("Once page 1 gives the page count, the other pages are read a few at a time; the page that completes the set ends the count")
    func pagesReadAFewAtATime() async {
        let inFlight = Locked(0)
        let most = Locked(0)
        let service = CampaignService(contactsPage: { _, page, limit in
            let now = inFlight.withLock { (count: inout Int) -> Int in
                count += 1
                return count
            }
            most.withLock { $0 = max($0, now) }
            defer { inFlight.withLock { $0 -= 1 } }
            await Task.yield()
            let results = Self.contacts(Array(repeating: page % 2 == 0 ? "completed" : "failed", count: page < 10 ? limit : 7))
            return CampaignContactsPage(results: results, page: page, limit: limit, totalPages: 10, totalResults: 907)
        })
        let store = TestStore(Self.active(1), service: service)
        let answers = await store.run(.countContacts(campaignID: "bd-000", generation: 3))
        let pages = answers.compactMap { action -> BoardCountPage? in
            if case .boardCountPage("bd-000", 3, let page) = action { return page } else { return nil }
        }
        #expect(pages.count == 10 && answers.count == 10)
        #expect(Set(pages.map(\.page)) == Set(1...10))
        #expect(pages.filter(\.isLast).count == 1 && pages.last?.isLast == true)
        let sum = pages.reduce(OutcomeTally()) { $0 + $1.tally }
        #expect(sum.total == 907 && sum.connected == 407 && sum.failed == 500)
        #expect(most.withLock { $0 } <= BoardState.countConcurrency)
    }

    @Test("A page that fails ends the count with its error; nothing more is answered")
    func failingPage() async {
        let service = CampaignService(contactsPage: { _, page, limit in
            if page == 4 { throw APIErrorStub.failed }
            return CampaignContactsPage(results: Self.contacts(Array(repeating: "", count: limit)), page: page, limit: limit,
                                        totalPages: 6, totalResults: 600)
        })
        let store = TestStore(Self.active(1), service: service)
        let answers = await store.run(.countContacts(campaignID: "bd-000", generation: 1))
        guard case .boardCountFailed("bd-000", 1, _)? = answers.last else {
            Issue.record("no failure: \(answers)")
            return
        }
        #expect(answers.filter { if case .boardCountFailed = $0 { return true } else { return false } }.count == 1)
        #expect(!answers.contains { if case .boardCountPage(_, _, let page) = $0 { return page.isLast } else { return false } })
    }
}

private enum APIErrorStub: Error { case failed }

extension BoardTests {
    @Test("The board's keys: none clashes by default; one rebound onto a key the board falls back to (j) is named as a conflict")
    func boardKeyConflicts() {
        #expect(Keymap.standard.conflicts() == [])
        let (keymap, problems) = Keymap.make(from: ["board.detail": ["j"]])
        #expect(problems == ["keys: j means both board.detail and down"])
        var state = Self.active(3)
        state.keymap = keymap
        UpdateTests.press(&state, .character("b"), .character("j"))
        #expect(state.screen == .campaignDetail(id: "bd-000"))  // the board's own binding is asked first
    }
}

extension BoardTests {
    @Test("Each count asks the campaign's status first: a campaign the list still calls Active shows Completed once the server says so")
    func statusFollowsTheServer() async throws {
        let campaigns = (0..<3).map { Self.campaign($0, status: .active) }
        let service = CampaignService(
            get: { id in campaigns.first { $0.id == id }! },
            contactsPage: { _, page, limit in
                CampaignContactsPage(results: Self.contacts(["completed"]), page: page, limit: limit, totalPages: 1, totalResults: 1)
            },
            status: { id in id == campaigns[1].id ? .completed : .active })
        let store = AppStore(state: Self.active(3), runner: EffectRunner(service: service))
        store.send(.input(.key(.character("b"))))
        try await store.waitUntilIdle()
        let statuses = Dictionary(uniqueKeysWithValues: store.state.board.rows.map { ($0.id, $0.status) })
        #expect(statuses[campaigns[1].id!] == "Completed")
        #expect(statuses[campaigns[0].id!] == "Active" && statuses[campaigns[2].id!] == "Active")
        // Ranked by the new status: the completed one sorts after the active ones.
        #expect(store.state.board.rows.last?.id == campaigns[1].id)
        #expect(AppView.render(store.state, size: store.state.size).text.contains("Completed"))
    }

    @Test("A status from an older count, or for a row not being counted, changes nothing")
    func staleStatusIgnored() {
        var state = Self.active(2)
        UpdateTests.press(&state, .character("b"))
        let id = state.board.rows[0].id
        let before = state.board
        _ = AppUpdate.reduce(&state, .boardStatusLoaded(id: id, generation: 99, .completed))
        #expect(state.board == before)
        _ = AppUpdate.reduce(&state, .boardStatusLoaded(id: id, generation: 1, .paused))
        #expect(state.board.rows.first { $0.id == id }?.status == "Paused")
    }
}

extension BoardTests {
    @Test("At 120 columns the board shows every count and the as-of time (the type gives way first)")
    func everyCountAt120() {
        let columns = BoardLayout.columns(in: Rect(x: 0, y: 0, width: 120, height: 40)).map(\.column)
        #expect(columns == BoardColumn.allCases.filter { $0 != .type })
    }
}
