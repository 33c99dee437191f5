import CampaignModel
import Foundation
import TerminalKit

/// Calling hours in the detail pane: whether the campaign may call now, in its timezone and the
/// supervisor's, and a compact week grid (an hour or half an hour a cell).
enum CallingHoursText {
    /// Lines the calling hours take whatever they hold (section, frequency, timezone, two "now"
    /// lines, the scale, seven grid rows, seven rows of windows), so the rows below never move.
    static let height = 20

    /// The section when the hours are not known (yet): the same height, with `note`.
    static func missing(_ note: String) -> [TextLine] {
        [.section("Calling hours"), .field("frequency", nil), .field("timezone", nil), TextLine(note, .dim)]
            + Array(repeating: .blank, count: height - 4)
    }

    static func lines(_ hours: CallingHours, campaign: Campaign, state: AppState, width: Int) -> [TextLine] {
        var lines: [TextLine] = [.section("Calling hours")]
        lines.append(.field("frequency", hours.frequency?.rawValue))
        lines.append(.field("timezone", hours.timezone))
        let schedule: WeekSchedule
        do {
            schedule = try WeekSchedule(days: hours.days)
        } catch {
            lines.append(TextLine("cannot read the days: " + (error.issues.first?.description ?? ""), .error))
            return padded(lines + hours.days.map { .field($0.day, "\($0.start) – \($0.end)") })
        }
        // The list keeps each campaign's status up to date; work it out here only when it has none.
        let status = campaign.id.flatMap { state.list.windows[$0] } ?? CallingWindowStatus(campaign: campaign, now: state.now)
        lines += padded(nowLines(status, supervisor: state.supervisorZone), to: 2)
        lines += grid(schedule, status: status, now: state.now, width: width)
        for day in Weekday.allCases {
            let windows = schedule.windows(on: day).map(\.description).joined(separator: ", ")
            lines.append(TextLine([("  " + day.code + "  ", .label), (windows.isEmpty ? "—" : windows, windows.isEmpty ? .dim : .plain)]))
        }
        return lines
    }

    /// `lines` with blank lines added up to `count` (the section's height by default).
    static func padded(_ lines: [TextLine], to count: Int = height) -> [TextLine] {
        lines + Array(repeating: .blank, count: max(0, count - lines.count))
    }

    /// "● open now — closes Mon 6:00 PM EST", then the same moment on the supervisor's clock.
    static func nowLines(_ status: CallingWindowStatus, supervisor: TimeZone) -> [TextLine] {
        let zone = status.timeZone ?? .gmt
        func yourTime(_ date: Date) -> [TextLine] {
            guard zone.secondsFromGMT(for: date) != supervisor.secondsFromGMT(for: date) else { return [] }
            return [TextLine("  your time: " + CallingHoursClock.describe(date, in: supervisor) + " (\(supervisor.identifier))",
                               .dim)]
        }
        switch status.state {
        case .open(let until):
            let closing = until.map { " — closes " + CallingHoursClock.describe($0, in: zone) } ?? " — never closes"
            return [TextLine([("● open now", .open), (closing, .plain)])] + (until.map(yourTime) ?? [])
        case .closed(let next):
            let opening = next.map { " — opens " + CallingHoursClock.describe($0, in: zone) } ?? " — no window opens"
            return [TextLine([("○ closed", .closed), (opening, .plain)])] + (next.map(yourTime) ?? [])
        case .noHours:
            return [TextLine("no calling hours", .dim)]
        case .invalid(let why):
            return [TextLine("! " + why, .error)]
        }
    }

    /// Seven rows, MO..SU: █ open the whole cell, ▌ part of it, · closed; the cell of this
    /// moment in the campaign's timezone is underlined.
    static func grid(_ schedule: WeekSchedule, status: CallingWindowStatus, now: Date, width: Int) -> [TextLine] {
        let cellMinutes = width >= 4 + 48 ? 30 : 60
        let cells = WeekSchedule.cellCount(cellMinutes: cellMinutes)
        let perHour = 60 / cellMinutes
        var scale = "    "
        for hour in stride(from: 0, to: 24, by: 3) {
            scale += DisplayWidth.fit(String(hour), to: 3 * perHour)
        }
        var lines = [TextLine(scale, .dim)]
        let zone = status.timeZone ?? .gmt
        let (today, minute) = CallingHoursClock.wallClock(now, in: zone)
        let nowCell = minute / cellMinutes
        for day in Weekday.allCases {
            var spans: [(String, Tone)] = [("  " + day.code + " ", .label)]
            let row = schedule.row(day, cellMinutes: cellMinutes)
            for cell in 0..<cells {
                let coverage = row[cell]
                spans.append((coverage.glyph, day == today && cell == nowCell ? .now(coverage.tone) : coverage.tone))
            }
            lines.append(TextLine(spans))
        }
        return lines
    }

    /// "Mon 2:00 PM" style: a minute of the campaign's day moved by `offset` minutes.
    static func shifted(_ minute: Int, _ offset: Int) -> String {
        let total = minute + offset
        let dayShift = total < 0 ? " (day before)" : total > 1440 ? " (next day)" : ""
        let wrapped = ((total % 1440) + 1440) % 1440
        let time = ClockTime(minutes: total == 1440 ? 1440 : wrapped)!
        return time.formatted + dayShift
    }
}
