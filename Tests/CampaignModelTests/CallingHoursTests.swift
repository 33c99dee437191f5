import Foundation
import Testing
@testable import CampaignModel

func utc(_ text: String) -> Date { ISOTimestamp.parse(text)! }

func schedule(_ entries: [(String, String, String)]) throws -> WeekSchedule {
    try WeekSchedule(days: entries.map { CallingDay(day: $0.0, start: $0.1, end: $0.2) })
}

func clock(_ zone: String, _ entries: [(String, String, String)]) throws -> CallingHoursClock {
    CallingHoursClock(schedule: try schedule(entries), timeZone: TimeZone(identifier: zone)!)
}

@Suite("Clock times")
struct ClockTimeTests {
    @Test("canonical times parse and format exactly", arguments: ["9:00 AM", "12:30 PM", "12:00 AM", "11:59 PM", "12:00 PM", "1:05 AM"])
    func canonical(_ text: String) throws {
        #expect(try #require(ClockTime(parsing: text)).formatted == text)
    }

    @Test("tolerated forms read, canonical forms written")
    func tolerated() {
        #expect(ClockTime(parsing: "9:05 am")?.formatted == "9:05 AM")
        #expect(ClockTime(parsing: "09:00 AM")?.formatted == "9:00 AM")
        #expect(ClockTime(parsing: " 6:00PM ")?.formatted == "6:00 PM")
        #expect(ClockTime(parsing: "12:00 AM")?.minutes == 0)
        #expect(ClockTime(parsing: "12:30 PM")?.minutes == 750)
    }

    @Test("nonsense is refused", arguments: ["13:00 PM", "0:30 AM", "9 AM", "9:60 AM", "9:00", "", "9:5 AM", "９:00 AM", "9:00 XM"])
    func refused(_ text: String) {
        #expect(ClockTime(parsing: text) == nil)
    }
}

@Suite("The week grid")
struct WeekGridTests {
    @Test("days ⇄ grid without loss, boundaries off the quarter-hour included")
    func losslessRoundTrip() throws {
        let days = [
            CallingDay(day: "MO", start: "9:10 AM", end: "12:05 PM"),
            CallingDay(day: "MO", start: "1:00 PM", end: "5:50 PM"),
            CallingDay(day: "WE", start: "12:00 AM", end: "12:00 AM"),
            CallingDay(day: "SU", start: "7:07 PM", end: "11:59 PM"),
        ]
        let week = try WeekSchedule(days: days)
        #expect(week.days == days)
        #expect(week.coverage(on: .monday, cell: 36) == .partial, "9:00–9:15 is partly covered by 9:10")
        #expect(week.coverage(on: .monday, cell: 37) == .full)
        #expect(week.coverage(on: .monday, cell: 35) == .empty)
        #expect(week.row(.wednesday).allSatisfy { $0 == .full })
    }

