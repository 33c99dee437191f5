import CampaignModel
import TerminalKit

/// The contacts screen's geometry: a line that says what is shown (and how much is read), the
/// column header, then the rows.
struct ContactsLayout {
    let info: Rect
    let table: Rect

    init(_ state: AppState) {
        let body = ScreenLayout(state).body
        let (top, rest) = body.splitTop(min(1, body.height))
        info = top
        table = rest
    }

    /// Contact rows the table shows (its header takes one).
    var rows: Int { max(0, table.height - 1) }

    static let gutter = 1

    static func idealWidth(_ column: ContactColumn) -> Int {
        switch column {
        case .phone: return 16
        case .outcome: return 11
        case .attempts: return 8
        case .botStatus: return 30
        case .codes: return 24
        }
    }

    /// The columns in `rect`, each with its left edge; bot status takes what is left.
    static func columns(in rect: Rect) -> [(column: ContactColumn, x: Int, width: Int)] {
        let width = rect.width - gutter
        var shown = ContactColumn.allCases
        let fixedWithout: ([ContactColumn]) -> Int = { columns in
            columns.filter { $0 != .botStatus }.reduce(0) { $0 + idealWidth($1) } + columns.count - 1
        }
        if fixedWithout(shown) + 12 > width { shown.removeAll { $0 == .codes } }
        let flexible = max(1, width - fixedWithout(shown))
        var x = rect.x + gutter
        return shown.map { column in
            let columnWidth = column == .botStatus ? flexible : idealWidth(column)
            defer { x += columnWidth + 1 }
            return (column, x, columnWidth)
        }
    }
}

/// The words of the contacts screen.
enum ContactsText {
    /// The line above the table: how many contacts, the sort and filter, and how much is read.
    static func info(_ contacts: ContactsScreenState) -> [(String, Tone)] {
        var spans: [(String, Tone)] = []
        let total = contacts.total.map { $0.grouped } ?? "…"
        spans.append((" \(total) contacts", .bold))
        if let sort = contacts.sort {
            spans.append((" · sorted by \(sort.column.helpName) \(sort.ascending ? "▲" : "▼")", .plain))
        }
        if !contacts.filter.isEmpty, let order = contacts.order {
            spans.append((" · /\(contacts.filterText): \(order.count.grouped) match", .plain))
        }
        if let error = contacts.filterError { spans.append((" · ✖ " + error, .error)) }
        if contacts.loadingAll {
            let read = contacts.loadedCount
            let percent = contacts.total.map { $0 > 0 ? " (\(min(100, read * 100 / $0))%)" : "" } ?? ""
            spans.append((" · reading every contact to sort and filter: \(read.grouped) of \(total)\(percent)"
                          + " — shown so far from those read", .warning))
        } else if contacts.needsAll, contacts.allLoaded {
            spans.append((" · over all \(total)", .dim))
        } else if !contacts.allLoaded, contacts.total != nil {
            spans.append((" · pages read as you scroll", .dim))
        }
        if let failure = contacts.failure { spans.append((" · ✖ not read: \(failure) — r retries", .error)) }
        return spans
    }

    /// The text of `column` for `contact`.
    static func cell(_ column: ContactColumn, _ contact: CampaignContact) -> (String, Tone) {
        switch column {
        case .phone: return (contact.phoneNumber, .bold)
        case .outcome:
            switch contact.outcome {
            case .connected: return ("connected", .open)
            case .noAnswer: return ("no answer", .plain)
            case .busy: return ("busy", .plain)
            case .failed: return ("failed", .error)
            case .inProgress: return ("in progress", .dim)
            case .other(let raw): return (raw, .plain)
            }
        case .attempts: return (String(contact.numberOfAttemptsSoFar), .plain)
        case .botStatus:
            let parts = [contact.botOutboundStatus, contact.botOutboundStatusDetail].compactMap { $0 }.filter { !$0.isEmpty }
            return parts.isEmpty ? ("—", .dim) : (parts.joined(separator: " / "), .plain)
        case .codes:
            return contact.agentDispositionCodes.isEmpty ? ("—", .dim) : (contact.agentDispositionCodes.joined(separator: ", "), .plain)
        }
    }
}
