import CampaignModel
import Foundation

/// A cell of the calling-hours grid: a day and a column.
public struct GridPoint: Equatable, Sendable {
    public var day: Weekday
    public var cell: Int

    public init(day: Weekday, cell: Int) {
        self.day = day
        self.cell = cell
    }
}

/// The grid editor's presets.
public enum GridPreset: String, CaseIterable, Sendable {
    case weekdaysNineToSix = "weekdays 9–18"
    case everyDayEightToNine = "every day 8–21"
    case clearAll = "clear all"
}

/// The calling-hours grid editor: a cursor, an optional block selection and the operations on
/// them, over `WeekSchedule`'s exact windows (a window the user does not touch keeps its exact
/// times). Pure state; the form and the keys drive it.
public struct GridEditor: Equatable, Sendable {
    public private(set) var schedule: WeekSchedule
    public private(set) var frequency: CallingFrequency
    public private(set) var timezone: String
    /// Minutes per column: 15, or 30 on a narrow terminal.
    public private(set) var cellMinutes: Int
    public private(set) var cursor: GridPoint
    /// The other corner of a block selection (`v` or Shift+arrows), if one is open.
    public private(set) var anchor: GridPoint?
    /// Earlier schedules, newest last, for undo (`u`); at most `historyLimit`.
    public private(set) var history: [WeekSchedule] = []
    /// A day's windows copied with `y`, pasted with `p`.
    public var copiedDay: [TimeWindow]?
    private let original: CallingHours

    /// Undo goes back this many changes at most.
    static let historyLimit = 200

    public init(callingHours: CallingHours, cellMinutes: Int = WeekSchedule.quarterHour) throws(ValidationFailure) {
        schedule = try WeekSchedule(days: callingHours.days)
        frequency = callingHours.frequency ?? .weekly
        timezone = callingHours.timezone ?? "UTC"
        self.cellMinutes = cellMinutes
        cursor = GridPoint(day: .monday, cell: 9 * 60 / cellMinutes)
        original = callingHours
    }

    public var columns: Int { WeekSchedule.cellCount(cellMinutes: cellMinutes) }

    /// The calling hours as they would be saved; fields the editor does not know are kept.
    public var callingHours: CallingHours {
        var hours = original
        hours.frequency = frequency
        hours.timezone = timezone
        hours.days = schedule.days
        return hours
    }

    /// The days and columns the next fill or clear acts on: the block, or the cursor's cell.
    public var selection: (days: [Weekday], cells: ClosedRange<Int>) {
        guard let anchor else { return ([cursor.day], cursor.cell...cursor.cell) }
        let days = min(anchor.day.rawValue, cursor.day.rawValue)...max(anchor.day.rawValue, cursor.day.rawValue)
        return (days.map { Weekday(rawValue: $0)! }, min(anchor.cell, cursor.cell)...max(anchor.cell, cursor.cell))
    }

    /// Moves the cursor, clamped to the grid; `extending` opens or grows a block selection.
    public mutating func move(days: Int = 0, cells: Int = 0, extending: Bool = false) {
        if extending, anchor == nil { anchor = cursor }
        let day = min(6, max(0, cursor.day.rawValue + days))
        cursor = GridPoint(day: Weekday(rawValue: day)!, cell: min(columns - 1, max(0, cursor.cell + cells)))
    }

    /// `v`: starts a block at the cursor, or drops the block.
    public mutating func toggleBlock() { anchor = anchor == nil ? cursor : nil }

    /// Space: a block is filled unless it is already full everywhere, then cleared; a single
    /// cell is toggled.
    public mutating func toggle() {
        guard anchor != nil else {
            schedule.toggle(day: cursor.day, cell: cursor.cell, cellMinutes: cellMinutes)
            return
        }
        let (days, cells) = selection
        let full = days.allSatisfy { day in cells.allSatisfy { schedule.coverage(on: day, cell: $0, cellMinutes: cellMinutes) == .full } }
        set(!full)
    }

