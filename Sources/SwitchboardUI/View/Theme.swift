import CampaignModel
import TerminalKit

/// The app's styles, in one place. Colours degrade to 16 or none (NO_COLOR) in the backend;
/// selection and headers stay readable without colour through reverse and bold.
enum Theme {
    static let titleBar = Style(foreground: .ansi(15), background: .indexed(24), bold: true)
    static let statusBar = Style(foreground: .ansi(15), background: .indexed(236))
    static let statusError = Style(foreground: .ansi(15), background: .ansi(1), bold: true)
    static let header = Style(bold: true, underline: true)
    static let selected = Style(reverse: true)
    static let selectedUnfocused = Style(foreground: .ansi(0), background: .indexed(250))
    static let dim = Style(dim: true)
    static let label = Style(foreground: .indexed(110), bold: true)
    static let section = Style(foreground: .indexed(179), bold: true)
    static let open = Style(foreground: .ansi(2), bold: true)
    static let closed = Style(foreground: .indexed(245))
    static let error = Style(foreground: .ansi(9), bold: true)
    static let separator = Style(foreground: .indexed(240))
    static let inputLine = Style(foreground: .ansi(15), background: .indexed(238))
    static let key = Style(foreground: .indexed(222), bold: true)
    static let inputField = Style(foreground: .ansi(15), background: .indexed(237))
    static let dialogBorder = Style(foreground: .indexed(179))
    static let warning = Style(foreground: .ansi(11), bold: true)
    /// The grid's cursor: its cell drawn in bright yellow (█ open, □ closed).
    static let gridCursor = Style(foreground: .ansi(11), bold: true)
    /// Cells inside a block selection: light blue on dark blue.
    static let gridBlock = Style(foreground: .indexed(117), background: .indexed(24))

    /// A calling-hours cell: █ open the whole cell, ▌ part of it, · closed.
    static func coverage(_ coverage: CellCoverage) -> (glyph: String, style: Style) {
        (coverage.glyph, style(coverage.tone))
    }

    /// The style of text built outside the view with `tone`.
    static func style(_ tone: Tone) -> Style {
        switch tone {
        case .plain: return .plain
        case .bold: return Style(bold: true)
        case .dim: return dim
        case .label: return label
        case .section: return section
        case .error: return error
        case .warning: return warning
        case .key: return key
        case .open: return open
        case .closed: return closed
        case .selected: return selected
        case .status(let text): return status(text)
        case .now(let tone): return style(tone).underlined.bolded
        }
    }

    static func status(_ status: String) -> Style {
        switch status.lowercased() {
        case "active": return Style(foreground: .ansi(2), bold: true)
        case "ready", "scheduled", "rescheduled": return Style(foreground: .ansi(6))
        case "paused", "preparing": return Style(foreground: .ansi(3))
        case "stopped": return Style(foreground: .ansi(1))
        case "completed": return Style(foreground: .indexed(245))
        default: return .plain
        }
    }
}
