import TerminalKit

/// Where each part of the screen goes at a given size. The view draws with it and the update
/// uses it for scrolling and mouse clicks, so both always agree.
public struct ScreenLayout: Equatable {
    /// Below this the app shows only a "terminal too small" note.
    public static let minimum = Size(width: 20, height: 6)
    /// From this width the list and the detail stand side by side.
    public static let sideBySideWidth = 120

    public let tooSmall: Bool
    public let titleBar: Rect
    public let body: Rect
    public let inputLine: Rect?
    public let statusBar: Rect
    /// Campaigns screen: the list (its first row is the column header) and the detail preview.
    public let list: Rect
    public let detail: Rect?
    public let sideBySide: Bool
    /// The row under the list that says the list is incomplete (a load failed half way).
    public let listNote: Rect?

    public init(size: Size, hasInputLine: Bool, showsPreview: Bool = true, hasListNote: Bool = false) {
        tooSmall = size.width < Self.minimum.width || size.height < Self.minimum.height
        let whole = Rect(size)
        let (title, rest) = whole.splitTop(1)
        let (aboveStatus, status) = rest.splitBottom(1)
        titleBar = title
        statusBar = status
        if hasInputLine {
            let (bodyPart, line) = aboveStatus.splitBottom(1)
            body = bodyPart
            inputLine = line
        } else {
            body = aboveStatus
            inputLine = nil
        }
        sideBySide = showsPreview && size.width >= Self.sideBySideWidth
        var list: Rect
        if !showsPreview {
            list = body
            detail = nil
        } else if sideBySide {
            let (left, right) = body.splitLeft(body.width * 60 / 100)
            list = Rect(x: left.x, y: left.y, width: left.width - 1, height: left.height)
            detail = Rect(x: right.x + 1, y: right.y, width: right.width - 1, height: right.height)
        } else if body.height >= 14 {
            let (top, bottom) = body.splitTop(max(5, body.height * 45 / 100))
            list = top
            detail = Rect(x: bottom.x, y: bottom.y + 1, width: bottom.width, height: bottom.height - 1)
        } else {
            list = body
            detail = nil
        }
        if hasListNote, list.height >= 3 {
            let (rows, note) = list.splitBottom(1)
            list = rows
            listNote = note
        } else {
            listNote = nil
        }
        self.list = list
    }

    /// The layout of `state`'s screen.
    public init(_ state: AppState) {
        self.init(size: state.size, hasInputLine: state.input != nil, showsPreview: state.showsPreview,
                  hasListNote: state.load.isPartial)
    }

    /// Rows of campaigns the list shows (its header takes one).
    public var listRows: Int { max(0, list.height - 1) }

    /// The detail preview with its title row: beside the list, or under it where the title
    /// takes the row that separates them.
    var preview: Rect? {
        guard let detail else { return nil }
        return sideBySide ? detail : Rect(x: detail.x, y: detail.y - 1, width: detail.width, height: detail.height + 1)
    }

    /// Where the preview's lines go, under its title.
    var previewText: Rect? { preview?.splitTop(1).rest }
}