    /// Fills (`on`) or clears the selection, then drops the block.
    public mutating func set(_ on: Bool) {
        let (days, cells) = selection
        schedule.setCells(days: days, cells: cells, on: on, cellMinutes: cellMinutes)
        anchor = nil
    }

    /// Gives `targets` the windows of the cursor's day.
    public mutating func copyCursorDay(to targets: [Weekday]) { schedule.copy(cursor.day, to: targets) }

    public mutating func apply(_ preset: GridPreset) {
        switch preset {
        case .weekdaysNineToSix: schedule = .weekdaysNineToSix
        case .everyDayEightToNine: schedule = .everyDayEightToNine
        case .clearAll: schedule.clearAll()
        }
        anchor = nil
    }

    /// Changes the frequency. `DAILY` wants the same windows every day, so the cursor's day is
    /// copied to the others when they differ.
    public mutating func setFrequency(_ newFrequency: CallingFrequency) {
        frequency = newFrequency
        if newFrequency == .daily, !schedule.isSameEveryDay { copyCursorDay(to: Weekday.allCases) }
    }

    /// Changes the timezone. `keepLocalTimes` keeps "9:00 AM" as 9:00 AM in the new zone;
    /// otherwise the windows move so that they open at the same instants (offsets as at `instant`).
    public mutating func setTimezone(_ identifier: String, keepLocalTimes: Bool, at instant: Date) throws(ValidationFailure) {
        guard let newZone = IANAZones.zone(identifier) else {
            throw ValidationFailure([ValidationIssue(path: "dialingStrategy.callingHours.timezone",
                                                     message: "\(identifier) is not an IANA time zone such as America/New_York.")])
        }
        if !keepLocalTimes, let oldZone = IANAZones.zone(timezone) {
            let minutes = (newZone.secondsFromGMT(for: instant) - oldZone.secondsFromGMT(for: instant)) / 60
            schedule = schedule.shifted(byMinutes: minutes)
        }
        timezone = identifier
    }

    /// Switches between quarter-hour and half-hour columns, keeping the cursor on the same time.
    public mutating func setCellMinutes(_ minutes: Int) {
        guard minutes != cellMinutes, 1440 % minutes == 0 else { return }
        func rescale(_ point: GridPoint) -> GridPoint { GridPoint(day: point.day, cell: point.cell * cellMinutes / minutes) }
        cursor = rescale(cursor)
        anchor = anchor.map(rescale)
        cellMinutes = minutes
    }
}

extension GridEditor {
    /// The days the next paste goes to: the block's days, or the cursor's.
    public var selectedDays: [Weekday] { selection.days }

    /// Drops a block selection, if any.
    mutating func toggleBlockOff() { anchor = nil }

    /// Puts back an earlier schedule (undo).
    public mutating func restore(_ earlier: WeekSchedule) {
        schedule = earlier
        anchor = nil
    }

    /// Gives the selected days `windows` (a day copied with `y`), then drops the block.
    public mutating func paste(_ windows: [TimeWindow]) {
        for day in selectedDays { schedule.setWindows(windows, on: day) }
        anchor = nil
    }
}

extension GridEditor {
    /// Remembers `before` for undo when the schedule changed since.
    public mutating func recordChange(from before: WeekSchedule) {
        guard schedule != before else { return }
        history.append(before)
        if history.count > Self.historyLimit { history.removeFirst() }
    }

    /// Puts back the schedule before the last recorded change; false when there is none.
    public mutating func undo() -> Bool {
        guard let earlier = history.popLast() else { return false }
        restore(earlier)
        return true
    }

    /// Whether the calling hours a save sends differ from `other`'s (a cursor or block move
    /// does not count).
    func hoursDiffer(from other: GridEditor) -> Bool {
        schedule != other.schedule || frequency != other.frequency || timezone != other.timezone
    }
}
