/// One terminal cell: a character cluster and its style. A wide character occupies its cell and
/// a continuation cell after it.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: Style
    /// True for the second half of a wide character.
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// A grid of cells that screens draw into; a backend writes it to the terminal. Drawing is clipped
/// to the canvas, so no widget can write outside it.
public struct Canvas: Equatable, Sendable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { Rect(size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from (x, y), never past `maxX` (default: the canvas edge), and returns the
    /// column after the last one written. A wide character that does not fit is not drawn half.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxX: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(maxX ?? width, width)
        var column = x
        for character in text {
            let cellWidth = DisplayWidth.of(character)
            if cellWidth == 0 {
                if column > 0, column - 1 < limit, column - 1 >= 0 { appendCombining(character, x: column - 1, y: y) }
                continue
            }
            if column + cellWidth > limit { break }
            if column >= 0 {
                self[column, y] = Cell(character, style: style)
                if cellWidth == 2 { self[column + 1, y] = Cell(" ", style: style, isContinuation: true) }
            }
            column += cellWidth
        }
        return column
    }

    /// Writes `text` in exactly `width` columns from (x, y): cut with "…" when longer, padded
    /// with blanks in `style` when shorter. Builds no intermediate strings (the list's hot path).
    public mutating func put(_ text: String, x: Int, y: Int, width: Int, style: Style = .plain) {
        guard width > 0, y >= 0, y < height else { return }
        let fits = DisplayWidth.of(text) <= width
        let end = put(text, x: x, y: y, style: style, maxX: min(self.width, x + (fits ? width : width - 1)))
        var column = end
        if !fits, column < self.width { self[column, y] = Cell("…", style: style); column += 1 }
        while column < min(self.width, x + width) {
            self[column, y] = Cell(" ", style: style)
            column += 1
        }
    }

    /// Fills a rectangle with blanks (or `character`) in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, character: Character = " ") {
        let clipped = rect.clipped(to: bounds)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { self[x, y] = Cell(character, style: style) }
        }
    }

    /// Changes the style of the cells in `rect`, keeping their characters.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let clipped = rect.clipped(to: bounds)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { change(&cells[y * width + x].style) }
        }
    }

    /// The text of each row, wide characters once, trailing blanks kept: what a snapshot compares.
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line.append(self[x, y].character) }
            return line
        }
    }

    /// All rows joined by newlines, trailing blanks of each row removed.
    public var text: String {
        lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }

    private mutating func appendCombining(_ mark: Character, x: Int, y: Int) {
        var target = x
        if self[target, y].isContinuation, target > 0 { target -= 1 }
        let combined = String(self[target, y].character) + String(mark)
        if combined.count == 1 { self[target, y].character = Character(combined) }
    }
}

extension Rect {
    /// The part of this rectangle inside `other`.
    public func clipped(to other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        return Rect(x: x0, y: y0, width: min(maxX, other.maxX) - x0, height: min(maxY, other.maxY) - y0)
    }
}
