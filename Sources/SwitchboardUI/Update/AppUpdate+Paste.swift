import TerminalKit

/// A bracketed paste: one event, one edit, one draft write. Its control characters are text
/// (never keys), then dropped; line breaks become spaces in the one-line fields.
extension AppUpdate {
    static func paste(_ text: String, _ state: inout AppState) -> [Effect] {
        if state.editLoading != nil, state.dialog == nil {
            state.notice = "the form is still loading: paste again once it is open"
            return []
        }
        if var dialog = state.dialog {
            guard dialog.requiresTypedName else {
                state.notice = "paste goes into a text field; this dialog has none"
                return []
            }
            dialog.typed.insert(text)
            state.dialog = dialog
            return []
        }
        if state.screen == .editor, let before = state.editor {
            return pasteIntoEditor(text, before: before, &state)
        }
        switch state.input {
        case .filter:
            state.list.setFilter(state.list.filterText + String(TextInput.singleLine(text)))
            return afterMove(&state)
        case .palette(let typed):
            state.input = .palette(typed + String(TextInput.singleLine(text)))
            return []
        case nil:
            state.notice = "paste goes into a text field: / filters the list"
            return []
        }
    }

    private static func pasteIntoEditor(_ text: String, before: CampaignEditor, _ state: inout AppState) -> [Effect] {
        var editor = before
        if editor.saving {
            state.notice = savingRefusal
            return []
        }
        if var picker = editor.picker {
            picker.query.insert(text)
            picker.highlighted = 0
            editor.picker = picker
            state.editor = editor
            return []
        }
        if editor.showsGrid {
            state.notice = "paste goes into a text field; the grid takes keys"
            return []
        }
        guard editor.paste(text) else {
            state.notice = "this field takes no text: paste into a text field"
            return []
        }
        state.editor = editor
        return draftEffects(before: before, &state)
    }
}
