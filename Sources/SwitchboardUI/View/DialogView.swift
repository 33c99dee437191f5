import CampaignModel
import TerminalKit

/// A dialog box in the middle of the screen: what it asks, then its buttons, the focused one
/// reversed and a disabled one dimmed.
enum DialogView {
    static func render(_ dialog: Dialog, state: AppState, into canvas: inout Canvas, area: Rect) {
        let width = min(78, area.width - 2)
        guard width >= 24, area.height >= 7 else { return }
        let inner = width - 4
        var lines = body(dialog, state: state, width: inner)
        let maxBody = area.height - 6
        if lines.count > maxBody {
            let top = min(dialog.scroll, lines.count - maxBody)
            lines = Array(lines.dropFirst(top).prefix(maxBody - 1)) + [("↓ more: j/k scroll", Theme.dim)]
        }
        let height = lines.count + 5
        let rect = area.centered(width: width, height: height)
        canvas.box(rect, title: title(dialog), border: Theme.dialogBorder)
        for (offset, line) in lines.enumerated() {
            canvas.put(line.0, x: rect.x + 2, y: rect.y + 2 + offset, style: line.1, maxX: rect.maxX - 2)
        }
        if dialog.requiresTypedName {
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
        let hint = "Tab move · Enter press · Esc \(dialog.buttons[0].lowercased())"
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
        }
    }

    static func body(_ dialog: Dialog, state: AppState, width: Int) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        func say(_ text: String, _ style: Style = .plain) {
            lines += DisplayWidth.wrap(text, to: width).map { ($0, style) }
        }
        switch dialog.kind {
        case .delete(let campaign):
            say("Delete “\(campaign.name)”?", Theme.label)
            say("\(campaign.type.rawValue) · status \(campaign.status?.rawValue ?? "unknown") · \(campaign.id)", Theme.dim)
            if campaign.status == .active {
                say("⚠ This campaign is ACTIVE: it is contacting people right now. Deleting it ends its calls mid-run; "
                    + "a server may refuse until it is stopped (x).", Theme.warning)
            }
            say("This cannot be undone. Type the campaign's name to enable Delete:")
            lines.append(("", .plain))
        case .trigger(let campaign, let start):
            say("\(start ? "Start" : "Stop") “\(campaign.name)”?", Theme.label)
            say("\(campaign.type.rawValue) · status \(campaign.status?.rawValue ?? "unknown")", Theme.dim)
            if start {
                say("It starts contacting its lists, within its calling hours.")
            } else if campaign.type == .voice {
                // The platform's campaign-management page, "Stop a Voice Campaign".
                say("Stopping a voice campaign resets the campaign's data; rerunning it later creates a new instance "
                    + "of the campaign.")
                if campaign.status == .active {
                    say("⚠ This campaign is ACTIVE: it is calling people right now.", Theme.warning)
                    say("Type the campaign's name to enable Stop:")
                    lines.append(("", .plain))
                }
            } else {
                say("Its status becomes Stopped. The platform's docs do not say what happens to messages already queued.")
            }
        case .discardEdits:
            say("Throw away your changes to “\(state.editor?.text(.name) ?? "")”?", Theme.label)
            say("The draft kept on disk is removed too.")
        case .reviewSave(let changes, let days):
            let creating = state.editor?.mode == .create
            say(creating ? "Create “\(state.editor?.text(.name) ?? "")” with:" :
                "Save \(changes.count) change\(changes.count == 1 ? "" : "s") to “\(state.editor?.base.name ?? "")”:", Theme.label)
            for change in changes where !change.path.isEmpty && !(creating && change.path.hasPrefix("dialingStrategy.callingHours.days")) {
                if change.path == "message.message", let text = state.editor?.campaign.message?.text {
                    say("  \(creating ? "+" : "~") message (plain text; sent base64): \(text)")
                } else {
                    say("  " + change.description)
                }
            }
            let daysChanged = changes.contains { $0.path.hasPrefix("dialingStrategy.callingHours.days") }
            if daysChanged || creating {
                say("Days array sent:", Theme.section)
                for day in days { say(#"  {"day":"\#(day.day)","start":"\#(day.start)","end":"\#(day.end)"}"#) }
            }
            if let warnings = state.editor?.warnings, !warnings.isEmpty {
                say("Warnings (they do not stop the save):", Theme.warning)
                for warning in warnings { say("  ⚠ " + warning.description, Theme.warning) }
            }
        case .conflict(let current, let changes):
            say("Someone changed “\(current.name)” since you opened it.", Theme.warning)
            say("Their changes:", Theme.section)
            for change in changes { say("  " + change.description) }
            if changes.isEmpty { say("  (only fields a save does not send)", Theme.dim) }
            say("Back to editing: your changed fields stay, over their version. Reload: their version, yours dropped. Overwrite: yours, as the form shows it.", Theme.dim)
        case .timezone(let zone):
            let old = state.editor?.grid.timezone ?? ""
            say("Move the calling hours from \(old) to \(zone)?", Theme.label)
            say("Keep local times: 9:00 AM stays 9:00 AM, now in \(zone).")
            if let from = IANAZones.zone(old), let to = IANAZones.zone(zone) {
                let offset = (to.secondsFromGMT(for: state.now) - from.secondsFromGMT(for: state.now)) / 60
                say("Shift: the same moments — 9:00 AM in \(old) becomes \(GridPane.shifted(540, offset)) in \(zone).")
            }
        case .draft(let draft):
            let name = draft.working.name.isEmpty ? "(no name yet)" : draft.working.name
            say(draft.mode == .edit ? "Unsaved changes to “\(name)”" : "An unsaved new \(draft.variant) campaign “\(name)”", Theme.label)
            say("kept \(CallingHoursClock.describe(draft.savedAt, in: state.supervisorZone)), when Switchboard last stopped without saving.",
                Theme.dim)
            if draft.mode == .edit {
                let changes = CampaignDiff.changes(from: draft.base, to: draft.working)
                for change in changes.prefix(8) { say("  " + change.description) }
                if changes.count > 8 { say("  … and \(changes.count - 8) more", Theme.dim) }
            }
            say("Restore opens it in the form; nothing is sent until you save.")
        case .newCampaign:
            say("Which kind of campaign? (↑↓, Enter)", Theme.label)
            for (index, variant) in CampaignVariant.allCases.enumerated() {
                lines.append(((index == dialog.selection ? "▸ " : "  ") + variant.rawValue,
                              index == dialog.selection ? Theme.selected : .plain))
            }
        }
        return lines
    }
}
