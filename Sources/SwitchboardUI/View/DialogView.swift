import CampaignModel
import TerminalKit

/// A dialog box in the middle of the screen: what it asks, then its buttons, the focused one
/// reversed and a disabled one dimmed.
enum DialogView {
    static func render(_ dialog: Dialog, state: AppState, into canvas: inout Canvas, area: Rect) {
        let layout = DialogLayout(area: area)
        guard layout.fits else { return }
        let width = layout.width, inner = layout.textWidth
        var lines = DialogText.body(dialog, state: state, width: inner).map { ($0.0, Theme.style($0.1)) }
        if lines.count > layout.bodyRows {
            let top = min(dialog.scroll, layout.maxScroll(lines: lines.count))
            let more = top + layout.bodyRows - 1 < lines.count
            lines = Array(lines.dropFirst(top).prefix(layout.bodyRows - 1))
                + [(more ? "↓ more: j/k scroll" : "↑ end: k scrolls back", Theme.dim)]
        }
        let height = lines.count + 5
        let rect = area.centered(width: width, height: height)
        canvas.box(rect, title: title(dialog), border: Theme.dialogBorder)
        for (offset, line) in lines.enumerated() {
            canvas.put(line.0, x: rect.x + 2, y: rect.y + 2 + offset, style: line.1, maxX: rect.maxX - 2)
        }
        if dialog.takesText {
            let y = rect.y + 1 + lines.count
            dialog.typed.render(into: &canvas, x: rect.x + 2, y: y, width: min(50, inner), style: Theme.inputField, focused: true)
        }
        var x = rect.x + 2
        let y = rect.maxY - 2
        for (index, button) in dialog.buttons.enumerated() {
            var style: Style = index == dialog.focus ? Theme.selected.bolded : .plain
            if !dialog.isEnabled(index) { style = Theme.dim }
            if index == 1, dialog.requiresTypedName, dialog.isEnabled(1) { style = index == dialog.focus ? Theme.statusError : Theme.error }
            x = canvas.put("[ \(button) ]", x: x, y: y, style: style, maxX: rect.maxX - 2) + 2
        }
        let keymap = state.keymap
        let hint = keymap.footer(DialogKeys.hints) + " · " + keymap.footer([DialogKeys.cancelHint]) + " " + dialog.buttons[0].lowercased()
        if x + DisplayWidth.of(hint) < rect.maxX - 2 {
            canvas.put(hint, x: rect.maxX - 2 - DisplayWidth.of(hint), y: y, style: Theme.dim)
        }
    }

    static func title(_ dialog: Dialog) -> String {
        switch dialog.kind {
        case .delete: return "Delete campaign"
        case .trigger(_, let start): return start ? "Start campaign" : "Stop campaign"
        case .discardEdits: return "Discard changes?"
        case .reviewSave: return "Save — review"
        case .conflict: return "Changed on the server"
        case .timezone: return "Change timezone"
        case .draft: return "Unsaved draft found"
        case .newCampaign: return "New campaign"
        case .bulk(let operation, let campaigns): return "\(operation.buttonVerb) \(campaigns.count) marked campaigns"
        case .bulkPriority: return "Priority of marked campaigns"
        case .bulkReview: return "Bulk edit — review"
        case .bulkHoursMode: return "Calling hours across timezones"
        case .restore: return "Restore from snapshot"
        }
    }
}
