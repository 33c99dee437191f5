import CampaignModel
import Foundation
import TerminalKit

/// The calling-hours grid editor: seven rows of quarter-hour (or half-hour) cells, a row with
/// the cursor's day on the supervisor's clock, the exact windows, and the days array a save sends.
enum GridPane {
    static func render(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        guard let editor = state.editor, rect.height >= 3 else { return }
        let grid = editor.grid
        let (body, footer) = rect.splitBottom(1)
        var y = body.y
        func line(_ text: String, _ style: Style = .plain) {
            guard y < body.maxY else { return }
            canvas.put(text, x: body.x + 1, y: y, style: style, maxX: body.maxX)
            y += 1
        }
        line("Calling hours · \(grid.frequency.rawValue) · \(grid.timezone) · \(grid.cellMinutes)-minute cells", Theme.section)
        let x0 = body.x + 1 + GridLayout.labelWidth
        // Hour scale.
        let perHour = 60 / grid.cellMinutes
        let step = perHour >= 3 ? 1 : perHour == 2 ? 2 : 3
        for hour in stride(from: 0, to: 24, by: step) where y < body.maxY {
            canvas.put(String(hour), x: x0 + hour * perHour, y: y, style: Theme.dim, maxX: body.maxX)
        }
        y += 1
        let selection = grid.anchor == nil ? nil : grid.selection
        let outside = ComplianceMarks.marks(editor, state: state).cells
        for day in Weekday.allCases where y < body.maxY {
            let onCursorDay = day == grid.cursor.day
            canvas.put(day.code, x: body.x + 1, y: y, style: onCursorDay ? Theme.label.reversed : Theme.label)
            for (cell, coverage) in grid.schedule.row(day, cellMinutes: grid.cellMinutes).enumerated() {
                var (glyph, style) = Theme.coverage(coverage)
                // A cell that breaks a compliance rule somewhere: marked, never refused.
                if coverage != .empty, outside.contains(day.rawValue * 10_000 + cell) { style = Theme.warning }
                if let selection, selection.days.contains(day), selection.cells.contains(cell) { style = Theme.gridBlock }
                if onCursorDay, cell == grid.cursor.cell {
                    style = Theme.gridCursor
                    if coverage == .empty { glyph = "□" }
                }
                canvas.put(glyph, x: x0 + cell, y: y, style: style, maxX: body.maxX)
            }
            y += 1
        }
        y = supervisorRow(editor, state: state, into: &canvas, x0: x0, y: y, body: body)
        y += 1
        for text in details(editor, state: state, width: body.width - 2) {
            guard y < body.maxY else { break }
            canvas.put(text.0, x: body.x + 1, y: y, style: text.1, maxX: body.maxX)
            y += 1
        }
        canvas.fill(footer, style: Theme.inputLine)
        let hint = " " + state.keymap.footer(GridKeys.hints)
        canvas.put(hint, x: footer.x, y: footer.y, style: Theme.inputLine, maxX: footer.maxX)
    }

    /// Minutes the supervisor's clock is ahead of the campaign's zone now; nil for an unknown zone.
    static func supervisorOffset(_ timezone: String, state: AppState) -> Int? {
        guard let zone = IANAZones.zone(timezone) else { return nil }
        return (state.supervisorZone.secondsFromGMT(for: state.now) - zone.secondsFromGMT(for: state.now)) / 60
    }

    /// The cursor's day on the supervisor's clock, when the zones differ.
    static func supervisorRow(_ editor: CampaignEditor, state: AppState, into canvas: inout Canvas, x0: Int, y: Int,
                              body: Rect) -> Int {
        let grid = editor.grid
        guard y < body.maxY, let offset = supervisorOffset(grid.timezone, state: state), offset != 0 else { return y }
        canvas.put("you", x: body.x + 1, y: y, style: Theme.dim)
        let day = grid.cursor.day
        for cell in 0..<grid.columns {
            var minute = cell * grid.cellMinutes + grid.cellMinutes / 2 - offset
            var campaignDay = day
            if minute < 0 { minute += 1440; campaignDay = day.previous }
            if minute >= 1440 { minute -= 1440; campaignDay = day.next }
            let open = grid.schedule.isOpen(on: campaignDay, minute: minute)
            canvas.put(open ? "▓" : " ", x: x0 + cell, y: y, style: open ? Theme.dim : .plain, maxX: body.maxX)
        }
        return y + 1
    }

