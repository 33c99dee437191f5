import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// The update alone: no network, no terminal. Campaigns are made up here.
@Suite("Update: keys, filter, sort, loading")
struct UpdateTests {
    static let now = Date(timeIntervalSince1970: 1_764_775_800)  // Wed 3 Dec 2025 15:30 UTC

    static func campaign(_ index: Int, status: CampaignStatus = .ready) -> Campaign {
        var campaign = Campaign(type: index % 3 == 0 ? .voice : .sms, name: String(format: "Campaign %05d", index),
                                contactLists: ["List \(index % 4)"])
        campaign.id = String(format: "cd-%05d", index)
        campaign.status = index % 5 == 0 ? .active : status
        campaign.priority = index % 5 + 1
        campaign.updatedAt = ISOTimestamp.format(now.addingTimeInterval(-Double(index) * 60))
        if campaign.type == .voice { campaign.dialingMode = .progressive } else { campaign.format = .simple }
        return campaign
    }

    static func loaded(_ count: Int, size: Size = Size(width: 120, height: 40)) -> AppState {
        var state = AppState(connection: ConnectionInfo(profile: "test", host: "http://127.0.0.1:1"),
                             supervisorZone: TimeZone(identifier: "UTC")!, now: now)
        _ = AppUpdate.reduce(&state, .input(.resize(size)))
        let effects = AppUpdate.startLoad(&state)
        #expect(effects == [.loadCampaigns(generation: 1)])
        deliver(&state, (0..<count).map { campaign($0) }, generation: 1)
        return state
    }

    /// A whole load of `campaigns` as the runner answers it: one page, then the end.
    static func deliver(_ state: inout AppState, _ campaigns: [Campaign], generation: Int) {
        _ = AppUpdate.reduce(&state, .campaignsPage(generation: generation, campaigns: campaigns,
                                                    loaded: campaigns.count, total: campaigns.count))
        _ = AppUpdate.reduce(&state, .campaignsLoaded(generation: generation, .success(campaigns.count)))
    }

