import CampaignModel
import TerminalKit

/// Dialogs: keys move between buttons, Enter presses the focused one, Esc takes the first
/// (safe) one. A delete dialog takes typed text for the campaign's name.
extension AppUpdate {
    static func dialogKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var dialog = state.dialog else { return [] }
        let count = dialog.buttons.count
        var action = state.keymap.action(for: key, in: DialogKeys.table)
        // While a name is typed, a letter is text even when a binding names it (j, k).
        if isTyping(dialog), key.isText { action = nil }
        switch action {
        case .cancel:
            return press(0, &state)
        case .next:
            dialog.focus = (dialog.focus + 1) % count
        case .previous:
            dialog.focus = (dialog.focus + count - 1) % count
        case .press:
            guard dialog.isEnabled(dialog.focus) else {
                state.notice = dialog.typingHint
                return []
            }
            return press(dialog.focus, &state)
        case .down: dialog.step(1)
        case .up: dialog.step(-1)
        case nil:
            if isTyping(dialog) {
                dialog.typed.handle(key)
            }
        }
        if case .newCampaign = dialog.kind {
            dialog.selection = min(dialog.selection, CampaignVariant.allCases.count - 1)
        }
        state.dialog = dialog
        return []
    }

    private static func isTyping(_ dialog: Dialog) -> Bool { dialog.takesText }

    /// Presses button `index` of the open dialog.
    static func press(_ index: Int, _ state: inout AppState) -> [Effect] {
        guard let dialog = state.dialog else { return [] }
        state.dialog = nil
        switch dialog.kind {
        case .bulk, .bulkPriority, .bulkReview, .bulkHoursMode: return pressBulk(dialog, index, &state)
        default: break
        }
        switch (dialog.kind, index) {
        case (.delete(let campaign), 1):
            state.notice = "deleting “\(campaign.name)”…"
            return [.deleteCampaign(campaign)]
        case (.trigger(let campaign, let start), 1):
            state.notice = (start ? "starting “" : "stopping “") + campaign.name + "”…"
            return [.trigger(campaign, start: start)]
        case (.discardEdits, 1):
            let key = state.editor?.draftKey
            closeEditor(&state)
            state.notice = "changes discarded"
            return (key.map { [.removeDraft($0)] } ?? []) + afterMove(&state)
        case (.reviewSave, 1):
            return startSave(overwrite: false, &state)
        case (.conflict(let current, _), 0):
            state.editor?.rebase(on: current)
            state.notice = "their version is the base now; your changed fields are kept — Ctrl-S saves"
        case (.conflict(let current, _), 1):
            guard let editor = state.editor, let variant = current.variant else { return [] }
            state.editor = CampaignEditor(mode: .edit, base: current, variant: variant, draftKey: editor.draftKey)
            state.list.setDetail(current, now: state.now)
            state.notice = "reloaded: the form shows their version; your changes were dropped"
            return [.removeDraft(editor.draftKey)]
        case (.conflict, 2):
            return startSave(overwrite: true, &state)
        case (.timezone(let zone), 1), (.timezone(let zone), 2):
            let before = state.editor
            state.editor?.setTimezone(zone, keepLocalTimes: index == 1, at: state.now)
            state.notice = "timezone \(zone)" + (index == 1 ? ", local times kept" : ", hours shifted to the same moments")
            return before.map { draftEffects(before: $0, &state) } ?? []
        case (.draft(let draft), 1):
            state.pendingDrafts.removeAll { $0.key == draft.key }
            return open(draft.editor, &state)
        case (.draft(let draft), 2):
            state.pendingDrafts.removeAll { $0.key == draft.key }
            state.notice = "draft discarded"
            return [.removeDraft(draft.key)] + offerNextDraft(&state)
        case (.draft(let draft), _):
            state.pendingDrafts.removeAll { $0.key == draft.key }
            state.notice = "the draft stays on disk; it is offered again at the next start"
            return offerNextDraft(&state)
        case (.restore(let proposal), 1):
            state.notice = "restoring “\(proposal.campaignName)”…"
            return [.restore(proposal)]
        case (.newCampaign, 1):
            let variant = CampaignVariant.allCases[min(dialog.selection, CampaignVariant.allCases.count - 1)]
            let key = CampaignDraft.key(profile: state.connection.profile, campaignID: nil, now: state.now)
            return open(.creating(variant, timezone: state.supervisorZone.identifier, draftKey: key), &state)
        default:
            break
        }
        return []
    }

    /// Offers the next draft of an earlier run, when nothing else is on screen.
    static func offerNextDraft(_ state: inout AppState) -> [Effect] {
        guard state.dialog == nil, state.editor == nil, let next = state.pendingDrafts.first else { return [] }
        state.dialog = Dialog(.draft(next))
        return []
    }

    /// `d`, `s`, `x`: the confirmations.
    static func confirm(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard let campaign = currentCampaignRef(state) else {
            state.notice = "select a campaign first"
            return []
        }
        switch command {
        case .delete: state.dialog = Dialog(.delete(campaign))
        case .start: state.dialog = Dialog(.trigger(campaign, start: true))
        case .stop: state.dialog = Dialog(.trigger(campaign, start: false))
        default: break
        }
        return []
    }

    static func deleteFinished(_ campaign: CampaignRef, failure: UIError?, _ state: inout AppState) -> [Effect] {
        if let failure {
            state.lastError = "not deleted: " + failure.message
            return []
        }
        state.list.remove(id: campaign.id, now: state.now)
        state.stack.removeAll { $0 == .campaignDetail(id: campaign.id) }
        state.notice = "deleted “\(campaign.name)”"
        return afterMove(&state)
    }

    static func triggerFinished(_ campaign: CampaignRef, start: Bool, _ result: Result<String?, UIError>,
                                _ state: inout AppState) -> [Effect] {
        switch result {
        case .success(let said):
            state.notice = "\(start ? "started" : "stopped") “\(campaign.name)”" + (said.map { ": \($0)" } ?? "")
            return state.load.isLoading ? [] : startLoad(&state)
        case .failure(let error):
            state.lastError = "not \(start ? "started" : "stopped"): " + error.message
            return []
        }
    }
}
