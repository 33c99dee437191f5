import CampaignModel
import Foundation
import TerminalKit

/// The shift board's geometry: the table (a header, then one row per campaign), and under it a
/// line with every figure of the selected row. The view draws with it; the update scrolls with it.
struct BoardLayout {
    /// The table: the header row, then the campaign rows.
    let table: Rect
    /// The selected row in full (all counts, as of), when the screen is tall enough.
    let summary: Rect?

    init(_ state: AppState) {
        let body = ScreenLayout(state).body
        if body.height >= 5 {
            let (rows, line) = body.splitBottom(1)
            table = rows
            summary = line
        } else {
            table = body
            summary = nil
        }
    }

    /// Campaign rows the table shows.
    var rows: Int { max(0, table.height - 1) }

    /// Columns left of the first one, where "▸" marks the selection.
    static let gutter = 1
    static let minimumNameWidth = 16
    /// The order columns give way in on a narrow terminal (the summary line still shows them).
    /// The type goes first: the title names the scope (`t`), and at 120 columns every count and
    /// the "as of" then fit.
    static let dropOrder: [BoardColumn] = [.type, .busy, .noAnswer, .inProgress, .failed, .asOf, .attempts, .status,
                                           .connected, .connectedPercent]

    static func idealWidth(_ column: BoardColumn) -> Int {
        switch column {
        case .type: return 5
        case .name: return 24
        case .status: return 9
        case .progress: return 10
        case .inProgress: return 7
        case .connected, .noAnswer: return 6
        case .busy, .failed: return 6
        case .connectedPercent: return 5
        case .attempts: return 8
        case .window: return 21
        case .asOf: return 8
        }
    }

    /// The columns shown in a table `width` wide, each with its left edge; the name stretches.
    static func columns(in rect: Rect) -> [(column: BoardColumn, x: Int, width: Int)] {
        let width = rect.width - gutter
        var shown = BoardColumn.allCases
        func total(_ columns: [BoardColumn]) -> Int {
            columns.reduce(0) { $0 + ($1 == .name ? minimumNameWidth : idealWidth($1)) } + columns.count - 1
        }
        var drop = dropOrder[...]
        while total(shown) > width, let next = drop.popFirst() { shown.removeAll { $0 == next } }
        let fixed = shown.filter { $0 != .name }.reduce(0) { $0 + idealWidth($1) } + shown.count - 1
        let nameWidth = max(1, min(40, width - fixed))
        var x = rect.x + gutter
        return shown.map { column in
            let columnWidth = column == .name ? nameWidth : idealWidth(column)
            defer { x += columnWidth + 1 }
            return (column, x, columnWidth)
        }
    }

    /// Whether `column`'s text is a number, aligned right.
    static func isNumeric(_ column: BoardColumn) -> Bool {
        [.connected, .noAnswer, .busy, .failed, .inProgress, .connectedPercent, .attempts].contains(column)
    }
}

/// The words and figures of the board: what a cell says and its tone, worked out from the state.
enum BoardText {
    /// A calling window that closes within this is shown as a warning.
    static let closingSoon: TimeInterval = 15 * 60

    /// The text of `column` for `row`.
    static func cell(_ column: BoardColumn, row: BoardRow, state: AppState) -> (String, Tone) {
        let count = state.board.counts[row.id]
        let tally = count?.shown
        func figure(_ value: (OutcomeTally) -> Int) -> (String, Tone) {
            guard let tally else { return (count?.failure != nil ? "!" : "…", .dim) }
            return (value(tally).grouped, count?.isPartial == true ? .dim : .plain)
        }
        switch column {
        case .type: return (row.type, .plain)
        case .name: return (row.name, .bold)
        case .status: return (row.status, .status(row.status))
        case .progress:
            guard let tally else { return (count?.failure != nil ? "! no count" : "counting…", count?.failure != nil ? .error : .dim) }
            return (progressBar(tally), count?.isPartial == true ? .dim : .open)
        case .connected: return figure(\.connected)
        case .noAnswer: return figure(\.noAnswer)
        case .busy: return figure(\.busy)
        case .failed: return figure(\.failed)
        case .inProgress: return figure(\.inProgress)
        case .attempts: return figure(\.attempts)
        case .connectedPercent:
            guard let tally else { return figure(\.connected) }
            return (tally.connectedPercent.map { "\(Int($0.rounded()))%" } ?? "—", count?.isPartial == true ? .dim : .plain)
        case .window: return window(row.id, state: state)
        case .asOf:
            if let asOf = count?.asOf { return (clock(asOf, zone: state.supervisorZone), .dim) }
            if let count, count.isPartial { return ("p.\(count.pagesRead)", .dim) }
            return ("—", .dim)
        }
    }

