import CampaignModel
import Foundation
import Testing
import TerminalKit
@testable import SwitchboardUI

/// Issue 14, Enter on a board row: the campaign's contacts, paged from the server near the
/// viewport, sortable and filterable (`/outcome:failed`, `/attempts:>2`) over every contact.
@Suite("Campaign contacts screen")
struct ContactsScreenTests {
    typealias B = BoardTests

    /// Contact `index` of a made-up campaign: outcomes and attempts cycle.
    static func contact(_ index: Int) -> CampaignContact {
        let outcomes = ["completed", "failed", "noAnswer", "busy", ""]
        return CampaignContact(phoneNumber: String(format: "+1415%07d", index), dialerOutcome: outcomes[index % 5],
                               numberOfAttemptsSoFar: index % 4, agentDispositionCodes: index % 7 == 0 ? ["CALLBACK"] : [],
                               botOutboundStatus: index % 5 == 0 ? "userHangUp" : nil)
    }

    /// Page `page` of a campaign of `total` contacts.
    static func page(_ page: Int, of total: Int) -> CampaignContactsPage {
        let start = (page - 1) * 100
        let results = start < total ? (start..<min(total, start + 100)).map(contact) : []
        return CampaignContactsPage(results: results, page: page, limit: 100, totalPages: (total + 99) / 100, totalResults: total)
    }

    /// The board open on one Active campaign, then its contacts screen.
    static func opened(size: Size = Size(width: 120, height: 40)) -> (AppState, [Effect]) {
        var state = B.active(1, size: size)
        UpdateTests.press(&state, .character("b"))
        let effects = UpdateTests.press(&state, .enter)
        return (state, effects)
    }

    static func pageLoads(_ effects: [Effect]) -> [Int] {
        effects.compactMap { if case .loadContactsPage(_, let page) = $0 { return page } else { return nil } }
    }

    @Test("Filters read: outcome:failed, outcome:no_answer, attempts:>2 and friends, plain words")
    func filterParsing() throws {
        let failed = try ContactFilter.parse("outcome:failed").get()
        #expect(failed.outcomes == ["failed"])
        #expect(try ContactFilter.parse("outcome:FAIL").get().outcomes == ["failed"])
        #expect(try ContactFilter.parse("outcome:no_answer outcome:busy").get().outcomes == ["noAnswer", "busy"])
        #expect(try ContactFilter.parse("attempts:>2").get().attempts == [.greater(2)])
        #expect(try ContactFilter.parse("attempts:>=2 attempts:<5").get().attempts == [.greaterOrEqual(2), .less(5)])
        #expect(try ContactFilter.parse("attempts:3").get().attempts == [.equal(3)])
        #expect(try ContactFilter.parse("  +1415  callback ").get().words == ["+1415", "callback"])
        #expect(try ContactFilter.parse("").get().isEmpty)
        // What matches.
        let three = CampaignContact(phoneNumber: "+14155550100", dialerOutcome: "failed", numberOfAttemptsSoFar: 3,
                                    agentDispositionCodes: ["CALLBACK"])
        #expect(failed.matches(three))
        #expect(try ContactFilter.parse("attempts:>2 callback").get().matches(three))
        #expect(try !ContactFilter.parse("attempts:>3").get().matches(three))
        #expect(try !ContactFilter.parse("outcome:connected").get().matches(three))
        #expect(try ContactFilter.parse("outcome:other").get().matches(CampaignContact(phoneNumber: "1", dialerOutcome: "voicemail")))
    }

    @Test("A filter that does not read is a clear message, never a crash", arguments: [
        ("outcome:bogus", "outcome:bogus — try outcome:connected"),
        ("outcome:", "outcome: — try"),
        ("attempts:>x", "attempts:>x — write a number"),
        ("attempts:", "attempts: — write a number"),
        ("attempts:>-1", "attempts:>-1 — write a number"),
        ("phone:1", "phone: is not a filter"),
    ])
    func badFilters(text: String, message: String) {
        guard case .failure(let error) = ContactFilter.parse(text) else {
            Issue.record("\(text) was read")
            return
        }
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }

    @Test("Enter on a board row opens its contacts: the pages near the viewport are read, the rest as the user scrolls")
    func pagedAsYouScroll() {
        var (state, effects) = Self.opened(size: Size(width: 120, height: 24))
        #expect(state.screen == .campaignContacts(id: "bd-000"))
        #expect(state.breadcrumbs.last == "Board 000 contacts")
        // The board's counts stop: its rows are not on screen.
        #expect(B.cancelled(effects) == ["bd-000"])
        #expect(Self.pageLoads(effects) == [1, 2])
        _ = AppUpdate.reduce(&state, .contactsPageLoaded(campaignID: "bd-000", page: 1, .success(Self.page(1, of: 1_000))))
        #expect(state.contacts?.total == 1_000 && state.contacts?.rowCount == 1_000)
        #expect(AppView.render(state, size: state.size).text.contains("+14150000000"))
        // G: the last pages are read, the second page (far away now) is no longer waited for.
        let end = UpdateTests.press(&state, .character("G"))
        #expect(end.contains(.cancel(.contactsPage("bd-000", 2))))
        #expect(Set(Self.pageLoads(end)) == [9, 10])
        #expect(state.contacts?.selected == 999)
        // A row whose page has not come shows "…"; once it comes, the contact.
        #expect(AppView.render(state, size: state.size).text.contains("▸…"))
        _ = AppUpdate.reduce(&state, .contactsPageLoaded(campaignID: "bd-000", page: 10, .success(Self.page(10, of: 1_000))))
        #expect(AppView.render(state, size: state.size).text.contains("+14150000999"))
        // Keys in a burst read nothing until they settle.
        let burst = UpdateTests.press(&state, .character("g"))
        #expect(Self.pageLoads(burst).isEmpty && state.contacts?.pagesLoading.isEmpty == true)
        let settled = AppUpdate.reduce(&state, .woke(.boardKeysSettled))
        #expect(Self.pageLoads(settled) == [2])  // page 1 is still in the cache
        // A page answer for a page no longer wanted is ignored.
        let before = state
        _ = AppUpdate.reduce(&state, .contactsPageLoaded(campaignID: "bd-000", page: 5, .success(Self.page(5, of: 1_000))))
        #expect(state == before)
    }

