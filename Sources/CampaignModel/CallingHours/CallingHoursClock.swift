import Foundation

/// Answers "may we call now, and when does that change?" for a week of calling hours in an IANA
/// time zone.
///
/// Windows are wall-clock times in the campaign's zone. Across a DST change:
/// - when clocks spring forward, a window that starts in the skipped hour opens at the moment
///   of the change (2:30 AM does not exist, so the first instant at or after it is 3:00 AM);
/// - when clocks fall back, the repeated hour counts twice: an instant is open whenever its wall
///   time lies in a window.
public struct CallingHoursClock: Sendable {
    public let schedule: WeekSchedule
    public let timeZone: TimeZone

    public init(schedule: WeekSchedule, timeZone: TimeZone) {
        self.schedule = schedule
        self.timeZone = timeZone
    }

    /// The clock for a campaign's calling hours; fails with the same issues validation gives.
    public init(callingHours: CallingHours) throws(ValidationFailure) {
        let schedule = try WeekSchedule(days: callingHours.days)
        guard let identifier = callingHours.timezone, let zone = IANAZones.zone(identifier) else {
            throw ValidationFailure([ValidationIssue(
                path: "timezone", message: "\"\(callingHours.timezone ?? "")\" is not an IANA time zone such as Asia/Kolkata.")])
        }
        self.init(schedule: schedule, timeZone: zone)
    }

    /// Whether calls may be placed at `instant`.
    public func isOpen(at instant: Date) -> Bool {
        let wall = wallSeconds(instant)
        let day = Weekday(rawValue: Self.weekdayIndex(ofWallSeconds: wall))!
        let minute = Int(Self.floorMod(wall, 86_400) / 60)
        return schedule.isOpen(on: day, minute: minute)
    }

    /// The first instant after `instant` at which calling opens, or nil if it never does.
    public func nextOpening(after instant: Date) -> Date? {
        nextChange(after: instant, opening: true)
    }

    /// The first instant after `instant` at which calling closes, or nil if it never does
    /// (open around the clock, or never open).
    public func nextClosing(after instant: Date) -> Date? {
        nextChange(after: instant, opening: false)
    }

    /// The open spans that overlap `range`, clipped to it: the same hours seen from anywhere.
    public func openIntervals(from start: Date, to end: Date) -> [DateInterval] {
        var intervals: [DateInterval] = []
        var cursor = start
        if !isOpen(at: cursor) {
            guard let opening = nextOpening(after: cursor), opening < end else { return [] }
            cursor = opening
        }
        while cursor < end {
            let closing = nextClosing(after: cursor).map { min($0, end) } ?? end
            intervals.append(DateInterval(start: cursor, end: closing))
            guard closing < end, let opening = nextOpening(after: closing), opening < end else { break }
            cursor = opening
        }
        return intervals
    }

    // MARK: Finding changes

    private func nextChange(after instant: Date, opening: Bool) -> Date? {
        guard !schedule.isEmpty else { return nil }
        let candidates = changeCandidates(after: instant)
        for candidate in candidates where candidate > instant {
            let now = isOpen(at: candidate)
            let before = isOpen(at: candidate.addingTimeInterval(-1))
            if now == opening && before != opening { return candidate }
        }
        return nil
    }

    /// Every instant within the next eight days at which the state might change: each window
    /// edge resolved with each UTC offset the zone uses nearby, and each DST transition.
    private func changeCandidates(after instant: Date) -> [Date] {
        let wallNow = wallSeconds(instant)
        let firstDay = Self.floorDiv(wallNow, 86_400) - 1
        var candidates: Set<Date> = []
        for dayNumber in firstDay...(firstDay + 9) {
            let weekday = Weekday(rawValue: Self.weekdayIndex(ofWallSeconds: dayNumber * 86_400))!
            for window in schedule.windows(on: weekday) {
                for minute in [window.start, window.end] {
                    let wall = dayNumber * 86_400 + Int64(minute) * 60
                    for offset in offsets(near: wall) {
                        candidates.insert(Date(timeIntervalSince1970: TimeInterval(wall - offset)))
                    }
                }
            }
        }
        var transition = instant
        let horizon = instant.addingTimeInterval(10 * 86_400)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: transition), next < horizon {
            candidates.insert(next)
            transition = next
        }
        return candidates.sorted()
    }

    /// The UTC offsets (seconds) in force a day either side of a wall time.
    private func offsets(near wall: Int64) -> Set<Int64> {
        let guess = Date(timeIntervalSince1970: TimeInterval(wall))
        return Set([-86_400.0, 0, 86_400].map {
            Int64(timeZone.secondsFromGMT(for: guess.addingTimeInterval($0)))
        })
    }

    // MARK: Wall-clock arithmetic

    /// Seconds since 1970-01-01 00:00 of the wall clock in the zone at `instant`.
    private func wallSeconds(_ instant: Date) -> Int64 {
        let seconds = Int64(instant.timeIntervalSince1970.rounded(.down))
        return seconds + Int64(timeZone.secondsFromGMT(for: instant))
    }

    /// 1970-01-01 was a Thursday (index 3, Monday first).
    static func weekdayIndex(ofWallSeconds wall: Int64) -> Int {
        Int(floorMod(floorDiv(wall, 86_400) + 3, 7))
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }
}

extension CallingHoursClock {
    /// The weekday and minute of the day that `instant` shows on the wall clocks of `zone`.
    public static func wallClock(_ instant: Date, in zone: TimeZone) -> (day: Weekday, minute: Int) {
        let wall = Int64(instant.timeIntervalSince1970.rounded(.down)) + Int64(zone.secondsFromGMT(for: instant))
        return (Weekday(rawValue: weekdayIndex(ofWallSeconds: wall))!, Int(floorMod(wall, 86_400) / 60))
    }

    /// "Mon 9:00 AM" of `instant` in `zone`, with the zone's abbreviation when it has one
    /// ("Mon 9:00 AM IST").
    public static func describe(_ instant: Date, in zone: TimeZone, withZone: Bool = true) -> String {
        let (day, minute) = wallClock(instant, in: zone)
        let time = ClockTime(minutes: minute)!.formatted
        let name = day.shortName + " " + time
        guard withZone else { return name }
        return name + " " + (zone.abbreviation(for: instant) ?? zone.identifier)
    }
}

/// IANA time-zone identifiers ("Asia/Kolkata"), as opposed to abbreviations ("IST"), offsets
/// ("GMT+5") or legacy aliases ("US/Eastern") that Foundation would also accept.
public enum IANAZones {
    static let areas: Set<String> = [
        "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific", "Etc",
    ]
    /// Current names that older ICU lists still give under their former spelling.
    static let renamed = ["Asia/Kolkata", "Asia/Kathmandu", "Asia/Yangon", "Europe/Kyiv", "America/Nuuk", "Pacific/Kanton"]

    /// Every identifier for the picker, sorted.
    public static let identifiers: [String] = Set(TimeZone.knownTimeZoneIdentifiers + renamed + ["UTC"])
        .filter(isIdentifierShape).filter { TimeZone(identifier: $0) != nil }.sorted()

    /// The zone for a real IANA identifier; nil for anything else.
    public static func zone(_ identifier: String) -> TimeZone? {
        guard isIdentifierShape(identifier) else { return nil }
        return TimeZone(identifier: identifier)
    }

    static func isIdentifierShape(_ identifier: String) -> Bool {
        if identifier == "UTC" { return true }
        let parts = identifier.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count >= 2 && areas.contains(String(parts[0])) && parts.dropFirst().allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-+".contains($0)) }
        }
    }
}
