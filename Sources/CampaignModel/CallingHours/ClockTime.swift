/// A day of the week by its API code, Monday first as the API lists them.
public enum Weekday: Int, CaseIterable, Comparable, Sendable {
    case monday = 0, tuesday, wednesday, thursday, friday, saturday, sunday

    /// "MO", "TU", … as in the days array.
    public var code: String { ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][rawValue] }
    /// "Mon", "Tue", … as in the recurring-schedule API.
    public var shortName: String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue] }

    /// Reads "MO" or "mo".
    public init?(code: String) {
        guard let index = Weekday.allCases.firstIndex(where: { $0.code == code.uppercased() }) else { return nil }
        self = Weekday.allCases[index]
    }

    /// Reads "Mon" or "mon".
    public init?(shortName: String) {
        guard let match = Weekday.allCases.first(where: { $0.shortName.lowercased() == shortName.lowercased() }) else {
            return nil
        }
        self = match
    }

    public var next: Weekday { Weekday(rawValue: (rawValue + 1) % 7)! }
    public var previous: Weekday { Weekday(rawValue: (rawValue + 6) % 7)! }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A wall-clock time of day in whole minutes, 0 (midnight) to 1440 (midnight at the day's end,
/// which only a window's end may use).
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    public static let startOfDay = ClockTime(minutes: 0)!
    public static let endOfDay = ClockTime(minutes: 1440)!

    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.init(minutes: hour * 60 + minute)
    }

    /// Reads "9:00 AM", "12:30 PM", "12:00 AM", and tolerates "9:05 am", "09:00 AM", "9:00AM"
    /// and surrounding blanks. Anything else — "13:00 PM", "9 AM", "9:60 AM" — is nil.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let suffix: String
        if trimmed.hasSuffix("AM") { suffix = "AM" } else if trimmed.hasSuffix("PM") { suffix = "PM" } else { return nil }
        let clock = trimmed.dropLast(2).trimmingCharacters(in: .whitespaces)
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour12 = Int(parts[0]), let minute = Int(parts[1]),
              (1...12).contains(hour12), (0...59).contains(minute)
        else { return nil }
        let hour = (hour12 % 12) + (suffix == "PM" ? 12 : 0)
        self.init(hour: hour, minute: minute)
    }

    /// Canonical "h:mm AM/PM": "9:00 AM", "12:30 PM", "12:00 AM" (also for 1440).
    public var formatted: String {
        let dayMinutes = minutes % 1440
        let hour = dayMinutes / 60
        let minute = dayMinutes % 60
        let hour12 = hour % 12 == 0 ? 12 : hour % 12
        let twoDigits = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(hour12):\(twoDigits) \(hour < 12 ? "AM" : "PM")"
    }

    /// "09:00"–"24:00" style, for compact displays.
    public var formatted24: String {
        let hour = minutes / 60, minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public var description: String { formatted }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}