    @Test("editing one cell leaves untouched boundaries exactly as they were")
    func editKeepsOtherBoundaries() throws {
        var week = try schedule([("MO", "9:10 AM", "6:00 PM"), ("TU", "8:20 AM", "4:40 PM")])
        week.toggle(day: .monday, cell: 68)  // 5:00–5:15 PM off
        #expect(week.days == [
            CallingDay(day: "MO", start: "9:10 AM", end: "5:00 PM"),
            CallingDay(day: "MO", start: "5:15 PM", end: "6:00 PM"),
            CallingDay(day: "TU", start: "8:20 AM", end: "4:40 PM"),
        ])
        week.toggle(day: .monday, cell: 68)  // and back on: merges again
        #expect(week.days.first == CallingDay(day: "MO", start: "9:10 AM", end: "6:00 PM"))
        week.toggle(day: .monday, cell: 36)  // the partial 9:00 cell fills
        #expect(week.days.first?.start == "9:00 AM")
        week.toggle(day: .monday, cell: 36)  // a full cell clears
        #expect(week.days.first?.start == "9:15 AM")
    }

    @Test("overlapping and touching windows merge; separate ones stay apart")
    func merging() throws {
        let week = try schedule([("FR", "9:00 AM", "11:00 AM"), ("FR", "10:30 AM", "12:00 PM"), ("FR", "12:00 PM", "1:00 PM"), ("FR", "2:00 PM", "3:00 PM")])
        #expect(week.windows(on: .friday).map(\.description) == ["9:00 AM–1:00 PM", "2:00 PM–3:00 PM"])
    }

    @Test("block fill and clear, copy a day, presets, clear all")
    func blockOperations() throws {
        var week = WeekSchedule()
        week.setCells(days: [.monday, .tuesday], cells: 36...71, on: true)  // 9:00 AM–6:00 PM
        #expect(week.days == [CallingDay(day: "MO", start: "9:00 AM", end: "6:00 PM"), CallingDay(day: "TU", start: "9:00 AM", end: "6:00 PM")])
        week.setCells(days: [.monday], cells: 48...51, on: false)  // lunch
        #expect(week.windows(on: .monday).map(\.description) == ["9:00 AM–12:00 PM", "1:00 PM–6:00 PM"])
        week.copy(.monday, to: [.wednesday, .friday])
        #expect(week.windows(on: .friday) == week.windows(on: .monday))
        #expect(week.windows(on: .tuesday).count == 1)
        #expect(WeekSchedule.weekdaysNineToSix.days.count == 5)
        #expect(WeekSchedule.everyDayEightToNine.isSameEveryDay)
        week.clearAll()
        #expect(week.isEmpty && week.days.isEmpty)
        week.setCells(days: [.sunday], cells: 94...200, on: true)
        #expect(week.days == [CallingDay(day: "SU", start: "11:30 PM", end: "12:00 AM")], "clamped to the day")
    }

    @Test("half-hour cells for narrow terminals")
    func halfHourCells() throws {
        var week = try schedule([("TH", "9:10 AM", "10:00 AM")])
        #expect(WeekSchedule.cellCount(cellMinutes: 30) == 48)
        #expect(week.coverage(on: .thursday, cell: 18, cellMinutes: 30) == .partial)
        week.toggle(day: .thursday, cell: 18, cellMinutes: 30)
        #expect(week.days == [CallingDay(day: "TH", start: "9:00 AM", end: "10:00 AM")])
    }

    @Test("shifting to another zone wraps across days and the week")
    func shifting() throws {
        let week = try schedule([("MO", "9:00 AM", "6:00 PM"), ("SU", "10:00 PM", "12:00 AM")])
        let later = week.shifted(byMinutes: 330)  // UTC → Kolkata
        #expect(later.days == [
            CallingDay(day: "MO", start: "2:30 PM", end: "11:30 PM"),
            CallingDay(day: "MO", start: "3:30 AM", end: "5:30 AM"),
        ].sorted { ClockTime(parsing: $0.start)! < ClockTime(parsing: $1.start)! })
        let earlier = week.shifted(byMinutes: -600)
        #expect(earlier.windows(on: .sunday).map(\.description) == ["11:00 PM–12:00 AM", "12:00 PM–2:00 PM"].reversed())
        #expect(earlier.windows(on: .monday).map(\.description) == ["12:00 AM–8:00 AM"])
        #expect(week.shifted(byMinutes: 0) == week)
    }
}

@Suite("Open now and next opening, across DST")
struct CallingHoursClockTests {
    @Test("New York, spring forward: a window starting in the skipped hour opens at the change")
    func newYorkSpring() throws {
        let hours = try clock("America/New_York", [("SU", "2:30 AM", "5:00 PM"), ("MO", "9:00 AM", "5:00 PM")])
        let saturday = utc("2026-03-07T17:00:00Z")
        #expect(!hours.isOpen(at: saturday))
        #expect(hours.nextOpening(after: saturday) == utc("2026-03-08T07:00:00Z"))
        #expect(hours.isOpen(at: utc("2026-03-08T07:30:00Z")))
        #expect(hours.nextClosing(after: utc("2026-03-08T07:30:00Z")) == utc("2026-03-08T21:00:00Z"))
        #expect(hours.nextOpening(after: utc("2026-03-08T21:00:00Z")) == utc("2026-03-09T13:00:00Z"), "Monday 9:00 AM EDT")
    }

    @Test("New York, fall back: the repeated hour opens twice")
    func newYorkFall() throws {
        let hours = try clock("America/New_York", [("SU", "1:00 AM", "1:30 AM")])
        var instant = utc("2026-10-31T16:00:00Z")
        var changes: [Date] = []
        for _ in 0..<2 {
            let opening = try #require(hours.nextOpening(after: instant))
            let closing = try #require(hours.nextClosing(after: opening))
            changes += [opening, closing]
            instant = closing
        }
        #expect(changes == ["2026-11-01T05:00:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z"].map(utc))
    }

    @Test("London: weekday hours move with BST; a window in the skipped hour opens at 2:00 BST")
    func london() throws {
        let hours = try clock("Europe/London", [("MO", "9:00 AM", "5:00 PM"), ("SU", "1:15 AM", "3:00 AM")])
        #expect(hours.nextOpening(after: utc("2026-03-28T12:00:00Z")) == utc("2026-03-29T01:00:00Z"))
        #expect(hours.nextClosing(after: utc("2026-03-29T01:00:00Z")) == utc("2026-03-29T02:00:00Z"))
        #expect(hours.nextOpening(after: utc("2026-03-29T02:00:00Z")) == utc("2026-03-30T08:00:00Z"))
        #expect(hours.isOpen(at: utc("2026-03-30T15:59:00Z")))
        #expect(!hours.isOpen(at: utc("2026-03-30T16:00:00Z")))
        #expect(hours.nextOpening(after: utc("2026-10-24T12:00:00Z")) == utc("2026-10-25T00:15:00Z"), "1:15 AM BST")
    }

