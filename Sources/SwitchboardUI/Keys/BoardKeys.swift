import TerminalKit

/// What a key asks for on the shift board (keys it does not bind fall back to the screens'
/// general and scrolling keys: help, back, refresh, j/k…).
public enum BoardCommand: Equatable, Sendable {
    case contacts, detail, edit, start, stop, toggleType, sort(BoardColumn)

    /// Whether the command changes something on the server (refused in `--readonly`).
    public var isMutating: Bool { [.edit, .start, .stop].contains(self) }
}

/// The shift board's own keys.
public enum BoardKeys {
    public static let table: [Binding<BoardCommand>] = [
        Binding("board.contacts", [.enter], "the campaign's contacts: outcomes, attempts, disposition codes", .contacts),
        Binding("board.detail", [.character("i")], "the campaign's full detail", .detail),
        Binding("board.edit", [.character("e")], "edit the campaign", .edit),
        Binding("board.start", [.character("s")], "start the campaign (asks first)", .start),
        Binding("board.stop", [.character("x")], "stop the campaign (asks first)", .stop),
        Binding("board.type", [.character("t")], "show SMS + voice, SMS only, voice only", .toggleType),
    ] + BoardColumn.sortable.enumerated().map { offset, column in
        Binding("board.sort-\(column)", [.character(Character(String(offset + 1)))], "sort by \(column.helpName)", .sort(column))
    }
}

/// What a key asks for on a campaign's contacts screen.
public enum ContactsCommand: Equatable, Sendable {
    case filter, sort(ContactColumn), serverOrder
}

/// The contacts screen's own keys (scrolling, Esc and help come from the screens' keys).
public enum ContactsKeys {
    public static let table: [Binding<ContactsCommand>] = [
        Binding("contacts.filter", [.character("/")], "filter: outcome:failed, attempts:>2, words in phone or codes", .filter),
        Binding("contacts.server-order", [.character("0")], "no sort: the server's order", .serverOrder),
    ] + ContactColumn.allCases.map { column in
        Binding("contacts.sort-\(column)", [.character(Character(String(column.rawValue + 1)))], "sort by \(column.helpName)", .sort(column))
    }
}
