import CampaignModel
import Foundation
import SnapshotTesting
import TerminalKit
import Testing
@testable import SwitchboardUI

/// The board and the contacts screen as text at 80×24 and 160×48, drawn headless from a state
/// built by actions (counts complete, partial and failed; windows open, closing soon, closed;
/// a page of contacts), so that every run draws the same cells.
@Suite("Board snapshots")
struct BoardSnapshotTests {
    typealias B = BoardTests
    static let sizes = [Size(width: 80, height: 24), Size(width: 160, height: 48)]

    static func hours(_ start: String, _ end: String, day: String = "WE", zone: String = "America/New_York") -> DialingStrategy {
        DialingStrategy(callingHours: CallingHours(frequency: .weekly, timezone: zone, days: [CallingDay(day: day, start: start, end: end)]))
    }

    static func tally(connected: Int, noAnswer: Int, busy: Int, failed: Int, inProgress: Int, attempts: Int) -> OutcomeTally {
        var tally = OutcomeTally()
        tally.connected = connected
        tally.noAnswer = noAnswer
        tally.busy = busy
        tally.failed = failed
        tally.inProgress = inProgress
        tally.attempts = attempts
        tally.total = connected + noAnswer + busy + failed + inProgress
        return tally
    }

    /// The board with six campaigns in every state a row can show.
    static func board(_ size: Size) -> AppState {
        var campaigns = [
            B.campaign(1, status: .active), B.campaign(2, status: .active), B.campaign(3, status: .paused),
            B.campaign(4, status: .scheduled), B.campaign(5, status: .completed, updatedAgo: 7_200), B.campaign(6, status: .active),
        ]
        campaigns[0].name = "Renewals east"
        campaigns[1].name = "Billing reminders"
        campaigns[2].name = "Survey follow-up"
        campaigns[3].name = "Welcome calls"
        campaigns[4].name = "Black Friday SMS"
        campaigns[5].name = "Collections west"
        var state = B.state(campaigns, size: size)
        // Calling hours: closing in 10 minutes, open till 5 PM, closed till tomorrow, none.
        let strategies = [hours("9:00 AM", "10:40 AM"), hours("9:00 AM", "5:00 PM", zone: "America/Chicago"),
                          hours("9:00 AM", "5:00 PM", day: "TH"), hours("8:00 AM", "6:00 PM", zone: "Europe/London"), nil,
                          hours("9:00 AM", "12:00 PM", zone: "America/Los_Angeles")]
        for (campaign, strategy) in zip(campaigns, strategies) {
            var full = campaign
            full.dialingStrategy = strategy
            _ = AppUpdate.reduce(&state, .detailLoaded(id: campaign.id!, .success(full)))
        }
        UpdateTests.press(&state, .character("b"))
        func page(_ id: String, _ tally: OutcomeTally, last: Bool = true, total: Int? = nil) {
            _ = AppUpdate.reduce(&state, .boardCountPage(id: id, generation: 1,
                                                           BoardCountPage(tally: tally, page: 1, isLast: last, totalResults: total)))
        }
        page("bd-001", tally(connected: 4_120, noAnswer: 1_310, busy: 402, failed: 268, inProgress: 3_900, attempts: 11_250))
        page("bd-002", tally(connected: 812, noAnswer: 95, busy: 40, failed: 53, inProgress: 0, attempts: 1_430))
        page("bd-003", tally(connected: 200, noAnswer: 60, busy: 10, failed: 30, inProgress: 700, attempts: 520))
        _ = AppUpdate.reduce(&state, .boardCountFailed(id: "bd-004", generation: 1, UIError("server error (HTTP 500)")))
        page("bd-005", tally(connected: 18_000, noAnswer: 0, busy: 0, failed: 2_000, inProgress: 0, attempts: 20_000))
        // The last is still on its first count: partial, dim.
        page("bd-006", tally(connected: 30, noAnswer: 20, busy: 5, failed: 5, inProgress: 40, attempts: 90), last: false, total: 100_000)
        _ = AppUpdate.reduce(&state, .tick(B.now.addingTimeInterval(2)))
        return state
    }

    @Test func board() {
        for size in Self.sizes {
            let state = Self.board(size)
            assertSnapshot(of: AppView.render(state, size: size).text, as: .lines, named: "board-\(size.width)x\(size.height)",
                           testName: "screen")
        }
    }

    @Test func contacts() {
        for size in Self.sizes {
            var state = Self.board(size)
            UpdateTests.press(&state, .enter)
            let page = CampaignContactsPage(results: (0..<100).map(ContactsScreenTests.contact), page: 1, limit: 100,
                                            totalPages: 3, totalResults: 250)
            _ = AppUpdate.reduce(&state, .contactsPageLoaded(campaignID: state.contacts!.campaignID, page: 1, .success(page)))
            UpdateTests.press(&state, .character("j"), .character("j"))
            assertSnapshot(of: AppView.render(state, size: size).text, as: .lines, named: "contacts-\(size.width)x\(size.height)",
                           testName: "screen")
        }
    }
}
