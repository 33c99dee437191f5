/// The campaign list's columns, in display order. Each can be sorted on.
public enum CampaignColumn: Int, CaseIterable, Sendable {
    case type, name, status, priority, mode, window, lists, updated

    public var title: String {
        switch self {
        case .type: return "TYPE"
        case .name: return "NAME"
        case .status: return "STATUS"
        case .priority: return "PRI"
        case .mode: return "MODE/FMT"
        case .window: return "CALL WINDOW"
        case .lists: return "CONTACT LISTS"
        case .updated: return "UPDATED"
        }
    }

    /// The column's name in sentences ("sort by priority").
    public var helpName: String {
        switch self {
        case .priority: return "priority"
        case .mode: return "mode or format"
        case .window: return "calling window"
        default: return title.lowercased()
        }
    }

    /// Preferred width in cells; the name column takes what is left.
    var idealWidth: Int {
        switch self {
        case .type: return 5
        case .name: return 24
        case .status: return 11
        case .priority: return 4
        case .mode: return 11
        case .window: return 14
        case .lists: return 18
        case .updated: return 12
        }
    }

    /// The name column never gets narrower than this while another column can give way.
    static let minimumNameWidth = 20

    /// The order columns give way in when the pane is narrow: first dropped first.
    static let dropOrder: [CampaignColumn] = [.lists, .updated, .type, .priority, .mode, .window, .status]

    /// The columns shown at `width` and their widths; the name column stretches.
    static func layout(width: Int) -> [(column: CampaignColumn, width: Int)] {
        var shown = allCases
        func total(_ columns: [CampaignColumn]) -> Int {
            columns.reduce(0) { $0 + ($1 == .name ? minimumNameWidth : $1.idealWidth) } + columns.count - 1
        }
        var drop = dropOrder[...]
        while total(shown) > width, let next = drop.popFirst() { shown.removeAll { $0 == next } }
        let fixed = shown.filter { $0 != .name }.reduce(0) { $0 + $1.idealWidth } + shown.count - 1
        let nameWidth = max(1, width - fixed)
        return shown.map { ($0, $0 == .name ? nameWidth : $0.idealWidth) }
    }
}

/// A sort order on one column.
public struct CampaignSort: Equatable, Sendable {
    public var column: CampaignColumn
    public var ascending: Bool

    public init(column: CampaignColumn, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }

    /// Sorting on `column`: the same column again flips the direction.
    func selecting(_ column: CampaignColumn) -> CampaignSort {
        column == self.column ? CampaignSort(column: column, ascending: !ascending) : CampaignSort(column: column)
    }
}
