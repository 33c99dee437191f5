import CampaignModel
import Foundation

/// The calling hours of listed campaigns, each distinct value kept once with its window status.
/// Campaigns mostly share a few sets of hours: one copy per campaign was several hundred bytes
/// each, tens of megabytes at 100,000.
struct CallingHoursTable: Equatable, Sendable {
    private(set) var hours: [CallingHours] = []
    /// The window status of each entry of `hours`, worked out again when it expires.
    private(set) var statuses: [CallingWindowStatus] = []
    private var slotsByHash: [Int: [Int32]] = [:]

    /// The entry holding `value`, added if it is new.
    mutating func slot(for value: CallingHours, now: Date) -> Int32 {
        let key = Self.hash(value)
        if let found = slotsByHash[key]?.first(where: { hours[Int($0)] == value }) { return found }
        let slot = Int32(hours.count)
        hours.append(value)
        statuses.append(CallingWindowStatus(hours: value, now: now))
        slotsByHash[key, default: []].append(slot)
        return slot
    }

    func hours(at slot: Int32) -> CallingHours? { slot >= 0 && Int(slot) < hours.count ? hours[Int(slot)] : nil }
    func status(at slot: Int32) -> CallingWindowStatus? { slot >= 0 && Int(slot) < statuses.count ? statuses[Int(slot)] : nil }

    /// Works out again the statuses that expired by `now`; true if any did.
    mutating func refresh(now: Date) -> Bool {
        var changed = false
        for index in statuses.indices where statuses[index].validUntil <= now {
            statuses[index] = CallingWindowStatus(hours: hours[index], now: now)
            changed = true
        }
        return changed
    }

    private static func hash(_ value: CallingHours) -> Int {
        var hasher = Hasher()
        hasher.combine(value.frequency?.rawValue)
        hasher.combine(value.timezone)
        for day in value.days {
            hasher.combine(day.day)
            hasher.combine(day.start)
            hasher.combine(day.end)
        }
        return hasher.finalize()
    }
}

/// Calling-window status by campaign id, as the list knows it (the full record's if fetched).
public struct CallingWindowLookup: Sendable {
    let list: CampaignListState
    public subscript(id: String) -> CallingWindowStatus? { list.window(id) }
}
