import ArgumentParser
import SwitchboardUI

/// `switchboard keys`: every key binding by name, as config.yaml's `keys:` may rebind it, and
/// what is wrong with the rebindings (exit 1 when something is).
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "List the terminal UI's key bindings by name, with the keys config.yaml gives them.",
        discussion: """
            Rebind a key in config.yaml:
              keys:
                quit: Ctrl-Q
                page-down: [PgDn, Space]
            Keys are named as listed here: j, G, Ctrl-A, Esc, Enter, Tab, Shift-Tab, F1, PgDn, Space, ↑ (or Up).
            """
    )

    func run() throws {
        let (keymap, problems) = KeymapLoader.load()
        let rows = KeyTables.all.map { info in
            [info.context.rawValue, info.name, keymap.label(of: info), info.help]
        }
        let table = Table(columns: [Table.Column(title: "CONTEXT", minWidth: 7, flexible: false),
                                    Table.Column(title: "NAME", minWidth: 18, flexible: false),
                                    Table.Column(title: "KEYS", minWidth: 10, flexible: false),
                                    Table.Column(title: "WHAT IT DOES", minWidth: 20, flexible: true)],
                          rows: rows)
        print(table.render(width: Table.terminalWidth()))
        if !problems.isEmpty {
            ErrorOutput.write(problems)
            throw ExitCode(1)
        }
    }
}
