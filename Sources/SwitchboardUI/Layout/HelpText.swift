import TerminalKit

/// The help's text: every key, from the same tables that dispatch them, named as the user's
/// keymap binds them. The help screen draws it; the update counts it to clamp the help's scrolling.
enum HelpText {
    static func lines(readOnly: Bool = false, keymap: Keymap = .standard) -> [TextLine] {
        var lines: [TextLine] = []
        if readOnly { lines += [TextLine("Read-only (--readonly): editing, deleting, start and stop are off.", .warning), .blank] }
        func rows<A>(_ table: [Binding<A>], skip: (A) -> Bool = { _ in false }) -> [TextLine] {
            table.filter { !skip($0.action) }.map { entry(keymap.label(of: $0), $0.help) }
        }
        func section(_ title: String, _ rows: [TextLine]...) {
            lines += [.section(title)] + rows.joined() + [.blank]
        }
        section("Everywhere", rows(GlobalKeys.table), rows(ScreenKeys.general))
        section("Lists and detail", rows(ScreenKeys.scrolling))
        section("Campaign list", rows(ScreenKeys.campaigns + ScreenKeys.marks, skip: { readOnly && $0.isMutating }))
        section(KeyContext.board.title, rows(BoardKeys.table, skip: { readOnly && $0.isMutating }))
        section(KeyContext.contacts.title, rows(ContactsKeys.table))
        if !readOnly { section(KeyContext.snapshots.title, rows(SnapshotKeys.table)) }
        section(KeyContext.filter.title, rows(FilterKeys.table))
        section(KeyContext.palette.title, rows(PaletteKeys.table))
        if !readOnly {
            section(KeyContext.form.title, rows(FormKeys.table), rows(EditorKeys.table),
                    TextInput.keyHelp.map { entry($0.keys, "text fields: " + $0.help) })
            section(KeyContext.grid.title, rows(GridKeys.table))
            section(KeyContext.picker.title, rows(PickerKeys.table))
            section(KeyContext.loading.title, rows(LoadingKeys.table))
        }
        section(KeyContext.dialog.title, rows(DialogKeys.table))
        lines.append(.section("Mouse"))
        lines.append(TextLine("  click a row to select it; the wheel scrolls"))
        lines.append(TextLine("  click a column header to sort by it"))
        lines.append(TextLine("  a sort key or header again reverses the order"))
        lines.append(.blank)
        lines.append(.section("Commands (:)"))
        for command in PaletteCommand.allCases {
            lines.append(TextLine([("  :" + DisplayWidth.fit(command.rawValue, to: 13) + " ", .key), (command.help, .plain)]))
        }
        lines.append(.blank)
        lines.append(TextLine("  Rebind any key in config.yaml under keys: by its name; `switchboard keys` lists the names."))
        return lines
    }

    private static func entry(_ label: String, _ help: String) -> TextLine {
        TextLine([("  " + DisplayWidth.fit(label, to: 14) + " ", .key), (help, .plain)])
    }
}

/// How the help screen lays out its lines: two columns from 110 columns wide, else one.
struct HelpLayout {
    let columns: Int
    /// Lines in each column (the first takes the odd one).
    let perColumn: Int
    /// The furthest the help scrolls: until the longest column's last line shows.
    let maxScroll: Int

    init(area: Rect, lines count: Int) {
        columns = area.width >= 110 ? 2 : 1
        perColumn = columns == 2 ? (count + 1) / 2 : count
        maxScroll = max(0, perColumn - area.height)
    }
}
