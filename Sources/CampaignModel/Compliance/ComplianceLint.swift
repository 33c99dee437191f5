import Foundation

/// One calling window of a campaign that, seen from a recipient zone, falls outside a rule.
public struct ComplianceFinding: Equatable, Sendable, CustomStringConvertible {
    public let ruleId: String
    public let citation: String
    /// The recipient zone the window was seen from.
    public let zone: String
    /// The window's day and span in the campaign's own zone.
    public let day: Weekday
    public let window: TimeWindow
    /// "MO 8:00 AM EST is 5:00 AM in America/Los_Angeles: outside TCPA 8 AM–9 PM (47 CFR 64.1200(c)(1))".
    public let message: String
    /// The first day (campaign-local, "2027-03-15") of a checked week in which the window breaks the rule.
    public let weekOf: String
    /// False when the window breaks the rule in some checked weeks only (daylight-saving time).
    public let everyWeek: Bool

    public var description: String {
        everyWeek ? message : message + " (in the week of \(weekOf); not all year)"
    }
}

/// Checks calling hours against compliance rules: each window of the campaign is placed on real
/// dates in the campaign's zone and seen from every recipient zone a rule covers, so daylight-saving
/// time is exact rather than assumed.
///
/// The weeks checked are the week starting at `referenceDate` and the week after every
/// daylight-saving change, within the following twelve months, of the campaign's zone or any zone
/// a rule covers: every combination of UTC offsets the year brings is seen once. A window is
/// reported once per rule and recipient zone, with the first week in which it breaks the rule.
public struct ComplianceLint: Equatable, Sendable {
    public let rules: [ComplianceRule]

    public init(rules: [ComplianceRule]) { self.rules = rules }

    /// The findings for a campaign; none when it has no calling hours. Calling hours that cannot
    /// be read throw the same issues validation gives.
    public func findings(for campaign: Campaign, referenceDate: Date) throws(ValidationFailure) -> [ComplianceFinding] {
        guard let hours = campaign.dialingStrategy?.callingHours else { return [] }
        return try findings(for: hours, type: campaign.type, referenceDate: referenceDate)
    }

    /// The findings for calling hours used by a campaign of `type` (nil: every rule applies).
    public func findings(for callingHours: CallingHours, type: CampaignType?, referenceDate: Date) throws(ValidationFailure) -> [ComplianceFinding] {
        let clock = try CallingHoursClock(callingHours: callingHours)
        return findings(for: clock.schedule, in: clock.timeZone, type: type, referenceDate: referenceDate)
    }

    /// The findings for a week of windows in `zone`.
    public func findings(for schedule: WeekSchedule, in zone: TimeZone, type: CampaignType?, referenceDate: Date) -> [ComplianceFinding] {
        let applicable = rules.filter { $0.channel.covers(type) }
        guard !applicable.isEmpty, !schedule.isEmpty else { return [] }
        let recipientZones = applicable.flatMap(\.zones).compactMap(IANAZones.zone)
        let weeks = Self.sampleWeeks(campaignZone: zone, recipientZones: recipientZones, referenceDate: referenceDate)
        var found: [String: ComplianceFinding] = [:]
        var order: [String] = []
        var weeksBroken: [String: Int] = [:]
        for week in weeks {
            for instance in Self.instances(of: schedule, in: zone, week: week) {
                for rule in applicable {
                    for zoneName in rule.zones {
                        guard let recipient = IANAZones.zone(zoneName),
                              let outside = Self.firstOutside(from: instance.start, to: instance.end, in: recipient, allowed: rule.allowed)
                        else { continue }
                        let key = "\(rule.id)|\(zoneName)|\(instance.day.rawValue)|\(instance.window.start)-\(instance.window.end)"
                        weeksBroken[key, default: 0] += 1
                        guard found[key] == nil else { continue }
                        order.append(key)
                        found[key] = ComplianceFinding(
                            ruleId: rule.id, citation: rule.citation, zone: zoneName, day: instance.day, window: instance.window,
                            message: Self.message(instance, campaignZone: zone, outside: outside, recipient: recipient, rule: rule),
                            weekOf: week.label, everyWeek: true)
                    }
                }
            }
        }
        return order.map { key in
            let finding = found[key]!
            guard weeksBroken[key, default: 0] < weeks.count else { return finding }
            return ComplianceFinding(ruleId: finding.ruleId, citation: finding.citation, zone: finding.zone, day: finding.day,
                                     window: finding.window, message: finding.message, weekOf: finding.weekOf, everyWeek: false)
        }
    }

    // MARK: Weeks and window instances

    /// A checked week: seven consecutive local dates in the campaign's zone.
    struct Week {
        let year: Int, month: Int, day: Int
        var label: String { String(format: "%04d-%02d-%02d", year, month, day) }
    }

    /// One window on one concrete date.
    struct Instance {
        let day: Weekday
        let window: TimeWindow
        let start: Date
        let end: Date
    }

