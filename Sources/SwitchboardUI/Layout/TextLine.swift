import CampaignModel
import TerminalKit

/// What a piece of text is, for the view to colour it: text built outside the view (the detail,
/// a dialog's body) names its tone, and `Theme.style(_:)` turns the tone into a style.
enum Tone: Hashable, Sendable {
    case plain, bold, dim, label, section, error, warning, key, open, closed, selected
    /// A campaign's status ("Active"), coloured by what it says.
    case status(String)
    /// A tone underlined and bold: the grid cell of this moment.
    indirect case now(Tone)
}

/// One line of text built outside the view: pieces, each with its tone. Counting these lines is
/// how the update knows how far a text scrolls.
struct TextLine {
    var spans: [(String, Tone)]

    init(_ spans: [(String, Tone)]) { self.spans = spans }
    init(_ text: String, _ tone: Tone = .plain) { spans = [(text, tone)] }
    static let blank = TextLine("")

    /// "label            value", the label fitted to 17 columns; a missing value shows as a dim "—".
    static func field(_ label: String, _ value: String?, _ tone: Tone = .plain) -> TextLine {
        TextLine([(DisplayWidth.fit(label, to: 16) + " ", .label), (value ?? "—", value == nil ? .dim : tone)])
    }

    static func section(_ title: String) -> TextLine { TextLine("── " + title, .section) }
}

extension CellCoverage {
    /// A calling-hours cell: █ open the whole cell, ▌ part of it, · closed.
    var glyph: String {
        switch self {
        case .full: return "█"
        case .partial: return "▌"
        case .empty: return "·"
        }
    }

    var tone: Tone { self == .empty ? .closed : .open }
}
