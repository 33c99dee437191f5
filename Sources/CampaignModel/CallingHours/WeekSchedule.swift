/// A span of one day, in minutes from midnight: `start` inclusive, `end` exclusive, `start < end`,
/// both within 0...1440.
public struct TimeWindow: Hashable, Sendable, CustomStringConvertible {
    public let start: Int
    public let end: Int

    public init?(start: Int, end: Int) {
        guard 0 <= start, start < end, end <= 1440 else { return nil }
        self.start = start
        self.end = end
    }

    public init?(start: ClockTime, end: ClockTime) { self.init(start: start.minutes, end: end.minutes) }

    public var startTime: ClockTime { ClockTime(minutes: start)! }
    public var endTime: ClockTime { ClockTime(minutes: end)! }
    public var description: String { "\(startTime.formatted)–\(endTime.formatted)" }

    public func contains(minute: Int) -> Bool { start <= minute && minute < end }
}

/// How much of one grid cell the windows cover.
public enum CellCoverage: Sendable, Equatable {
    case empty, partial, full
}

/// The calling hours of a week as exact windows per day, and the 7 × 96 quarter-hour grid the
/// editor shows over them.
///
/// The windows are the truth and the grid is a view: a cell is `full`, `partial` or `empty`
/// depending on how much of its quarter-hour the windows cover. Editing a cell adds or removes
/// exactly that quarter-hour, so a boundary the user did not touch ("9:10 AM") comes back out of
/// `days` exactly as it went in. Overlapping or touching windows of a day merge.
public struct WeekSchedule: Equatable, Sendable {
    /// Minutes per grid cell: 15 gives the 96 columns of a full grid.
    public static let quarterHour = 15

    private var byDay: [[TimeWindow]] = Array(repeating: [], count: 7)

    /// No calling hours at all.
    public init() {}

    /// Reads a days array; every problem comes back at once with its path (`days[2].end`).
    public init(days: [CallingDay]) throws(ValidationFailure) {
        var issues: [ValidationIssue] = []
        for (index, entry) in days.enumerated() {
            let path = "days[\(index)]"
            let day = Weekday(code: entry.day)
            if day == nil {
                issues.append(ValidationIssue(
                    path: "\(path).day", message: "\"\(entry.day)\" is not a day; use MO, TU, WE, TH, FR, SA or SU."))
            }
            let start = ClockTime(parsing: entry.start)
            let end = ClockTime(parsing: entry.end)
            if start == nil { issues.append(Self.badTime(entry.start, path: "\(path).start")) }
            if end == nil { issues.append(Self.badTime(entry.end, path: "\(path).end")) }
            guard let day, let start, let end else { continue }
            let endMinutes = end.minutes == 0 ? 1440 : end.minutes
            guard let window = TimeWindow(start: start.minutes, end: endMinutes) else {
                issues.append(Self.badOrder(start: start, end: end, day: day, path: "\(path).end"))
                continue
            }
            add(window, on: day)
        }
        if !issues.isEmpty { throw ValidationFailure(issues) }
    }

    private static func badTime(_ text: String, path: String) -> ValidationIssue {
        ValidationIssue(path: path, message: "\"\(text)\" is not a time; write it like 9:00 AM or 6:30 PM.")
    }

    private static func badOrder(start: ClockTime, end: ClockTime, day: Weekday, path: String) -> ValidationIssue {
        if end < start {
            return ValidationIssue(path: path, message:
                "\(start.formatted)–\(end.formatted) crosses midnight; split it into \(start.formatted)–12:00 AM on "
                + "\(day.code) and 12:00 AM–\(end.formatted) on \(day.next.code).")
        }
        return ValidationIssue(path: path, message: "The window must end after it starts (\(start.formatted)).")
    }

    /// The days array: Monday to Sunday, windows in time order, times in canonical form.
    public var days: [CallingDay] {
        Weekday.allCases.flatMap { day in
            windows(on: day).map { CallingDay(day: day.code, start: $0.startTime.formatted, end: $0.endTime.formatted) }
        }
    }

    /// The windows of `day`, sorted and merged.
    public func windows(on day: Weekday) -> [TimeWindow] { byDay[day.rawValue] }

    /// Whether no day has any window.
    public var isEmpty: Bool { byDay.allSatisfy(\.isEmpty) }

    /// Whether `minute` (0..<1440) of `day` lies inside a window.
    public func isOpen(on day: Weekday, minute: Int) -> Bool {
        windows(on: day).contains { $0.contains(minute: minute) }
    }

    /// Adds a window, merging it with any it overlaps or touches.
    public mutating func add(_ window: TimeWindow, on day: Weekday) {
        var start = window.start, end = window.end
        var kept: [TimeWindow] = []
        for existing in byDay[day.rawValue] {
            if existing.end < start || existing.start > end {
                kept.append(existing)
            } else {
                start = min(start, existing.start)
                end = max(end, existing.end)
            }
        }
        kept.append(TimeWindow(start: start, end: end)!)
        byDay[day.rawValue] = kept.sorted { $0.start < $1.start }
    }

