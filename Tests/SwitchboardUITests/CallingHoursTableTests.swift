import CampaignModel
import Foundation
import Testing
@testable import SwitchboardUI

/// Issue 13 (memory at 100,000 campaigns): calling hours listed with summaries are kept once per
/// distinct value, with one window status each, and the list still answers per campaign.
@Suite("Calling hours kept once per value")
struct CallingHoursTableTests {
    static let weekdays = CallingHours(frequency: .tolerant("WEEKLY"), timezone: "America/New_York",
                                       days: ["MO", "TU", "WE", "TH", "FR"].map { CallingDay(day: $0, start: "9:00 AM", end: "5:00 PM") })
    static let evenings = CallingHours(frequency: .tolerant("WEEKLY"), timezone: "Asia/Kolkata",
                                       days: [CallingDay(day: "MO", start: "6:00 PM", end: "9:00 PM")])

    static func campaigns(_ count: Int) -> [Campaign] {
        (0..<count).map { index in
            var campaign = UpdateTests.campaign(index)
            campaign.dialingStrategy = DialingStrategy(callingHours: index % 2 == 0 ? weekdays : evenings)
            if index % 7 == 0 { campaign.dialingStrategy = nil }
            return campaign
        }
    }

    @Test("equal hours share one entry; each campaign still reads its own hours and window")
    func sharedEntries() {
        var table = CallingHoursTable()
        let now = UpdateTests.now
        let first = table.slot(for: Self.weekdays, now: now)
        #expect(table.slot(for: Self.evenings, now: now) != first)
        #expect(table.slot(for: Self.weekdays, now: now) == first)
        #expect(table.hours.count == 2 && table.statuses.count == 2)

        var state = UpdateTests.loaded(0)
        UpdateTests.deliver(&state, Self.campaigns(50), generation: state.load.generation)
        for campaign in Self.campaigns(50) {
            let id = campaign.id!
            #expect(state.list.campaign(id: id)?.dialingStrategy?.callingHours == campaign.dialingStrategy?.callingHours)
            #expect(state.list.windows[id] == campaign.dialingStrategy.map { _ in CallingWindowStatus(campaign: campaign, now: state.now) })
        }
    }

    @Test("a full record's window wins over the summary's; expired statuses are worked out again")
    func detailAndRefresh() {
        var state = UpdateTests.loaded(0)
        UpdateTests.deliver(&state, Self.campaigns(4), generation: state.load.generation)
        let id = Self.campaigns(4)[1].id!
        var full = Self.campaigns(4)[1]
        full.dialingStrategy = DialingStrategy(callingHours: Self.weekdays)
        _ = AppUpdate.reduce(&state, .detailLoaded(id: id, .success(full)))
        #expect(state.list.windows[id] == CallingWindowStatus(campaign: full, now: state.now))
        // A week later every status has expired at least once and is current again.
        let later = state.now.addingTimeInterval(7 * 86_400 + 60)
        _ = AppUpdate.reduce(&state, .tick(later))
        for campaign in Self.campaigns(4) where campaign.id != id {
            #expect(state.list.windows[campaign.id!] == campaign.dialingStrategy.map { _ in CallingWindowStatus(campaign: campaign, now: later) })
        }
        #expect(state.list.windows[id] == CallingWindowStatus(campaign: full, now: later))
    }
}
