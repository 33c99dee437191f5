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