    /// Removes a span from a day, cutting windows that overlap it.
    public mutating func remove(_ window: TimeWindow, on day: Weekday) {
        byDay[day.rawValue] = byDay[day.rawValue].flatMap { existing -> [TimeWindow] in
            [TimeWindow(start: existing.start, end: min(existing.end, window.start)),
             TimeWindow(start: max(existing.start, window.end), end: existing.end)].compactMap { $0 }
        }
    }

    /// Replaces a day's windows.
    public mutating func setWindows(_ windows: [TimeWindow], on day: Weekday) {
        byDay[day.rawValue] = []
        for window in windows { add(window, on: day) }
    }

    // MARK: Grid

    /// The number of cells per day for a cell size in minutes (96 for quarter-hours).
    public static func cellCount(cellMinutes: Int = quarterHour) -> Int { 1440 / cellMinutes }

    /// The span of cell `cell`.
    public static func cellWindow(_ cell: Int, cellMinutes: Int = quarterHour) -> TimeWindow {
        TimeWindow(start: cell * cellMinutes, end: (cell + 1) * cellMinutes)!
    }

    /// How much of cell `cell` of `day` the windows cover.
    public func coverage(on day: Weekday, cell: Int, cellMinutes: Int = quarterHour) -> CellCoverage {
        let span = Self.cellWindow(cell, cellMinutes: cellMinutes)
        let covered = windows(on: day).reduce(0) { total, window in
            total + max(0, min(window.end, span.end) - max(window.start, span.start))
        }
        return covered == 0 ? .empty : (covered == cellMinutes ? .full : .partial)
    }

    /// One day's row of the grid.
    public func row(_ day: Weekday, cellMinutes: Int = quarterHour) -> [CellCoverage] {
        (0..<Self.cellCount(cellMinutes: cellMinutes)).map { coverage(on: day, cell: $0, cellMinutes: cellMinutes) }
    }

    /// Fills (`on`) or clears a block of cells on the given days.
    public mutating func setCells(days: [Weekday], cells: ClosedRange<Int>, on: Bool, cellMinutes: Int = quarterHour) {
        let last = Self.cellCount(cellMinutes: cellMinutes) - 1
        let lower = max(0, cells.lowerBound), upper = min(last, cells.upperBound)
        guard lower <= upper else { return }
        let span = TimeWindow(start: lower * cellMinutes, end: (upper + 1) * cellMinutes)!
        for day in days {
            if on { add(span, on: day) } else { remove(span, on: day) }
        }
    }

    /// Space on a cell: a full cell is cleared; a partial or empty one is filled.
    public mutating func toggle(day: Weekday, cell: Int, cellMinutes: Int = quarterHour) {
        let fill = coverage(on: day, cell: cell, cellMinutes: cellMinutes) != .full
        setCells(days: [day], cells: cell...cell, on: fill, cellMinutes: cellMinutes)
    }

    /// Gives each of `targets` the windows of `source`.
    public mutating func copy(_ source: Weekday, to targets: [Weekday]) {
        for target in targets where target != source { byDay[target.rawValue] = byDay[source.rawValue] }
    }

    /// Clears every day.
    public mutating func clearAll() { byDay = Array(repeating: [], count: 7) }

    // MARK: Presets and frequency

    /// Monday to Friday, 9:00 AM–6:00 PM.
    public static var weekdaysNineToSix: WeekSchedule {
        var schedule = WeekSchedule()
        for day in Weekday.allCases where day < .saturday { schedule.add(TimeWindow(start: 540, end: 1080)!, on: day) }
        return schedule
    }

    /// Every day, 8:00 AM–9:00 PM.
    public static var everyDayEightToNine: WeekSchedule {
        var schedule = WeekSchedule()
        for day in Weekday.allCases { schedule.add(TimeWindow(start: 480, end: 1260)!, on: day) }
        return schedule
    }

    /// Whether all seven days have the same windows, as `DAILY` requires.
    public var isSameEveryDay: Bool { Set(byDay).count == 1 && !byDay[0].isEmpty }

    /// The days whose windows differ from Monday's.
    public var daysDifferingFromMonday: [Weekday] {
        Weekday.allCases.filter { byDay[$0.rawValue] != byDay[0] }
    }

    /// The largest number of windows any day has.
    public var maxWindowsPerDay: Int { byDay.map(\.count).max() ?? 0 }

    /// Every window moved later by `minutes` (earlier when negative), wrapping across days and
    /// around the week: what the same instants read as in a zone `minutes` ahead.
    public func shifted(byMinutes minutes: Int) -> WeekSchedule {
        let week = 7 * 1440
        var result = WeekSchedule()
        for day in Weekday.allCases {
            for window in windows(on: day) {
                var start = (day.rawValue * 1440 + window.start + minutes) % week
                if start < 0 { start += week }
                var remaining = window.end - window.start
                while remaining > 0 {
                    let dayIndex = start / 1440, offset = start % 1440
                    let length = min(remaining, 1440 - offset)
                    result.add(TimeWindow(start: offset, end: offset + length)!, on: Weekday(rawValue: dayIndex)!)
                    remaining -= length
                    start = (start + length) % week
                }
            }
        }
        return result
    }
}
