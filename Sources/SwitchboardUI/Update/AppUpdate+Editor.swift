import CampaignModel
import Foundation
import TerminalKit

/// The create/edit form: opening it, its keys, the pickers, saving, and drafts.
extension AppUpdate {
    // MARK: Opening

    /// `e`: fetch the campaign fresh (its `updatedAt` is what a save compares against), then
    /// open the form on it.
    static func beginEdit(_ state: inout AppState) -> [Effect] {
        guard let id = currentCampaignID(state) else { return [] }
        state.editLoading = id
        state.notice = "opening the form…"
        return [.fetchForEdit(id)]
    }

    static func editLoaded(id: String, _ result: Result<Campaign, UIError>, _ state: inout AppState) -> [Effect] {
        guard state.editLoading == id else { return [] }
        state.editLoading = nil
        let typed = state.typeAhead
        state.typeAhead = []
        switch result {
        case .failure(let error):
            state.bulk.hoursFor = nil
            state.lastError = "cannot edit: " + error.message
        case .success(let campaign):
            state.list.setDetail(campaign, now: state.now)
            guard let variant = campaign.variant else {
                state.lastError = "cannot edit: the campaign's format or dialing mode is not one Switchboard knows"
                return []
            }
            let key = CampaignDraft.key(profile: state.connection.profile, campaignID: id, now: state.now)
            var effects = open(CampaignEditor(mode: .edit, base: campaign, variant: variant, draftKey: key), &state)
            bulkHoursOpened(&state)
            for key in typed where state.editor != nil && state.dialog == nil { effects += editorKey(key, &state) }
            return effects
        }
        return []
    }

    /// Shows the form; the contact lists its pickers offer are fetched if not yet known.
    static func open(_ editor: CampaignEditor, _ state: inout AppState) -> [Effect] {
        state.editor = editor
        state.notice = nil
        state.stack.removeAll { $0 == .editor }
        state.stack.append(.editor)
        guard state.contactLists.isEmpty, !state.contactListsLoading else { return [] }
        state.contactListsLoading = true
        return [.loadContactLists]
    }

    static func closeEditor(_ state: inout AppState) {
        state.bulk.hoursFor = nil
        state.editor = nil
        state.lastError = nil  // the form's own errors go with it
        state.stack.removeAll { $0 == .editor }
        if state.stack.isEmpty { state.stack = [.campaigns] }
    }

    /// The campaign the campaign-level commands act on: the open detail or the selected row.
    static func currentCampaignID(_ state: AppState) -> String? {
        if case .campaignDetail(let id) = state.screen { return id }
        if case .campaignContacts(let id) = state.screen { return id }
        if state.screen == .board { return state.board.selectedRow?.id }
        guard state.screen == .campaigns else { return nil }
        return state.list.selectedRow?.id
    }

    static func currentCampaignRef(_ state: AppState) -> CampaignRef? {
        guard let id = currentCampaignID(state), let campaign = state.list.campaign(id: id) else { return nil }
        return CampaignRef(id: id, name: campaign.name, type: campaign.type ?? .sms, status: campaign.status)
    }

    // MARK: Keys