    @discardableResult
    static func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        keys.flatMap { AppUpdate.reduce(&state, .input(.key($0))) }
    }

    @Test("j, k, PgDn, G and g move the selection within bounds and keep it on screen")
    func navigation() {
        var state = Self.loaded(100)
        Self.press(&state, .character("j"), .character("j"), .up)
        #expect(state.list.selected == 1)
        Self.press(&state, .character("G"))
        #expect(state.list.selected == 99)
        let rows = ScreenLayout(size: state.size, hasInputLine: false).listRows
        #expect(state.list.scrollTop == 100 - rows)
        Self.press(&state, .character("j"))
        #expect(state.list.selected == 99)
        Self.press(&state, .character("g"), .pageDown)
        #expect(state.list.selected == rows - 1)
        Self.press(&state, .pageUp, .pageUp, .character("k"))
        #expect(state.list.selected == 0 && state.list.scrollTop == 0)
    }

    @Test("/ filters as it is typed: words, status: and type:; Esc clears, Enter keeps")
    func filter() {
        var state = Self.loaded(60)
        Self.press(&state, .character("/"))
        #expect(state.input == .filter)
        for character in "status:act" { Self.press(&state, .character(character)) }
        #expect(state.list.visible.count == 12)
        #expect(state.list.visible.allSatisfy { state.list.rows[$0].status == "Active" })
        Self.press(&state, .enter)
        #expect(state.input == nil && state.list.filterText == "status:act")
        #expect(state.breadcrumbs.first == "Campaigns (SMS + voice) /status:act")
        Self.press(&state, .character("/"), .character(" "), .character("T"), .character("Y"), .character("P"),
                   .character("E"), .character(":"), .character("v"))
        #expect(state.list.visible.count == 4)
        Self.press(&state, .escape)
        #expect(state.list.filterText.isEmpty && state.list.visible.count == 60)
        Self.press(&state, .character("/"))
        for character in "campaign 0001" { Self.press(&state, .character(character)) }
        #expect(state.list.visible.count == 11)  // both words: 00001 and 00010–00019
        Self.press(&state, .backspace, .backspace, .backspace, .backspace)
        #expect(state.list.visible.count == 60)
    }

    @Test("t cycles SMS + voice, SMS, voice; :voice and :all choose directly")
    func typeScope() {
        var state = Self.loaded(30)
        Self.press(&state, .character("t"))
        #expect(state.list.scope == .sms && state.list.visible.count == 20)
        Self.press(&state, .character("t"))
        #expect(state.list.scope == .voice && state.list.visible.count == 10)
        Self.press(&state, .character("t"))
        #expect(state.list.scope == .all)
        Self.press(&state, .character(":"), .character("v"), .character("o"), .enter)
        #expect(state.list.scope == .voice)
        Self.press(&state, .character(":"), .character("a"), .character("l"), .character("l"), .enter)
        #expect(state.list.scope == .all)
        Self.press(&state, .character(":"), .character("z"), .enter)
        #expect(state.lastError?.contains("unknown command :z") == true)
    }

    @Test("a digit sorts by its column and again reverses; clicking a header sorts too")
    func sorting() {
        var state = Self.loaded(20)
        Self.press(&state, .character("4"))
        #expect(state.list.sort == CampaignSort(column: .priority, ascending: true))
        let priorities = state.list.visible.map { state.list.rows[$0].priorityValue }
        #expect(priorities == priorities.sorted())
        Self.press(&state, .character("4"))
        #expect(state.list.visible.map { state.list.rows[$0].priorityValue } == priorities.sorted(by: >))
        Self.press(&state, .character("8"))
        let dates = state.list.visible.map { state.list.rows[$0].updatedDate }
        #expect(dates == dates.sorted())
        let layout = ScreenLayout(size: state.size, hasInputLine: false)
        var x = layout.list.x + ListLayout.gutter
        for (column, width) in ListLayout.widths(layout.list.width - ListLayout.gutter) {
            if column == .status { break }
            x += width + 1
        }
        _ = AppUpdate.reduce(&state, .input(.mouse(MouseEvent(.click, x: x + 1, y: layout.list.y))))
        #expect(state.list.sort.column == .status)
        _ = AppUpdate.reduce(&state, .input(.mouse(MouseEvent(.click, x: 5, y: layout.list.y + 4))))
        #expect(state.list.selected == 3)
        _ = AppUpdate.reduce(&state, .input(.mouse(MouseEvent(.wheelDown, x: 5, y: 5))))
        #expect(state.list.selected == 4)
    }

    @Test("Enter opens the detail, Esc goes back, q on the list quits; a signal quits too")
    func screens() {
        var state = Self.loaded(10)
        Self.press(&state, .character("j"), .enter)
        #expect(state.screen == .campaignDetail(id: "cd-00001"))
        #expect(state.breadcrumbs == ["Campaigns (SMS + voice)", "Campaign 00001"])
        #expect(!Self.press(&state, .escape).contains(.quit))
        #expect(state.screen == .campaigns)
        Self.press(&state, .character("?"))
        #expect(state.screen == .help)
        #expect(Self.press(&state, .character("q"), .character("q")).contains(.quit))
        var other = Self.loaded(3)
        #expect(AppUpdate.reduce(&other, .signal(15)).contains(.quit))
        var third = Self.loaded(3)
        #expect(Self.press(&third, .control("c")).contains(.quit))
    }

    @Test("answers to an older load are ignored; a failed load says why and r retries")
    func loading() {
        var state = Self.loaded(5)
        let effects = Self.press(&state, .character("r"))
        #expect(effects.contains(.loadCampaigns(generation: 2)))
        _ = AppUpdate.reduce(&state, .campaignsLoaded(generation: 1, .success(0)))
        #expect(state.list.rows.count == 5 && state.load.isLoading)
        _ = AppUpdate.reduce(&state, .campaignsLoaded(generation: 2, .failure(ListLoadFailure([
            (.sms, UIError("server error (HTTP 500)")), (.voice, UIError("cannot reach the host"))]))))
        let said = "SMS campaigns not loaded: server error (HTTP 500); voice campaigns not loaded: cannot reach the host"
        #expect(state.load.failure == said && state.lastError == said)
        #expect(state.list.rows.count == 5)
        #expect(Self.press(&state, .character("r")) == [.loadCampaigns(generation: 3)])
    }

    @Test("pages of a first load show as they land; details are asked once for the rows on screen")
    func pagesAndDetails() {
        var state = AppState(connection: ConnectionInfo(profile: "t", host: "h"), now: Self.now)
        _ = AppUpdate.reduce(&state, .input(.resize(Size(width: 80, height: 24))))
        _ = AppUpdate.startLoad(&state)
        let effects = AppUpdate.reduce(&state, .campaignsPage(generation: 1, campaigns: (0..<50).map { Self.campaign($0) },
                                                              loaded: 50, total: 200))
        #expect(state.list.rows.count == 50 && state.load.isLoading)
        let rows = ScreenLayout(size: state.size, hasInputLine: false).listRows
        let ids = effects.compactMap { effect -> String? in if case .loadDetail(let id) = effect { return id } else { return nil } }
        #expect(ids.count == rows && effects.count == rows)
        #expect(AppUpdate.detailsForVisibleRows(&state).isEmpty)
        var full = Self.campaign(0)
        full.dialingStrategy = DialingStrategy(callingHours: CallingHours(frequency: .weekly, timezone: "America/New_York",
                                                                          days: [CallingDay(day: "WE", start: "9:00 AM", end: "5:00 PM")]))
        _ = AppUpdate.reduce(&state, .detailLoaded(id: "cd-00000", .success(full)))
        #expect(state.list.windows["cd-00000"]?.isOpen == true)  // 10:30 AM in New York
        #expect(!state.detailsInFlight.contains("cd-00000"))
        // Moving away cancels the fetches of rows that left the screen; none being left in flight,
        // the rows now on screen are asked for.
        let moved = Self.press(&state, .character("G"))
        let cancelled = moved.compactMap { effect -> String? in if case .cancel(.detail(let id)) = effect { return id } else { return nil } }
        let following = moved.compactMap { effect -> String? in if case .loadDetail(let id) = effect { return id } else { return nil } }
        #expect(cancelled == ids.dropFirst().sorted())
        #expect(state.detailsInFlight == Set(following))
        #expect(AppUpdate.detailsForVisibleRows(&state).isEmpty)
        // A cancelled fetch that answers anyway records no error.
        _ = AppUpdate.reduce(&state, .detailLoaded(id: ids[1], .failure(UIError("gone"))))
        #expect(state.detailErrors[ids[1]] == nil && state.lastError == nil)
        #expect(following.contains("cd-00049") && !following.contains(ids[0]))
    }

    @Test("100,000 campaigns: the end of the list is reached and only visible rows are drawn")
    func hugeList() {
        var state = Self.loaded(100_000, size: Size(width: 200, height: 60))
        Self.press(&state, .character("G"))
        let canvas = AppView.render(state, size: state.size)
        #expect(canvas.text.contains("Campaign 99999"))
        #expect(canvas.text.contains("row 100,000/100,000"))
    }

    @Test("below 20×6 the screen says it is too small, and nothing breaks at 1×1")
    func tooSmall() {
        let state = Self.loaded(5)
        #expect(AppView.render(state, size: Size(width: 19, height: 10)).text.hasPrefix("Terminal too small"))
        #expect(AppView.render(state, size: Size(width: 1, height: 1)).text == "…")
        #expect(AppView.render(state, size: Size(width: 0, height: 0)).text == "")
    }
}

