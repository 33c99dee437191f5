import CampaignModel
import Foundation

/// The shift board's columns, in display order.
public enum BoardColumn: Int, CaseIterable, Sendable {
    case type, name, status, progress, connected, noAnswer, busy, failed, inProgress, connectedPercent, attempts, window, asOf

    public var title: String {
        switch self {
        case .type: return "TYPE"
        case .name: return "NAME"
        case .status: return "STATUS"
        case .progress: return "PROGRESS"
        case .connected: return "CONN"
        case .noAnswer: return "NO ANS"
        case .busy: return "BUSY"
        case .failed: return "FAILED"
        case .inProgress: return "IN PROG"
        case .connectedPercent: return "CONN%"
        case .attempts: return "ATTEMPTS"
        case .window: return "CALL WINDOW"
        case .asOf: return "AS OF"
        }
    }

    /// The columns the board sorts on, in the order of their keys (1, 2, …).
    public static let sortable: [BoardColumn] = [.type, .name, .status, .progress, .connectedPercent, .attempts, .window]

    /// The column's name in sentences ("sort by connected %").
    public var helpName: String {
        switch self {
        case .connectedPercent: return "connected %"
        case .window: return "calling window"
        default: return title.lowercased()
        }
    }
}

/// A sort order of the board on one column.
public struct BoardSort: Equatable, Sendable {
    public var column: BoardColumn
    public var ascending: Bool

    public init(column: BoardColumn, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }

    /// Sorting on `column`: the same column again flips the direction.
    func selecting(_ column: BoardColumn) -> BoardSort {
        column == self.column ? BoardSort(column: column, ascending: !ascending) : BoardSort(column: column)
    }
}

/// One campaign on the board, copied from its list row when the board is built.
public struct BoardRow: Equatable, Sendable {
    public let id: String
    public let type: String
    public let name: String
    public let status: String
    let typeKey: String
    /// The name lower-cased, worked out once for sorting.
    let nameKey: String
    /// Active 0, Paused 1, Scheduled 2, Completed 3: the board's default order.
    let statusRank: Int

    /// Which list rows the board shows: Active, Paused, Scheduled (or Rescheduled), and
    /// Completed when the campaign changed within `recentCompletion` of `now` (the list's
    /// `updatedAt`, which a completion sets).
    static func rank(of row: CampaignRow, now: Date) -> Int? {
        switch row.statusKey {
        case "active": return 0
        case "paused": return 1
        case "scheduled", "rescheduled": return 2
        case "completed": return now.timeIntervalSince(row.updatedDate) <= BoardState.recentCompletion ? 3 : nil
        default: return nil
        }
    }

    init(_ row: CampaignRow, rank: Int) {
        id = row.id
        type = row.type
        name = row.name
        status = row.status
        typeKey = row.typeKey
        nameKey = row.name.lowercased()
        statusRank = rank
    }

    /// The same row with the status the server gave since (a campaign that completed or was
    /// paused elsewhere stays on the board, ranked by its new status).
    func with(status newStatus: String) -> BoardRow {
        let rank: Int
        switch newStatus.lowercased() {
        case "active": rank = 0
        case "paused": rank = 1
        case "scheduled", "rescheduled": rank = 2
        case "completed": rank = 3
        default: rank = 4
        }
        return BoardRow(id: id, type: type, name: name, status: newStatus, typeKey: typeKey, nameKey: nameKey, statusRank: rank)
    }

    private init(id: String, type: String, name: String, status: String, typeKey: String, nameKey: String, statusRank: Int) {
        self.id = id
        self.type = type
        self.name = name
        self.status = status
        self.typeKey = typeKey
        self.nameKey = nameKey
        self.statusRank = statusRank
    }
}

/// The contact counts of one board row: the last complete count, and the count under way.
public struct BoardCount: Equatable, Sendable {
    /// The last complete count.
    public var last: OutcomeTally?
    /// When the last complete count began: its figures are as of then.
    public var asOf: Date?
    /// The count under way: the pages read so far, added up.
    public var running: OutcomeTally?
    public var runningSince: Date?
    public var pagesRead = 0
    /// The server's total of contacts, as the pages say it.
    public var expected: Int?
    /// When the last count ended (complete or failed); the next one is due `refresh` after.
    public var finishedAt: Date?
    /// Tells the pages of the count under way from those of an earlier one.
    public var generation = 0
    /// Why the last count failed.
    public var failure: String?

    public init() {}

