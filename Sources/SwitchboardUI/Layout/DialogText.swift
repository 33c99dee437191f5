import CampaignModel
import TerminalKit

/// What a dialog says above its buttons, as lines wrapped to the box: the dialog view draws
/// them and the update counts them to clamp the dialog's scrolling.
enum DialogText {
    static func body(_ dialog: Dialog, state: AppState, width: Int) -> [(String, Tone)] {
        var lines: [(String, Tone)] = []
        func say(_ text: String, _ tone: Tone = .plain) {
            lines += DisplayWidth.wrap(text, to: width).map { ($0, tone) }
        }
        switch dialog.kind {
        case .delete(let campaign):
            say("Delete “\(campaign.name)”?", .label)
            say("\(campaign.type.rawValue) · status \(campaign.status?.rawValue ?? "unknown") · \(campaign.id)", .dim)
            if campaign.status == .active {
                say("⚠ This campaign is ACTIVE: it is contacting people right now. Deleting it ends its calls mid-run; "
                    + "a server may refuse until it is stopped (x).", .warning)
            }
            say("This cannot be undone. Type the campaign's name to enable Delete:")
            lines.append(("", .plain))
        case .trigger(let campaign, let start):
            say("\(start ? "Start" : "Stop") “\(campaign.name)”?", .label)
            say("\(campaign.type.rawValue) · status \(campaign.status?.rawValue ?? "unknown")", .dim)
            if start {
                say("It starts contacting its lists, within its calling hours.")
            } else if campaign.type == .voice {
                // The platform's campaign-management page, "Stop a Voice Campaign".
                say("Stopping a voice campaign resets the campaign's data; rerunning it later creates a new instance "
                    + "of the campaign.")
                if campaign.status == .active {
                    say("⚠ This campaign is ACTIVE: it is calling people right now.", .warning)
                    say("Type the campaign's name to enable Stop:")
                    lines.append(("", .plain))
                }
            } else {
                say("Its status becomes Stopped. The platform's docs do not say what happens to messages already queued.")
            }
        case .discardEdits:
            say("Throw away your changes to “\(state.editor?.text(.name) ?? "")”?", .label)
            say("The draft kept on disk is removed too.")
        case .reviewSave(let changes, let days):
            let creating = state.editor?.mode == .create
            say(creating ? "Create “\(state.editor?.text(.name) ?? "")” with:" :
                "Save \(changes.count) change\(changes.count == 1 ? "" : "s") to “\(state.editor?.base.name ?? "")”:", .label)
            for change in changes where !change.path.isEmpty && !(creating && change.path.hasPrefix("dialingStrategy.callingHours.days")) {
                if change.path == "message.message", let text = state.editor?.campaign.message?.text {
                    say("  \(creating ? "+" : "~") message (plain text; sent base64): \(text)")
                } else {
                    say("  " + change.description)
                }
            }
            let daysChanged = changes.contains { $0.path.hasPrefix("dialingStrategy.callingHours.days") }
            if daysChanged || creating {
                say("Days array sent:", .section)
                for day in days { say(#"  {"day":"\#(day.day)","start":"\#(day.start)","end":"\#(day.end)"}"#) }
            }
            if let warnings = state.editor?.warnings, !warnings.isEmpty {
                say("Warnings (they do not stop the save):", .warning)
                for warning in warnings { say("  ⚠ " + warning.description, .warning) }
            }
            if let editor = state.editor, case let compliance = ComplianceMarks.marks(editor, state: state).issues, !compliance.isEmpty {
                say("Compliance (\(compliance.count); warnings only, the save goes ahead):", .warning)
                for issue in compliance { say("  ⚠ " + issue.message, .warning) }
            }
        case .conflict(let current, let changes):
            say("Someone changed “\(current.name)” since you opened it.", .warning)
            say("Their changes:", .section)
            for change in changes { say("  " + change.description) }
            if changes.isEmpty { say("  (only fields a save does not send)", .dim) }
            say("Back to editing: your changed fields stay, over their version. Reload: their version, yours dropped. Overwrite: yours, as the form shows it.", .dim)
        case .timezone(let zone):
            let old = state.editor?.grid.timezone ?? ""
            say("Move the calling hours from \(old) to \(zone)?", .label)
            say("Keep local times: 9:00 AM stays 9:00 AM, now in \(zone).")
            if let from = IANAZones.zone(old), let to = IANAZones.zone(zone) {
                let offset = (to.secondsFromGMT(for: state.now) - from.secondsFromGMT(for: state.now)) / 60
                say("Shift: the same moments — 9:00 AM in \(old) becomes \(CallingHoursText.shifted(540, offset)) in \(zone).")
            }
        case .draft(let draft):
            let name = draft.working.name.isEmpty ? "(no name yet)" : draft.working.name
            say(draft.mode == .edit ? "Unsaved changes to “\(name)”" : "An unsaved new \(draft.variant) campaign “\(name)”", .label)
            say("kept \(CallingHoursClock.describe(draft.savedAt, in: state.supervisorZone)), when Switchboard last stopped without saving.",
                .dim)
            if draft.mode == .edit {
                let changes = CampaignDiff.changes(from: draft.base, to: draft.working)
                for change in changes.prefix(8) { say("  " + change.description) }
                if changes.count > 8 { say("  … and \(changes.count - 8) more", .dim) }
            }
            say("Restore opens it in the form; nothing is sent until you save.")
        case .restore(let proposal):
            JournalText.restoreBody(proposal, say: { say($0, $1) })
        case .bulk, .bulkPriority, .bulkReview, .bulkHoursMode:
            BulkText.dialogBody(dialog, say: { say($0, $1) }, blank: { lines.append(("", .plain)) })
        case .newCampaign:
            say("Which kind of campaign? (↑↓, Enter)", .label)
            for (index, variant) in CampaignVariant.allCases.enumerated() {
                lines.append(((index == dialog.selection ? "▸ " : "  ") + variant.rawValue,
                              index == dialog.selection ? .selected : .plain))
            }
        }
        return lines
    }
}

/// Where a dialog box goes in the screen's body, and how many rows its text gets.
struct DialogLayout {
    /// The box's width: at most 78 columns.
    let width: Int
    /// The columns of its text, inside the border and margins.
    let textWidth: Int
    /// The rows the text may take; a longer text shows one row fewer and a "more" marker.
    let bodyRows: Int
    /// False when the area is too small for any box.
    let fits: Bool

    init(area: Rect) {
        width = min(78, area.width - 2)
        textWidth = width - 4
        bodyRows = area.height - 6
        fits = width >= 24 && area.height >= 7
    }

    /// The furthest a text of `count` lines scrolls: until its last line shows above the marker.
    func maxScroll(lines count: Int) -> Int {
        fits && count > bodyRows ? count - (bodyRows - 1) : 0
    }
}