extension UpdateTests {
    @Test("keys typed while the form loads go into the form once it opens; Esc gives up instead")
    func typeAheadIntoTheForm() throws {
        var state = Self.loaded(10)
        var campaign = try #require(state.list.selectedCampaign)
        campaign.dialingStrategy = DialingStrategy(callerId: "+14155550123")
        campaign.dialingStrategy?.callingHours = CallingHours(frequency: .weekly, timezone: "UTC", days: [])
        #expect(Self.press(&state, .character("e")) == [.fetchForEdit(campaign.id!)])
        Self.press(&state, .end, .character("!"), .tab)
        #expect(state.editor == nil && state.typeAhead.count == 3)
        _ = AppUpdate.reduce(&state, .editLoaded(id: campaign.id!, .success(campaign)))
        #expect(state.editor?.text(.name) == campaign.name + "!")
        #expect(state.editor?.focusedField?.id == .description)
        // ← and → move the cursor in a text field, and change a select.
        Self.press(&state, .control("u"), .character("a"), .character("c"), .left, .character("b"))
        #expect(state.editor?.text(.description) == "abc")
        Self.press(&state, .backTab, .backTab)
        #expect(state.editor?.focusedField?.id == .kind)
        Self.press(&state, .right)
        #expect(state.editor?.variant == .voicePreview)
        // Esc while loading: no form, and the keys are dropped.
        var other = Self.loaded(10)
        Self.press(&other, .character("e"), .character("x"), .escape)
        _ = AppUpdate.reduce(&other, .editLoaded(id: campaign.id!, .success(campaign)))
        #expect(other.editor == nil && other.typeAhead.isEmpty)
    }
}

extension UpdateTests {
    @Test("u in the grid undoes changes one by one, presets and timezone shifts included")
    func gridUndo() {
        var state = Self.loaded(3)
        _ = AppUpdate.reduce(&state, .input(.key(.character("n"))))
        _ = AppUpdate.reduce(&state, .input(.key(.enter)))
        while state.editor?.focusedField?.id != .callingHours { Self.press(&state, .tab) }
        Self.press(&state, .enter)
        let start = state.editor!.grid.schedule
        Self.press(&state, .character("$"), .character(" "))
        let afterToggle = state.editor!.grid.schedule
        #expect(afterToggle != start)
        Self.press(&state, .character("3"))
        #expect(state.editor!.grid.schedule.isEmpty)
        Self.press(&state, .character("h"))  // a move changes nothing to undo
        Self.press(&state, .character("u"))
        #expect(state.editor!.grid.schedule == afterToggle)
        Self.press(&state, .character("u"))
        #expect(state.editor!.grid.schedule == start)
        Self.press(&state, .character("u"))
        #expect(state.notice == "nothing to undo")
    }
}
