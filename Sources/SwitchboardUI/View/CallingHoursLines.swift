import CampaignModel
import Foundation
import TerminalKit

/// Calling hours in the detail pane: whether the campaign may call now, in its timezone and the
/// supervisor's, and a compact week grid (an hour or half an hour a cell).
enum CallingHoursLines {
    static func lines(_ hours: CallingHours, campaign: Campaign, state: AppState, width: Int) -> [DetailLine] {
        var lines: [DetailLine] = [.section("Calling hours")]
        lines.append(.field("frequency", hours.frequency?.rawValue))
        lines.append(.field("timezone", hours.timezone))
        let schedule: WeekSchedule
        do {
            schedule = try WeekSchedule(days: hours.days)
        } catch {
            lines.append(DetailLine("cannot read the days: " + (error.issues.first?.description ?? ""), Theme.error))
            return lines + hours.days.map { .field($0.day, "\($0.start) – \($0.end)") }
        }
        // The list keeps each campaign's status up to date; work it out here only when it has none.
        let status = campaign.id.flatMap { state.list.windows[$0] } ?? CallingWindowStatus(campaign: campaign, now: state.now)
        lines += nowLines(status, supervisor: state.supervisorZone)
        lines += grid(schedule, status: status, now: state.now, width: width)
        for day in Weekday.allCases where !schedule.windows(on: day).isEmpty {
            let windows = schedule.windows(on: day).map(\.description).joined(separator: ", ")
            lines.append(DetailLine([("  " + day.code + "  ", Theme.label), (windows, .plain)]))
        }
        return lines
    }

    /// "● open now — closes Mon 6:00 PM EST", then the same moment on the supervisor's clock.
    static func nowLines(_ status: CallingWindowStatus, supervisor: TimeZone) -> [DetailLine] {
        let zone = status.timeZone ?? .gmt
        func yourTime(_ date: Date) -> [DetailLine] {
            guard zone.secondsFromGMT(for: date) != supervisor.secondsFromGMT(for: date) else { return [] }
            return [DetailLine("  your time: " + CallingHoursClock.describe(date, in: supervisor) + " (\(supervisor.identifier))",
                               Theme.dim)]
        }
        switch status.state {
        case .open(let until):
            let closing = until.map { " — closes " + CallingHoursClock.describe($0, in: zone) } ?? " — never closes"
            return [DetailLine([("● open now", Theme.open), (closing, .plain)])] + (until.map(yourTime) ?? [])
        case .closed(let next):
            let opening = next.map { " — opens " + CallingHoursClock.describe($0, in: zone) } ?? " — no window opens"
            return [DetailLine([("○ closed", Theme.closed), (opening, .plain)])] + (next.map(yourTime) ?? [])
        case .noHours:
            return [DetailLine("no calling hours", Theme.dim)]
        case .invalid(let why):
            return [DetailLine("! " + why, Theme.error)]
        }
    }

    /// Seven rows, MO..SU: █ open the whole cell, ▌ part of it, · closed; the cell of this
    /// moment in the campaign's timezone is underlined.
    static func grid(_ schedule: WeekSchedule, status: CallingWindowStatus, now: Date, width: Int) -> [DetailLine] {
        let cellMinutes = width >= 4 + 48 ? 30 : 60
        let cells = WeekSchedule.cellCount(cellMinutes: cellMinutes)
        let perHour = 60 / cellMinutes
        var scale = "    "
        for hour in stride(from: 0, to: 24, by: 3) {
            scale += DisplayWidth.fit(String(hour), to: 3 * perHour)
        }
        var lines = [DetailLine(scale, Theme.dim)]
        let zone = status.timeZone ?? .gmt
        let (today, minute) = CallingHoursClock.wallClock(now, in: zone)
        let nowCell = minute / cellMinutes
        for day in Weekday.allCases {
            var spans: [(String, Style)] = [("  " + day.code + " ", Theme.label)]
            let row = schedule.row(day, cellMinutes: cellMinutes)
            for cell in 0..<cells {
                let (glyph, style) = Theme.coverage(row[cell])
                spans.append((glyph, day == today && cell == nowCell ? style.underlined.bolded : style))
            }
            lines.append(DetailLine(spans))
        }
        return lines
    }
}