    /// What the row shows: the last complete count, else the first count as far as it got.
    public var shown: OutcomeTally? { last ?? running }
    /// The first count of the row is still under way (its figures are partial).
    public var isPartial: Bool { last == nil && running != nil }
}

/// The shift board (`b`): the running, paused, scheduled and recently completed campaigns, with
/// contact counts paged in the background for the rows on screen.
public struct BoardState: Equatable, Sendable {
    /// A Completed campaign stays on the board this long after its last change.
    public static let recentCompletion: TimeInterval = 24 * 60 * 60
    /// Counts running at once (each reads its pages one by one).
    public static let countConcurrency = 3
    /// Contacts per page read (the API's maximum).
    public static let pageSize = 100

    /// Every campaign the board may show, before the type scope.
    public private(set) var all: [BoardRow] = []
    /// The rows shown: scope applied, sorted.
    public private(set) var rows: [BoardRow] = []
    public var scope: TypeScope = .all
    public var sort = BoardSort(column: .status)
    public var selected = 0
    public var scrollTop = 0
    public var counts: [String: BoardCount] = [:]
    /// Rows whose count is under way (one effect each).
    public var counting: Set<String> = []
    /// Holds new counts back while navigation keys arrive in a burst.
    public var hold = PreviewHold()
    /// The list load the rows were built from (`LoadState.lastFinished`).
    var builtFrom: Date?

    public init() {}

    public var selectedRow: BoardRow? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// Builds the rows from the list's, keeping the selection on the same campaign.
    mutating func rebuild(from list: CampaignListState, now: Date, builtFrom: Date?) {
        all = list.rows.compactMap { row in BoardRow.rank(of: row, now: now).map { BoardRow(row, rank: $0) } }
        self.builtFrom = builtFrom
        let ids = Set(all.map(\.id))
        counts = counts.filter { ids.contains($0.key) }
        reorder(now: now, list: list)
    }

    /// Takes the status the server gave for campaign `id`; false when it is the one shown.
    mutating func setStatus(_ status: String, of id: String) -> Bool {
        guard let index = all.firstIndex(where: { $0.id == id }), all[index].status != status else { return false }
        all[index] = all[index].with(status: status)
        if let shown = rows.firstIndex(where: { $0.id == id }) { rows[shown] = all[index] }
        return true
    }

    /// Applies the scope and the sort again, keeping the selection on the same campaign.
    mutating func reorder(now: Date, list: CampaignListState) {
        let keep = selectedRow?.id
        let scoped = all.filter { scope == .all || $0.typeKey == scope.rawValue }
        let keys = scoped.map { sortKey($0, list: list) }
        let ascending = sort.ascending
        rows = scoped.indices.sorted { i, j in
            let (x, y) = (keys[i], keys[j])
            // Rows without a figure yet go last either way.
            if x.isNaN != y.isNaN { return y.isNaN }
            if !x.isNaN, x != y { return ascending ? x < y : x > y }
            let (a, b) = (scoped[i], scoped[j])
            if a.nameKey != b.nameKey { return a.nameKey < b.nameKey }
            return a.id < b.id
        }.map { scoped[$0] }
        selected = keep.flatMap { id in rows.firstIndex { $0.id == id } } ?? min(selected, max(0, rows.count - 1))
    }

    /// A number to sort `row` by on the sort column (NaN: not known yet); names tie-break.
    private func sortKey(_ row: BoardRow, list: CampaignListState) -> Double {
        let tally = counts[row.id]?.last
        switch sort.column {
        case .type: return row.typeKey == "sms" ? 0 : 1
        case .status: return Double(row.statusRank)
        case .progress: return tally.map { $0.total > 0 ? Double($0.finalCount) / Double($0.total) : 0 } ?? .nan
        case .connectedPercent: return tally?.connectedPercent ?? .nan
        case .attempts: return tally.map { Double($0.attempts) } ?? .nan
        case .window: return list.windows[row.id]?.sortKey ?? .nan
        default: return 0  // by name
        }
    }

    /// Keeps the selection inside a pane `height` rows tall.
    mutating func scrollToSelection(height: Int) {
        guard height > 0 else { return }
        if selected < scrollTop { scrollTop = selected }
        if selected >= scrollTop + height { scrollTop = selected - height + 1 }
        scrollTop = max(0, min(scrollTop, max(0, rows.count - height)))
    }

    /// The ids of the rows a pane `height` rows tall shows.
    func onScreen(height: Int) -> [String] {
        guard !rows.isEmpty, height > 0 else { return [] }
        let top = min(max(0, scrollTop), rows.count - 1)
        return rows[top..<min(rows.count, top + height)].map(\.id)
    }
}
