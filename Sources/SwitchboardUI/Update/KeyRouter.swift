import CampaignModel
import TerminalKit

/// The one place a key is resolved. The global table is asked first, whatever has focus; then
/// the key goes to the context on top of the focus stack (dialog › form loading › picker › grid ›
/// form › input line › screen), which looks it up in its own binding table and, when no binding
/// takes it, treats it as text where that context types text.
extension AppUpdate {
    static func route(_ key: Key, _ state: inout AppState) -> [Effect] {
        if let command = state.keymap.action(for: key, in: GlobalKeys.table) { return run(command, &state) }
        switch focusedContext(state) {
        case .dialog: return dialogKey(key, &state)
        case .loading: return loadingKey(key, &state)
        case .picker, .grid, .form, .editor: return editorKey(key, &state)
        case .filter: return filterKey(key, &state)
        case .palette: return paletteKey(key, &state)
        case .board: return boardKey(key, &state)
        case .contacts: return contactsKey(key, &state)
        case .snapshots: return snapshotKey(key, &state)
        case .screen, .global: return screenKey(key, &state)
        }
    }

    /// The context that has the keyboard now.
    public static func focusedContext(_ state: AppState) -> KeyContext {
        if state.dialog != nil { return .dialog }
        if state.editLoading != nil { return .loading }
        if state.screen == .editor, let editor = state.editor {
            return editor.picker != nil ? .picker : editor.showsGrid ? .grid : .form
        }
        switch state.input {
        case .filter: return .filter
        case .palette: return .palette
        case nil:
            if state.screen == .board { return .board }
            if case .campaignContacts = state.screen { return .contacts }
            if state.screen == .snapshots { return .snapshots }
            if case .snapshot = state.screen { return .snapshots }
            return .screen
        }
    }

    /// A key on the list, detail, contact-lists or help screen.
    static func screenKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let command = state.keymap.action(for: key, in: ScreenKeys.table) else {
            state.notice = "\(key) does nothing here — press \(state.keymap.label(of: ScreenKeys.general[0])) for keys"
            return []
        }
        state.notice = nil
        // Help over an open form: only what leads back to it.
        if state.editor != nil, ![.back, .close, .help, .down, .up, .pageDown, .pageUp, .top, .bottom].contains(command) {
            state.notice = "a form is open: Esc goes back to it"
            return []
        }
        if command.isMutating, state.readOnly {
            state.notice = "read-only: started with --readonly, nothing can be changed"
            return []
        }
        return run(command, &state)
    }

    /// A key pressed while the form loads: kept for the form, except what cancels the opening.
    static func loadingKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch state.keymap.action(for: key, in: LoadingKeys.table) {
        case .cancel:
            state.bulk.hoursFor = nil
            state.editLoading = nil
            state.typeAhead = []
            state.notice = "not opening the form"
        case nil:
            state.typeAhead.append(key)
        }
        return []
    }

    /// A key typed into the filter line: applied to the list as it is typed.
    static func filterKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        if case .campaignContacts = state.screen { return contactsFilterKey(key, &state) }
        switch filterEdit(key, state.list.filterText, &state) {
        case .scroll(let command): return scroll(command, &state)
        case .ignored: return []
        case .text(let text):
            if text != state.list.filterText { state.list.setFilter(text) }
            return afterMove(&state)
        }
    }

    /// What a key does to a filter line's `text` (the list's and the contacts screen's alike).
    enum FilterEdit { case text(String), scroll(Command), ignored }

    static func filterEdit(_ key: Key, _ current: String, _ state: inout AppState) -> FilterEdit {
        var text = current
        switch state.keymap.action(for: key, in: FilterKeys.table) {
        case .keep: state.input = nil
        case .clear:
            state.input = nil
            text = ""
        case .erase: if !text.isEmpty { text.removeLast() }
        case .eraseAll: text = ""
        case .scroll(let command): return .scroll(command)
        case nil:
            guard case .character(let character) = key else { return .ignored }
            text.append(character)
        }
        return .text(text)
    }

    /// A key typed into the command line.
    static func paletteKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard case .palette(var text) = state.input else { return [] }
        switch state.keymap.action(for: key, in: PaletteKeys.table) {
        case .cancel: state.input = nil
        case .erase:
            if text.isEmpty { state.input = nil } else { text.removeLast(); state.input = .palette(text) }
        case .complete:
            if let first = PaletteCommand.completions(text).first { state.input = .palette(first.rawValue) }
        case .run:
            state.input = nil
            return runPalette(text, &state)
        case nil:
            guard case .character(let character) = key else { return [] }
            text.append(character)
            state.input = .palette(text)
        }
        return []
    }
}