    /// "███░░  60%": contacts with a final outcome of all contacts, five cells and a percent.
    static func progressBar(_ tally: OutcomeTally, cells: Int = 5) -> String {
        let fraction = tally.total > 0 ? Double(tally.finalCount) / Double(tally.total) : 0
        let filled = min(cells, Int((fraction * Double(cells)).rounded(.down)))
        let percent = "\(Int((fraction * 100).rounded(.down)))%"
        return String(repeating: "█", count: filled) + String(repeating: "░", count: cells - filled)
            + " " + String(repeating: " ", count: max(0, 4 - percent.count)) + percent
    }

    /// Whether the campaign may call now and when that changes, in the campaign's own zone; a
    /// window closing within 15 minutes is a warning.
    static func window(_ id: String, state: AppState) -> (String, Tone) {
        guard let status = state.list.windows[id] else {
            return state.detailErrors[id] != nil ? ("! unavailable", .error) : ("…", .dim)
        }
        let zone = status.timeZone ?? state.supervisorZone
        switch status.state {
        case .open(let until?):
            let left = until.timeIntervalSince(state.now)
            let time = ClockTime(minutes: CallingHoursClock.wallClock(until, in: zone).minute)?.formatted ?? "?"
            if left <= closingSoon {
                return ("⚠ closes \(time) \(max(0, Int((left / 60).rounded(.up))))m", .warning)
            }
            return ("● open till \(time)", .open)
        case .open(nil): return ("● open", .open)
        case .closed(let next?): return ("○ opens " + CallingHoursClock.describe(next, in: zone, withZone: false), .closed)
        case .closed(nil): return ("○ never opens", .closed)
        case .noHours: return ("— no hours", .dim)
        case .invalid: return ("! bad hours", .error)
        }
    }

    /// Whether the window of `id` closes within 15 minutes of now.
    static func closesSoon(_ id: String, state: AppState) -> Bool {
        guard let status = state.list.windows[id], case .open(let until?) = status.state else { return false }
        return until.timeIntervalSince(state.now) <= closingSoon
    }

    /// "15:30:05" of `date` on the wall clock of `zone`.
    static func clock(_ date: Date, zone: TimeZone) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(two(ofDay / 3600)):\(two(ofDay / 60 % 60)):\(two(ofDay % 60))"
    }

    /// The status bar's words on the board ("row 2/6 · counting 3") and the contacts screen.
    static func position(_ state: AppState) -> String? {
        switch state.screen {
        case .board where !state.board.rows.isEmpty:
            let counting = state.board.counting.count
            return "row \(state.board.selected + 1)/\(state.board.rows.count)" + (counting > 0 ? " · ⟳ counting \(counting)" : "")
        case .campaignContacts:
            guard let contacts = state.contacts, contacts.rowCount > 0 else { return nil }
            return "contact \((contacts.selected + 1).grouped)/\(contacts.rowCount.grouped)"
        default:
            return nil
        }
    }

    /// The selected row in full, for the line under the table.
    static func summary(_ state: AppState) -> [(String, Tone)] {
        guard let row = state.board.selectedRow else {
            return [(state.board.all.isEmpty ? " No running, paused, scheduled or recently completed campaigns" : " No campaign of this type", .dim)]
        }
        let count = state.board.counts[row.id]
        var spans: [(String, Tone)] = [(" " + row.name, .bold)]
        if let count, count.isPartial {
            let of = count.expected.map { " of \($0.grouped)" } ?? ""
            spans.append((" · counting: \((count.running?.total ?? 0).grouped)\(of) so far", .warning))
        } else if let asOf = count?.asOf {
            spans.append((" · as of " + clock(asOf, zone: state.supervisorZone) + (count?.running != nil ? " (recounting)" : ""), .dim))
        }
        spans.append((": ", .bold))
        guard let tally = count?.shown else {
            spans.append((count?.failure.map { "not counted — " + $0 } ?? "counting contacts…", count?.failure != nil ? .error : .dim))
            return spans
        }
        var text = "\(tally.finalCount.grouped)/\(tally.total.grouped) final · connected \(tally.connected.grouped)"
            + " · no answer \(tally.noAnswer.grouped) · busy \(tally.busy.grouped) · failed \(tally.failed.grouped)"
            + " · in progress \(tally.inProgress.grouped)"
        if tally.other > 0 { text += " · other \(tally.other.grouped)" }
        text += " · \(tally.attempts.grouped) attempts"
        spans.append((text, .plain))
        if let failure = count?.failure { spans.append((" · last count failed: " + failure, .error)) }
        return spans
    }
}