    /// The cursor, the cursor's day in the supervisor's zone, problems, the exact windows, and
    /// the days array that a save sends.
    static func details(_ editor: CampaignEditor, state: AppState, width: Int) -> [(String, Style)] {
        let grid = editor.grid
        var lines: [(String, Style)] = []
        let cellWindow = WeekSchedule.cellWindow(grid.cursor.cell, cellMinutes: grid.cellMinutes)
        let coverage = grid.schedule.coverage(on: grid.cursor.day, cell: grid.cursor.cell, cellMinutes: grid.cellMinutes)
        var cursor = "cursor \(grid.cursor.day.code) \(cellWindow.startTime.formatted24)–\(cellWindow.endTime.formatted24) "
            + (coverage == .full ? "open" : coverage == .partial ? "partly open" : "closed")
        if grid.anchor != nil {
            let (days, cells) = grid.selection
            let start = WeekSchedule.cellWindow(cells.lowerBound, cellMinutes: grid.cellMinutes).startTime
            let end = WeekSchedule.cellWindow(cells.upperBound, cellMinutes: grid.cellMinutes).endTime
            cursor += " · block \(days.first!.code)–\(days.last!.code) \(start.formatted24)–\(end.formatted24)"
        }
        if let copied = editor.grid.copiedDay { cursor += " · copied: " + (copied.isEmpty ? "closed day" : copied.map(\.description).joined(separator: ", ")) }
        lines.append((cursor, .plain))
        if let offset = supervisorOffset(grid.timezone, state: state), offset != 0 {
            let windows = grid.schedule.windows(on: grid.cursor.day)
            let mine = windows.map { window in
                "\(CallingHoursText.shifted(window.start, offset)) – \(CallingHoursText.shifted(window.end, offset))"
            }
            if !mine.isEmpty {
                lines.append(("\(grid.cursor.day.code) in your time (\(state.supervisorZone.identifier)): "
                              + mine.joined(separator: ", "), Theme.dim))
            }
        }
        let hours = editor.callingHours
        // ✖ blocks the save (a changed field breaking a documented rule); ⚠ is only said.
        let report = editor.validation
        for issue in report.all where ValidationIssue.path(issue.path, isUnder: "dialingStrategy.callingHours") {
            let (mark, style) = issue.isBlocking ? ("✖ ", Theme.error) : ("⚠ ", Theme.warning)
            lines += DisplayWidth.wrap(mark + issue.message, to: width).map { ($0, style) }
        }
        for issue in ComplianceMarks.marks(editor, state: state).issues {
            lines += DisplayWidth.wrap("⚠ " + issue.message, to: width).map { ($0, Theme.warning) }
        }
        lines.append(("Windows (exact):", Theme.section))
        for day in Weekday.allCases {
            let windows = grid.schedule.windows(on: day).map(\.description).joined(separator: ", ")
            lines.append(("  \(day.code)  " + (windows.isEmpty ? "closed" : windows), windows.isEmpty ? Theme.dim : .plain))
        }
        lines.append(("Days array a save sends:", Theme.section))
        let entries = hours.days.map { #"{"day":"\#($0.day)","start":"\#($0.start)","end":"\#($0.end)"}"# }
        var current = " "
        for entry in entries {
            if DisplayWidth.of(current) + DisplayWidth.of(entry) + 2 > width, current != " " {
                lines.append((current, .plain))
                current = " "
            }
            current += " " + entry
        }
        lines.append((entries.isEmpty ? "  [] (no windows)" : current, entries.isEmpty ? Theme.error : .plain))
        return lines
    }
}
