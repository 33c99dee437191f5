import Foundation

/// The body of "enable schedule": a start and end in "YYYY-MM-DD HH:mm:ss" and a daily or
/// weekly recurrence.
public struct RecurringSchedule: Equatable, Sendable {
    public enum Recurrence: Equatable, Sendable {
        /// Once every N days.
        case daily(everyNDays: Int)
        /// Once every N weeks on the given days.
        case weekly(everyNWeeks: Int, days: [Weekday])
    }

    public var startDateTime: String
    public var endDateTime: String
    public var recurrence: Recurrence

    public init(startDateTime: String, endDateTime: String, recurrence: Recurrence) {
        self.startDateTime = startDateTime
        self.endDateTime = endDateTime
        self.recurrence = recurrence
    }

    public var json: JSONValue {
        var recurrenceObject = ObjectWriter()
        switch recurrence {
        case .daily(let days):
            recurrenceObject.set("recurType", "Daily")
            recurrenceObject.set("dailyDetails", JSONObject([("onceEveryNdays", .number(Double(days)))]))
        case .weekly(let weeks, let days):
            recurrenceObject.set("recurType", "Weekly")
            recurrenceObject.set("weeklyDetails", JSONObject([
                ("onceEveryNweeks", .number(Double(weeks))),
                ("whichDays", .array(days.map { .string($0.shortName) })),
            ]))
        }
        var writer = ObjectWriter()
        writer.set("startDateTime", startDateTime)
        writer.set("endDateTime", endDateTime)
        writer.set("recurrenceObject", recurrenceObject.object)
        return writer.value
    }

    /// Reads a body, reporting every problem with its field path.
    public init(json: JSONValue) throws(ValidationFailure) {
        var issues: [ValidationIssue] = []
        let object = json.objectValue ?? JSONObject()
        func dateTime(_ key: String) -> String {
            let text = object[key]?.stringValue ?? ""
            if Self.parseDateTime(text) == nil {
                issues.append(ValidationIssue(path: key, message: "\(key) must be a date and time like 2026-01-27 18:29:00."))
            }
            return text
        }
        let start = dateTime("startDateTime")
        let end = dateTime("endDateTime")
        if let startDate = Self.parseDateTime(start), let endDate = Self.parseDateTime(end), endDate <= startDate {
            issues.append(ValidationIssue(path: "endDateTime", message: "endDateTime must be after startDateTime."))
        }
        let recurrenceObject = object["recurrenceObject"]?.objectValue ?? JSONObject()
        var recurrence = Recurrence.daily(everyNDays: 1)
        switch recurrenceObject["recurType"]?.stringValue?.lowercased() {
        case "daily":
            let every = recurrenceObject["dailyDetails"]?.objectValue?["onceEveryNdays"]?.intValue ?? 0
            if every < 1 {
                issues.append(ValidationIssue(path: "recurrenceObject.dailyDetails.onceEveryNdays",
                                              message: "onceEveryNdays must be 1 or more."))
            }
            recurrence = .daily(everyNDays: every)
        case "weekly":
            let details = recurrenceObject["weeklyDetails"]?.objectValue ?? JSONObject()
            let every = details["onceEveryNweeks"]?.intValue ?? 0
            if every < 1 {
                issues.append(ValidationIssue(path: "recurrenceObject.weeklyDetails.onceEveryNweeks",
                                              message: "onceEveryNweeks must be 1 or more."))
            }
            let names = details["whichDays"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let days = names.compactMap(Weekday.init(shortName:))
            if days.isEmpty || days.count != names.count {
                issues.append(ValidationIssue(path: "recurrenceObject.weeklyDetails.whichDays",
                                              message: "whichDays must list days as Mon, Tue, Wed, Thu, Fri, Sat or Sun."))
            }
            recurrence = .weekly(everyNWeeks: every, days: days)
        default:
            issues.append(ValidationIssue(path: "recurrenceObject.recurType", message: "recurType must be Daily or Weekly."))
        }
        if !issues.isEmpty { throw ValidationFailure(issues) }
        self.init(startDateTime: start, endDateTime: end, recurrence: recurrence)
    }

    /// Parses "YYYY-MM-DD HH:mm:ss" (the docs' own sample writes "2026-01-1", so single-digit
    /// days and months are accepted) as UTC wall time.
    public static func parseDateTime(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard date.count == 3, time.count == 3, (1...12).contains(date[1]), (1...31).contains(date[2]),
              (0...23).contains(time[0]), (0...59).contains(time[1]), (0...59).contains(time[2])
        else { return nil }
        var components = DateComponents(year: date[0], month: date[1], day: date[2], hour: time[0], minute: time[1], second: time[2])
        components.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let result = calendar.date(from: components),
              calendar.component(.day, from: result) == date[2] else { return nil }
        return result
    }
}