    @Test("Kolkata: no DST, half-hour offset")
    func kolkata() throws {
        let hours = try clock("Asia/Kolkata", [("MO", "9:00 AM", "6:00 PM")])
        #expect(!hours.isOpen(at: utc("2026-06-01T03:29:00Z")))
        #expect(hours.nextOpening(after: utc("2026-06-01T03:29:00Z")) == utc("2026-06-01T03:30:00Z"))
        #expect(hours.isOpen(at: utc("2026-06-01T12:29:00Z")))
        #expect(hours.nextClosing(after: utc("2026-06-01T12:29:00Z")) == utc("2026-06-01T12:30:00Z"))
        #expect(hours.nextOpening(after: utc("2026-06-01T12:30:00Z")) == utc("2026-06-08T03:30:00Z"), "a week later")
    }

    @Test("Lord Howe: half-hour DST, both directions")
    func lordHowe() throws {
        let autumn = try clock("Australia/Lord_Howe", [("SU", "1:30 AM", "1:45 AM")])
        var instant = utc("2026-04-04T12:00:00Z")
        var changes: [Date] = []
        for _ in 0..<2 {
            let opening = try #require(autumn.nextOpening(after: instant))
            let closing = try #require(autumn.nextClosing(after: opening))
            changes += [opening, closing]
            instant = closing
        }
        #expect(changes == ["2026-04-04T14:30:00Z", "2026-04-04T14:45:00Z", "2026-04-04T15:00:00Z", "2026-04-04T15:15:00Z"].map(utc))

        let spring = try clock("Australia/Lord_Howe", [("SU", "2:10 AM", "3:00 AM")])
        #expect(spring.nextOpening(after: utc("2026-10-03T12:00:00Z")) == utc("2026-10-03T15:30:00Z"))
        #expect(spring.nextClosing(after: utc("2026-10-03T15:30:00Z")) == utc("2026-10-03T16:00:00Z"))
    }

    @Test("always open never closes; never open never opens; midnight-spanning days are continuous")
    func edges() throws {
        let always = CallingHoursClock(schedule: .init(), timeZone: TimeZone(identifier: "UTC")!)
        #expect(always.nextOpening(after: .now) == nil)
        var allWeek = WeekSchedule()
        allWeek.setCells(days: Weekday.allCases, cells: 0...95, on: true)
        let open = CallingHoursClock(schedule: allWeek, timeZone: TimeZone(identifier: "Asia/Kolkata")!)
        #expect(open.isOpen(at: .now) && open.nextClosing(after: .now) == nil)
        let overnight = try clock("UTC", [("MO", "10:00 PM", "12:00 AM"), ("TU", "12:00 AM", "2:00 AM")])
        #expect(overnight.nextClosing(after: utc("2026-06-01T23:00:00Z")) == utc("2026-06-02T02:00:00Z"))
    }

    @Test("open intervals are the same instants seen from the supervisor's zone")
    func secondZone() throws {
        let hours = try clock("Asia/Kolkata", [("MO", "9:00 AM", "6:00 PM")])
        let intervals = hours.openIntervals(from: utc("2026-06-01T00:00:00Z"), to: utc("2026-06-08T00:00:00Z"))
        #expect(intervals == [DateInterval(start: utc("2026-06-01T03:30:00Z"), end: utc("2026-06-01T12:30:00Z"))])
        let newYork = TimeZone(identifier: "America/New_York")!
        #expect(CallingHoursClock.describe(intervals[0].start, in: newYork, withZone: false) == "Sun 11:30 PM")
        #expect(CallingHoursClock.describe(intervals[0].start, in: TimeZone(identifier: "Asia/Kolkata")!, withZone: false) == "Mon 9:00 AM")
        let fromCampaign = try CallingHoursClock(callingHours: CallingHours(frequency: .weekly, timezone: "Asia/Kolkata", days: [CallingDay(day: "MO", start: "9:00 AM", end: "6:00 PM")]))
        #expect(fromCampaign.nextOpening(after: utc("2026-06-01T00:00:00Z")) == intervals[0].start)
        #expect(throws: ValidationFailure.self) { try CallingHoursClock(callingHours: CallingHours(timezone: "Not/AZone")) }
    }

    @Test("only IANA identifiers count as time zones")
    func ianaOnly() {
        for good in ["Asia/Kolkata", "America/New_York", "Australia/Lord_Howe", "Europe/London", "UTC", "America/Argentina/Buenos_Aires"] {
            #expect(IANAZones.zone(good) != nil, "\(good)")
        }
        for bad in ["IST", "EST", "GMT+5", "US/Eastern", "Asia/Atlantis", "asia/kolkata", "", "Asia/"] {
            #expect(IANAZones.zone(bad) == nil, "\(bad)")
        }
        #expect(IANAZones.identifiers.contains("Asia/Kolkata"))
        #expect(IANAZones.identifiers.count > 300)
    }
}