    /// A key for the open form: the picker's, grid's or form's own bindings first, then the
    /// bindings they share (save, help), then text for the focused field or the picker's search.
    static func editorKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let before = state.editor else { return [] }
        let keymap = state.keymap
        let shared = keymap.action(for: key, in: EditorKeys.table)
        if before.saving, shared != .save {
            // The form on screen is what is being sent: it takes no edits until the answer.
            state.notice = keymap.action(for: key, in: FormKeys.table) == .close
                ? "the save is already on its way and cannot be called back; its result shows here"
                : savingRefusal
            return []
        }
        var effects: [Effect]
        if before.picker != nil, let taken = pickerKey(key, &state) {
            effects = taken
        } else if before.picker == nil, before.showsGrid, let taken = gridKey(key, &state) {
            effects = taken
        } else if before.picker == nil, !before.showsGrid, let taken = formKey(key, &state) {
            effects = taken
        } else if let shared {
            switch shared {
            case .save: effects = requestSave(&state)
            case .help:
                state.stack.append(.help)
                state.helpScroll = 0
                effects = []
            }
        } else {
            effects = unboundEditorKey(key, &state)
        }
        return effects + draftEffects(before: before, &state)
    }

    /// What a key gets while the form's save is on its way.
    static let savingRefusal = "saving… the form takes no changes until the server answers"

    /// A key no binding took: text for the picker's search or the focused field, else a hint.
    static func unboundEditorKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard var editor = state.editor else { return [] }
        defer { state.editor = editor }
        if var picker = editor.picker {
            _ = picker.type(key)
            editor.picker = picker
            return []
        }
        if editor.showsGrid {
            state.notice = "\(key) does nothing in the grid — press \(state.keymap.label(of: GridKeys.table.last!)) for its keys"
            return []
        }
        if !editor.edit(key), let field = editor.focusedField {
            switch field.kind {
            case .contactLists, .dncList, .timezone: state.notice = "press Enter to choose"
            case .grid: state.notice = "press Enter to edit the calling hours"
            default: break
            }
        }
        return []
    }

    /// Keeps the draft on disk in step with the form.
    static func draftEffects(before: CampaignEditor, _ state: inout AppState) -> [Effect] {
        guard let editor = state.editor, editor.draftKey == before.draftKey else { return [] }
        guard editor.campaign != before.campaign || editor.variant != before.variant else { return [] }
        guard editor.isDirty else { return [.removeDraft(editor.draftKey)] }
        return [.writeDraft(CampaignDraft(key: editor.draftKey, profile: state.connection.profile, mode: editor.mode,
                                          variant: editor.variant, savedAt: state.now, base: editor.base,
                                          working: editor.campaign))]
    }

    /// A form binding; nil when the key is not one (or, like ← → Space, only moves a select's
    /// choice and the focused field is text).
    static func formKey(_ key: Key, _ state: inout AppState) -> [Effect]? {
        guard let action = state.keymap.action(for: key, in: FormKeys.table) else { return nil }
        // Esc first, outside the copy below: a closed form must stay closed.
        if action == .close { return escapeForm(&state) }
        guard var editor = state.editor, let field = editor.focusedField else { return [] }
        switch action {
        case .optionPrevious, .optionNext:
            guard isSelect(field) else { return nil }
        default: break
        }
        defer { state.editor = editor }
        switch action {
        case .next: editor.moveFocus(by: 1)
        case .previous: editor.moveFocus(by: -1)
        case .optionPrevious: editor.cycle(-1)
        case .optionNext: editor.cycle(1)
        case .close: break
        case .choose:
            switch field.kind {
            case .text, .number: editor.moveFocus(by: 1)
            case .select: editor.cycle(1)
            case .contactLists, .dncList, .timezone:
                return openPicker(for: field, &editor, state)
            case .grid:
                if let locked = editor.gridLocked {
                    state.lastError = locked
                } else {
                    editor.grid.setCellMinutes(GridLayout.cellMinutes(forWidth: state.size.width))
                    editor.showsGrid = true
                }
            }
        }
        return []
    }

    /// Esc in the form: asks before throwing changes away; an unchanged form just closes.
    static func escapeForm(_ state: inout AppState) -> [Effect] {
        guard let editor = state.editor else { return [] }
        if editor.isDirty {
            state.dialog = Dialog(.discardEdits)
            return []
        }
        closeEditor(&state)
        return afterMove(&state)
    }

    private static func isSelect(_ field: FormField) -> Bool {
        if case .select = field.kind { return true }
        return false
    }

    // MARK: Pickers

    static func openPicker(for field: FormField, _ editor: inout CampaignEditor, _ state: AppState) -> [Effect] {
        let names = state.contactLists.map(\.name)
        let loading = state.contactLists.isEmpty
        switch field.kind {
        case .contactLists:
            editor.picker = Picker(purpose: .contactLists, items: names, chosen: editor.contactLists, loading: loading)
        case .dncList:
            let current = editor.text(.dncList)
            editor.picker = Picker(purpose: .dncList, items: [Picker.none] + names, chosen: [current.isEmpty ? Picker.none : current],
                                   loading: loading)
        case .timezone:
            editor.picker = .timezones(chosen: editor.grid.timezone)
            return []
        default:
            return []
        }
        return loading ? [.loadContactLists] : []
    }

    /// A picker binding; nil when the key is not one (Space is text once a search is typed).
    static func pickerKey(_ key: Key, _ state: inout AppState) -> [Effect]? {
        guard var editor = state.editor, var picker = editor.picker,
              let action = state.keymap.action(for: key, in: PickerKeys.table) else { return nil }
        if action == .toggle, !picker.allowsSeveral || (key.isText && !picker.query.text.isEmpty) { return nil }
        defer { state.editor = editor }
        switch action {
        case .cancel:
            editor.picker = nil
            return []
        case .down: picker.move(1)
        case .up: picker.move(-1)
        case .pageDown: picker.move(10)
        case .pageUp: picker.move(-10)
        case .toggle:
            // Tab chooses, as in fzf; so does Space until a search is typed (then it is a space).
            picker.toggleHighlighted()
        case .choose:
            editor.picker = nil
            choose(from: picker, &editor, &state)
            return []
        }
        editor.picker = picker
        return []
    }

    /// Enter in a picker.
    static func choose(from picker: Picker, _ editor: inout CampaignEditor, _ state: inout AppState) {
        switch picker.purpose {
        case .contactLists:
            var chosen = picker.chosen
            let typed = picker.query.text.trimmingCharacters(in: .whitespaces)
            if chosen.isEmpty, let item = picker.highlightedItem { chosen = [item] }
            if !typed.isEmpty, picker.matches.isEmpty, !chosen.contains(typed) { chosen.append(typed) }
            editor.setContactLists(chosen)
        case .dncList:
            guard let item = picker.highlightedItem else { return }
            editor.set(.dncList, to: item == Picker.none ? "" : item)
        case .timezone:
            guard let zone = picker.highlightedItem, zone != editor.grid.timezone else { return }
            if editor.grid.schedule.isEmpty {
                editor.setTimezone(zone, keepLocalTimes: true, at: state.now)
            } else {
                state.dialog = Dialog(.timezone(zone))
            }
        }
    }

    // MARK: Saving

    /// Ctrl-S: refused while any field has a problem; otherwise shows what will be sent.
    static func requestSave(_ state: inout AppState) -> [Effect] {
        guard var editor = state.editor else { return [] }
        guard !editor.saving else {
            state.notice = "already saving: the server has not answered yet"
            return []
        }
        if state.bulk.hoursFor != nil, editor.issues.isEmpty { return bulkHoursReview(&state) }
        defer { state.editor = editor }
        let issues = editor.issues
        if !issues.isEmpty {
            let owned = editor.issuesByField.byField
            if let first = editor.fields.first(where: { owned[$0.id] != nil }) {
                editor.focus(on: first.id)
                editor.showsGrid = editor.showsGrid && first.id == .callingHours
            }
            state.notice = nil
            state.lastError = "not saved: \(issues.count) problem\(issues.count == 1 ? "" : "s") — fix the fields marked ✖"
            return []
        }
        let campaign = editor.campaign
        let changes: [FieldChange]
        if editor.mode == .edit {
            changes = CampaignDiff.changes(from: editor.base, to: campaign)
            if changes.isEmpty {
                state.notice = "nothing to save: no field changed"
                return []
            }
        } else {
            changes = CampaignDiff.changes(from: .object(JSONObject()), to: CampaignRequestBody.body(for: campaign, operation: .create))
        }
        state.lastError = nil
        state.dialog = Dialog(.reviewSave(changes: changes, days: campaign.dialingStrategy?.callingHours?.days ?? []))
        return []
    }

    static func startSave(overwrite: Bool, _ state: inout AppState) -> [Effect] {
        guard var editor = state.editor else { return [] }
        editor.phase = .saving
        state.editor = editor
        state.notice = overwrite ? "overwriting…" : "saving…"
        return [.save(SaveRequest(campaign: editor.campaign, mode: editor.mode, expectedUpdatedAt: editor.base.updatedAt,
                                  overwrite: overwrite))]
    }

    static func saveFinished(_ result: Result<Campaign, SaveFailure>, _ state: inout AppState) -> [Effect] {
        guard var editor = state.editor else { return [] }
        editor.phase = .editing
        switch result {
        case .success(let saved):
            closeEditor(&state)
            state.list.upsert(saved, now: state.now)
            if let id = saved.id {
                // A filter or type scope that hides the saved campaign gives way, so it shows.
                if state.list.selectedRow?.id != id {
                    state.list.setFilter("")
                    state.list.scope = .all
                }
                state.list.select(id: id)
            }
            state.notice = (editor.mode == .create ? "created “" : "saved “") + saved.name + "”"
            state.lastError = nil
            return [.removeDraft(editor.draftKey)] + afterMove(&state)
        case .failure(let failure):
            let message = "not saved — " + failure.description
                + (failure.kind != nil && failure.retryable ? "; your changes are kept, Ctrl-S tries again" : "")
            return saveFailed(message, issues: failure.issues, &state)
        }
    }

    /// The save did not go through: the form stays, says why and marks the fields the server named.
    static func saveFailed(_ message: String, issues: [ValidationIssue], _ state: inout AppState) -> [Effect] {
        guard var editor = state.editor else { return [] }
        editor.phase = .failed(message)
        editor.serverIssues = issues
        state.editor = editor
        state.notice = nil
        state.lastError = message
        if let first = editor.fields.first(where: { editor.issuesByField.byField[$0.id] != nil }) {
            state.editor?.focus(on: first.id)
        }
        return []
    }

    /// A create failed with a timeout or a 5xx and the list was read to see whether it went
    /// through: found, the form closes on it; not found, Ctrl-S may try again; the list failing
    /// too, nobody knows, and saving again could make a second one.
    static func createLookedUp(name: String, failure: SaveFailure, _ lookup: CreateLookup, _ state: inout AppState) -> [Effect] {
        let what = "not saved — " + failure.description
        switch lookup {
        case .found(let campaign):
            return createdDespiteFailure(campaign, failure: failure.description, &state)
        case .notFound:
            return saveFailed(what + "; no campaign named “\(name)” exists: it was not created — Ctrl-S tries again",
                              issues: failure.issues, &state)
        case .failed(let lookupError):
            return saveFailed(what + "; whether “\(name)” was created is unknown (the list failed too: "
                + lookupError.message + ") — press r and look for it before saving again", issues: failure.issues, &state)
        }
    }

    /// The create's answer was lost, but the campaign exists: the form closes and its detail opens.
    static func createdDespiteFailure(_ campaign: Campaign, failure: String, _ state: inout AppState) -> [Effect] {
        var effects = saveFinished(.success(campaign), &state)
        guard let id = campaign.id else { return effects }
        state.notice = "the create answered “\(failure)”, yet a campaign named “\(campaign.name)” now exists (id \(id)): "
            + "it was created; opening it"
        if state.screen == .campaigns {
            state.stack.append(.campaignDetail(id: id))
            state.detailScroll = 0
            effects += afterMove(&state)
        }
        return effects
    }

    static func saveConflict(current: Campaign, _ state: inout AppState) -> [Effect] {
        guard var editor = state.editor else { return [] }
        editor.phase = .editing
        state.editor = editor
        state.notice = nil
        state.dialog = Dialog(.conflict(current: current, changes: CampaignDiff.changes(from: editor.base, to: current)))
        return []
    }
}

extension Picker {
    /// The DNC picker's "no list" row.
    static let none = "(none)"

    /// The timezone picker, on the zone the hours are in now.
    static func timezones(chosen: String) -> Picker { Picker(purpose: .timezone, items: IANAZones.identifiers, chosen: [chosen]) }
}
