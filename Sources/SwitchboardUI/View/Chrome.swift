import Foundation
import TerminalKit

/// The title bar (breadcrumbs, key hints), the status bar and the input line.
enum Chrome {
    static func titleBar(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        canvas.fill(rect, style: Theme.titleBar)
        let crumbs = " Switchboard › " + state.breadcrumbs.joined(separator: " › ")
        let hint = state.keymap.footer(ScreenKeys.titleHints, separator: "  ") + " "
        let hintX = rect.maxX - DisplayWidth.of(hint)
        let end = canvas.put(DisplayWidth.truncate(crumbs, to: rect.width), x: rect.x, y: rect.y, style: Theme.titleBar)
        if hintX > end + 1 { canvas.put(hint, x: hintX, y: rect.y, style: Theme.titleBar) }
    }

    static func statusBar(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        let list = state.list
        var parts = ["\(state.connection.profile) @ \(state.connection.host)"]
        // The passing note comes early, so a narrow terminal cuts the counts rather than it.
        if let notice = state.notice { parts.append(notice) }
        if state.load.isPartial {
            parts.append("\(list.rows.count.grouped) campaigns loaded, list incomplete")
        } else {
            parts.append("\(list.rows.count.grouped) campaigns (\(list.smsCount.grouped) SMS, \(list.voiceCount.grouped) voice)")
        }
        if !list.visible.isEmpty, state.screen == .campaigns {
            parts.append("row \((list.selected + 1).grouped)/\(list.visible.count.grouped)")
        }
        if let position = BoardText.position(state) { parts.append(position) }
        parts += BulkText.statusParts(state)
        if state.load.isLoading {
            let fraction = state.load.total > 0 ? min(1, max(0, Double(state.load.loaded) / Double(state.load.total))) : nil
            let percent = fraction.map { " \(Int($0 * 100))%" } ?? ""
            parts.append("⟳ loading \(state.load.loaded.grouped)/\(state.load.total.grouped)\(percent)")
        }
        let text = " " + parts.joined(separator: " · ")
        canvas.fill(rect, style: Theme.statusBar)
        if let error = state.lastError {
            let errorText = " ✖ " + error + " "
            let errorWidth = min(DisplayWidth.of(errorText), rect.width * 2 / 3)
            let left = canvas.put(DisplayWidth.truncate(text, to: rect.width - errorWidth - 1), x: rect.x, y: rect.y,
                                  style: Theme.statusBar)
            canvas.put(DisplayWidth.truncate(errorText, to: rect.maxX - left - 1), x: max(left + 1, rect.maxX - errorWidth),
                       y: rect.y, style: Theme.statusError)
        } else {
            canvas.put(DisplayWidth.truncate(text, to: rect.width), x: rect.x, y: rect.y, style: Theme.statusBar)
        }
    }

    static func inputLine(_ state: AppState, into canvas: inout Canvas, rect: Rect) {
        canvas.fill(rect, style: Theme.inputLine)
        switch state.input {
        case .filter:
            let contacts = state.screen == .campaignContacts(id: state.contacts?.campaignID ?? "") ? state.contacts : nil
            let end = canvas.put("/" + (contacts?.filterText ?? state.list.filterText), x: rect.x, y: rect.y, style: Theme.inputLine)
            canvas.put("█", x: end, y: rect.y, style: Theme.inputLine)
            let hint = state.keymap.footer(FilterKeys.hints) + (contacts == nil ? " · status:active type:sms" : " · outcome:failed attempts:>2")
            if end + DisplayWidth.of(hint) + 3 < rect.maxX {
                canvas.put(hint, x: rect.maxX - DisplayWidth.of(hint) - 1, y: rect.y, style: Theme.inputLine.with(foreground: .indexed(248)))
            }
        case .palette(let text):
            let end = canvas.put(":" + text, x: rect.x, y: rect.y, style: Theme.inputLine)
            canvas.put("█", x: end, y: rect.y, style: Theme.inputLine)
            let suggestions = PaletteCommand.completions(text).map { ":" + $0.rawValue }.joined(separator: "  ")
            canvas.put(suggestions, x: end + 3, y: rect.y, style: Theme.inputLine.with(foreground: .indexed(248)), maxX: rect.maxX)
        case nil: break
        }
    }
}

extension Int {
    /// "12,345".
    var grouped: String {
        let digits = String(Swift.abs(self))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (self < 0 ? "-" : "") + out
    }
}