    @Test("Sorting or filtering reads every contact in the background, with its progress on screen; the result covers them all")
    func sortAndFilterOverAll() {
        var (state, _) = Self.opened()
        _ = AppUpdate.reduce(&state, .contactsPageLoaded(campaignID: "bd-000", page: 1, .success(Self.page(1, of: 450))))
        let sorted = UpdateTests.press(&state, .character("3"))
        #expect(sorted.contains(.loadAllContacts(campaignID: "bd-000", fromPage: 1)))
        #expect(sorted.contains(.cancel(.contactsPage("bd-000", 2))))
        #expect(state.contacts?.loadingAll == true && state.contacts?.sort == ContactSort(column: .attempts))
        #expect(AppView.render(state, size: state.size).text.contains("reading every contact to sort and filter: 100 of 450"))
        // A filter typed meanwhile applies to what is read so far.
        UpdateTests.press(&state, .character("/"))
        for character in "outcome:failed" { UpdateTests.press(&state, .character(character)) }
        UpdateTests.press(&state, .enter)
        #expect(state.contacts?.rowCount == 20)
        for page in 1...5 {
            _ = AppUpdate.reduce(&state, .contactsPageLoaded(campaignID: "bd-000", page: page, .success(Self.page(page, of: 450))))
        }
        let contacts = try! #require(state.contacts)
        #expect(!contacts.loadingAll && contacts.allLoaded)
        let expected = (0..<450).map(Self.contact).enumerated().filter { $0.element.dialerOutcome == "failed" }
            .sorted { ($0.element.numberOfAttemptsSoFar, $0.offset) < ($1.element.numberOfAttemptsSoFar, $1.offset) }
            .map(\.element.phoneNumber)
        #expect((0..<contacts.rowCount).compactMap { contacts.contact(atPosition: $0)?.phoneNumber } == expected)
        let screen = AppView.render(state, size: state.size).text
        #expect(screen.contains("450 contacts · sorted by attempts ▲ · /outcome:failed: 90 match · over all 450"))
        #expect(state.breadcrumbs.last == "Board 000 contacts /outcome:failed")
        // The same column again reverses; 0 goes back to the server's order (the filter stays).
        UpdateTests.press(&state, .character("3"))
        #expect(state.contacts?.sort == ContactSort(column: .attempts, ascending: false))
        #expect(state.contacts.flatMap { $0.contact(atPosition: 0) }?.numberOfAttemptsSoFar == 3)
        UpdateTests.press(&state, .character("0"))
        #expect(state.contacts?.sort == nil && state.contacts?.rowCount == 90)
        // Esc in the filter line clears it: every contact again, in the server's order.
        UpdateTests.press(&state, .character("/"), .escape)
        #expect(state.contacts?.filterText == "" && state.contacts?.order == nil && state.contacts?.rowCount == 450)
    }

    @Test("A filter typed wrong says why on screen and keeps the last good one; nothing breaks")
    func badFilterOnScreen() {
        var (state, _) = Self.opened()
        _ = AppUpdate.reduce(&state, .contactsPageLoaded(campaignID: "bd-000", page: 1, .success(Self.page(1, of: 100))))
        UpdateTests.press(&state, .character("/"))
        for character in "attempts:>2" { UpdateTests.press(&state, .character(character)) }
        #expect(state.contacts?.filterError == nil && state.contacts?.rowCount == 25)
        for character in "x" { UpdateTests.press(&state, .character(character)) }
        #expect(state.contacts?.filterError?.contains("attempts:>2x") == true)
        #expect(state.contacts?.rowCount == 25)
        #expect(AppView.render(state, size: state.size).text.contains("✖ attempts:>2x — write a number"))
        UpdateTests.press(&state, .backspace)
        #expect(state.contacts?.filterError == nil)
    }

    @Test("A page that cannot be read says so and stops reading until r; r reads again")
    func pageFailure() {
        var (state, _) = Self.opened()
        let effects = AppUpdate.reduce(&state, .contactsPageLoaded(campaignID: "bd-000", page: 1, .failure(UIError("HTTP 503"))))
        #expect(Self.pageLoads(effects).isEmpty)
        #expect(AppView.render(state, size: state.size).text.contains("✖ not read: HTTP 503 — r retries"))
        let retry = UpdateTests.press(&state, .character("r"))
        #expect(Self.pageLoads(retry).contains(1) && state.contacts?.failure == nil)
    }

    @Test("The docs' sample page (totalResults 4 beside 3 results) ends at 3 contacts")
    func shortLastPage() {
        var (state, _) = Self.opened()
        var sample = Self.page(1, of: 3)
        sample.totalResults = 4
        _ = AppUpdate.reduce(&state, .contactsPageLoaded(campaignID: "bd-000", page: 1, .success(sample)))
        #expect(state.contacts?.total == 3 && state.contacts?.totalPages == 1)
        _ = AppUpdate.reduce(&state, .contactsPageLoaded(campaignID: "bd-000", page: 2, .success(Self.page(2, of: 3))))
        #expect(state.contacts?.total == 3 && state.contacts?.allLoaded == true)
    }
}
