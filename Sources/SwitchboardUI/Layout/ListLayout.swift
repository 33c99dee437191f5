import TerminalKit

/// The campaign list's geometry: the gutter that marks the selection and where each column
/// stands. The list view draws with it; the update hit-tests header clicks with it.
enum ListLayout {
    /// Columns left of the first one, where "▸" marks the selection (visible without colour too).
    static let gutter = 1

    /// The name column never gets narrower than this while another column can give way.
    static let minimumNameWidth = 20

    /// The order columns give way in when the pane is narrow: first dropped first.
    static let dropOrder: [CampaignColumn] = [.lists, .updated, .type, .priority, .mode, .window, .status]

    /// Preferred width of `column` in cells; the name column takes what is left.
    static func idealWidth(_ column: CampaignColumn) -> Int {
        switch column {
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

    /// The columns shown at `width` and their widths; the name column stretches.
    static func widths(_ width: Int) -> [(column: CampaignColumn, width: Int)] {
        var shown = CampaignColumn.allCases
        func total(_ columns: [CampaignColumn]) -> Int {
            columns.reduce(0) { $0 + ($1 == .name ? minimumNameWidth : idealWidth($1)) } + columns.count - 1
        }
        var drop = dropOrder[...]
        while total(shown) > width, let next = drop.popFirst() { shown.removeAll { $0 == next } }
        let fixed = shown.filter { $0 != .name }.reduce(0) { $0 + idealWidth($1) } + shown.count - 1
        let nameWidth = max(1, width - fixed)
        return shown.map { ($0, $0 == .name ? nameWidth : idealWidth($0)) }
    }

    /// The columns of a list pane at `rect`, each with its left edge and width; one blank
    /// cell separates neighbours.
    static func columns(in rect: Rect) -> [(column: CampaignColumn, x: Int, width: Int)] {
        var x = rect.x + gutter
        return widths(rect.width - gutter).map { column, width in
            defer { x += width + 1 }
            return (column, x, width)
        }
    }

    /// The column whose header (or the blank after it) is at `x`; nil right of the last one.
    static func column(atX x: Int, in rect: Rect) -> CampaignColumn? {
        columns(in: rect).first { x < $0.x + $0.width + 1 }?.column
    }
}