    static func calendar(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// The reference week and the week after each daylight-saving change within a year, in any zone involved.
    static func sampleWeeks(campaignZone: TimeZone, recipientZones: [TimeZone], referenceDate: Date) -> [Week] {
        let calendar = Self.calendar(campaignZone)
        let horizon = referenceDate.addingTimeInterval(366 * 86_400)
        var starts = [referenceDate]
        var seenZones = Set<String>()
        for zone in [campaignZone] + recipientZones where seenZones.insert(zone.identifier).inserted {
            var cursor = referenceDate
            while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < horizon {
                starts.append(next.addingTimeInterval(86_400))
                cursor = next
            }
        }
        var weeks: [Week] = []
        var labels = Set<String>()
        for start in starts.sorted() {
            let parts = calendar.dateComponents([.year, .month, .day], from: start)
            let week = Week(year: parts.year!, month: parts.month!, day: parts.day!)
            if labels.insert(week.label).inserted { weeks.append(week) }
        }
        // The reference week first, so that findings name it when it breaks the rule.
        return weeks
    }

    /// Each window of `schedule` placed on the seven dates of `week` in `zone`.
    static func instances(of schedule: WeekSchedule, in zone: TimeZone, week: Week) -> [Instance] {
        let calendar = Self.calendar(zone)
        guard let noon = calendar.date(from: DateComponents(year: week.year, month: week.month, day: week.day, hour: 12)) else { return [] }
        var result: [Instance] = []
        for offset in 0..<7 {
            guard let date = calendar.date(byAdding: .day, value: offset, to: noon) else { continue }
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let day = Weekday(rawValue: (parts.weekday! + 5) % 7)!
            for window in schedule.windows(on: day) {
                guard let start = instant(calendar, parts, minutes: window.start),
                      let end = instant(calendar, parts, minutes: window.end), start < end else { continue }
                result.append(Instance(day: day, window: window, start: start, end: end))
            }
        }
        return result
    }

    /// The instant a local date and minute (up to 1440, the next midnight) stand for; a time in a
    /// spring-forward gap is the moment of the change.
    static func instant(_ calendar: Calendar, _ date: DateComponents, minutes: Int) -> Date? {
        guard let midnight = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) else { return nil }
        if minutes == 1440 { return calendar.date(byAdding: .day, value: 1, to: midnight) }
        if let exact = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day,
                                                          hour: minutes / 60, minute: minutes % 60)),
           CallingHoursClock.wallClock(exact, in: calendar.timeZone).minute == minutes {
            return exact
        }
        // In a gap: the first instant whose wall clock is at or past the time.
        var probe = midnight
        while let next = calendar.timeZone.nextDaylightSavingTimeTransition(after: probe), next < midnight.addingTimeInterval(2 * 86_400) {
            if CallingHoursClock.wallClock(next, in: calendar.timeZone).minute >= minutes { return next }
            probe = next
        }
        return nil
    }

    /// The first instant in [start, end) whose wall clock in `zone` lies outside `allowed`, or nil.
    static func firstOutside(from start: Date, to end: Date, in zone: TimeZone, allowed: WeekSchedule) -> Date? {
        var cursor = start
        var steps = 0
        while cursor < end, steps < 64 {
            steps += 1
            let (day, minute) = CallingHoursClock.wallClock(cursor, in: zone)
            guard let window = allowed.windows(on: day).first(where: { $0.contains(minute: minute) }) else { return cursor }
            var next = cursor.addingTimeInterval(TimeInterval(window.end - minute) * 60)
            if let change = zone.nextDaylightSavingTimeTransition(after: cursor), change < next { next = change }
            cursor = next
        }
        return nil
    }

    // MARK: Wording

    /// "ET", "CT", "MST", "HST" where English has a short generic name; else the offset
    /// ("GMT+5:30"); else the identifier.
    public static func zoneLabel(_ zone: TimeZone, at instant: Date) -> String {
        let english = Locale(identifier: "en_US")
        if let generic = zone.localizedName(for: .shortGeneric, locale: english), generic.count <= 4, !generic.contains(" ") {
            return generic
        }
        let style: NSTimeZone.NameStyle = zone.isDaylightSavingTime(for: instant) ? .shortDaylightSaving : .shortStandard
        return zone.localizedName(for: style, locale: english) ?? zone.abbreviation(for: instant) ?? zone.identifier
    }

    static func message(_ instance: Instance, campaignZone: TimeZone, outside: Date, recipient: TimeZone, rule: ComplianceRule) -> String {
        let abbreviation = zoneLabel(campaignZone, at: instance.start)
        let (recipientDay, recipientMinute) = CallingHoursClock.wallClock(outside, in: recipient)
        let seen: String
        if outside == instance.start {
            let dayPart = recipientDay == instance.day ? "" : recipientDay.code + " "
            seen = "\(instance.day.code) \(instance.window.startTime.formatted) \(abbreviation) is \(dayPart)"
                + "\(ClockTime(minutes: recipientMinute)!.formatted) in \(recipient.identifier)"
        } else {
            let (endDay, endMinute) = CallingHoursClock.wallClock(instance.end, in: recipient)
            let startDay = CallingHoursClock.wallClock(instance.start, in: recipient).day
            let dayPart = endDay == startDay ? "" : endDay.code + " "
            seen = "\(instance.day.code) \(instance.window.description) \(abbreviation) runs until \(dayPart)"
                + "\(ClockTime(minutes: endMinute)!.formatted) in \(recipient.identifier)"
        }
        let hours = rule.allowed.windows(on: recipientDay).isEmpty
            ? "\(rule.name): \(rule.allowedDescription(on: recipientDay))"
            : "\(rule.name) \(rule.allowedDescription(on: recipientDay))"
        return "\(seen): outside \(hours) (\(rule.citation))"
    }
}
