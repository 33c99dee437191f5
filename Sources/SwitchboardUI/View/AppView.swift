import TerminalKit

/// Draws the whole screen from the state. Pure: the same state gives the same cells.
public enum AppView {
    public static func render(_ state: AppState, size: Size) -> Canvas {
        var canvas = Canvas(size: size)
        let layout = ScreenLayout(size: size, hasInputLine: state.input != nil, showsPreview: state.showsPreview,
                                  hasListNote: state.load.isPartial)
        if layout.tooSmall {
            let lines = ["Terminal too small", "\(size.width)×\(size.height), need \(ScreenLayout.minimum.width)×\(ScreenLayout.minimum.height)"]
            for (offset, line) in lines.enumerated() where offset < size.height {
                canvas.put(DisplayWidth.truncate(line, to: size.width), x: 0, y: offset, style: offset == 0 ? Theme.error : .plain)
            }
            return canvas
        }
        Chrome.titleBar(state, into: &canvas, rect: layout.titleBar)
        switch state.screen {
        case .campaigns:
            ListPane.render(state, into: &canvas, rect: layout.list)
            if let note = layout.listNote { ListPane.renderPartialNote(state, into: &canvas, rect: note) }
            if let detail = layout.detail, let preview = layout.preview {
                if layout.sideBySide {
                    for y in detail.y..<detail.maxY { canvas.put("│", x: detail.x - 1, y: y, style: Theme.separator) }
                }
                DetailPane.render(state.previewCampaign, state: state, into: &canvas, rect: preview, title: true)
            }
        case .campaignDetail(let id):
            DetailPane.render(state.list.campaign(id: id), state: state, into: &canvas, rect: layout.body, title: false)
        case .contactLists:
            ContactListsPane.render(state, into: &canvas, rect: layout.body)
        case .help:
            HelpScreen.render(state, into: &canvas, rect: layout.body)
        case .audit:
            JournalPanes.renderAudit(state, into: &canvas, rect: layout.body)
        case .snapshots:
            JournalPanes.renderSnapshots(state, into: &canvas, rect: layout.body)
        case .snapshot(let name):
            JournalPanes.renderSnapshot(named: name, state: state, into: &canvas, rect: layout.body)
        case .board:
            BoardPane.render(state, into: &canvas)
        case .campaignContacts:
            ContactsPane.render(state, into: &canvas)
        case .editor:
            if let editor = state.editor {
                if editor.showsGrid {
                    GridPane.render(state, into: &canvas, rect: layout.body)
                } else {
                    FormPane.render(state, into: &canvas, rect: layout.body)
                }
                if let picker = editor.picker { PickerView.render(picker, keymap: state.keymap, into: &canvas, area: layout.body) }
            }
        }
        if let dialog = state.dialog { DialogView.render(dialog, state: state, into: &canvas, area: layout.body) }
        if let line = layout.inputLine { Chrome.inputLine(state, into: &canvas, rect: line) }
        Chrome.statusBar(state, into: &canvas, rect: layout.statusBar)
        return canvas
    }
}
