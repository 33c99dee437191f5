import CampaignModel
import Foundation
import TerminalKit

/// A text table that fits the terminal: columns shrink to their share of the width and cut
/// their text with "…".
struct Table {
    struct Column {
        let title: String
        /// Columns shrink down to this width, flexible ones first.
        let minWidth: Int
        let flexible: Bool
        /// Columns that cannot fit even at their minimum are dropped, lowest number first;
        /// nil never drops.
        var dropOrder: Int? = nil
    }

    let columns: [Column]
    let rows: [[String]]

    /// A table of `rows`; every cell is made one harmless line (`TerminalText.line`), so a
    /// server string can neither break a row nor send an escape sequence.
    init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        self.rows = rows.map { $0.map(TerminalText.line) }
    }

    func render(width: Int) -> String {
        let gap = 2
        let needed = columns.reduce(0) { $0 + $1.minWidth } + gap * (columns.count - 1)
        if needed > width, let drop = columns.indices.filter({ columns[$0].dropOrder != nil })
            .min(by: { columns[$0].dropOrder! < columns[$1].dropOrder! }) {
            var kept = columns
            kept.remove(at: drop)
            return Table(columns: kept, rows: rows.map { row in var row = row; row.remove(at: drop); return row }).render(width: width)
        }
        var widths = columns.indices.map { index in
            rows.reduce(DisplayWidth.of(columns[index].title)) { max($0, DisplayWidth.of($1[index])) }
        }
        let available = max(width - gap * (columns.count - 1), columns.reduce(0) { $0 + $1.minWidth })
        // Shrink flexible columns, widest first, until the table fits.
        while widths.reduce(0, +) > available {
            guard let widest = columns.indices.filter({ columns[$0].flexible && widths[$0] > columns[$0].minWidth })
                .max(by: { widths[$0] < widths[$1] }) ?? columns.indices.filter({ widths[$0] > columns[$0].minWidth })
                .max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        func line(_ cells: [String]) -> String {
            cells.indices.map { index in
                index == cells.count - 1 ? DisplayWidth.truncate(cells[index], to: widths[index])
                                         : DisplayWidth.fit(cells[index], to: widths[index])
            }.joined(separator: String(repeating: " ", count: gap))
        }
        return ([line(columns.map(\.title))] + rows.map(line)).joined(separator: "\n")
    }

    /// The terminal's width: the window size of stdout when it is a terminal, else $COLUMNS,
    /// else 120.
    static func terminalWidth() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 120
    }
}
