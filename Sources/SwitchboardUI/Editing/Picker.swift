import TerminalKit

/// A list to choose from with fuzzy search: contact lists (several), a DNC list, a timezone.
public struct Picker: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable { case contactLists, dncList, timezone }

    public let purpose: Purpose
    public var items: [String]
    /// Chosen names, in the order they were chosen (contact lists).
    public var chosen: [String]
    public var query = TextInput()
    /// Index into `matches`.
    public var highlighted = 0
    /// True while the items are still being fetched.
    public var loading = false

    public init(purpose: Purpose, items: [String], chosen: [String] = [], loading: Bool = false) {
        self.purpose = purpose
        // A chosen name the server does not list (typed by hand) stays visible, so it can be unchosen.
        self.items = items + (purpose == .contactLists ? chosen.filter { !items.contains($0) } : [])
        self.chosen = chosen
        self.loading = loading
        if let first = chosen.first, let index = items.firstIndex(of: first) { highlighted = index }
    }

    public var allowsSeveral: Bool { purpose == .contactLists }

    public var title: String {
        switch purpose {
        case .contactLists: return "Contact lists — Tab or Space chooses, Enter done"
        case .dncList: return "DNC list — Enter chooses"
        case .timezone: return "Timezone — type to search, Enter chooses"
        }
    }

    /// The items that match the query, best first.
    public var matches: [String] { FuzzyMatch.filter(items, query: query.text) }

    public var highlightedItem: String? {
        let matches = matches
        return matches.indices.contains(highlighted) ? matches[highlighted] : nil
    }

    public mutating func move(_ delta: Int) {
        highlighted = max(0, min(matches.count - 1, highlighted + delta))
    }

    /// Space in a multiple choice: adds or removes the highlighted item.
    public mutating func toggleHighlighted() {
        guard let item = highlightedItem else { return }
        if let index = chosen.firstIndex(of: item) { chosen.remove(at: index) } else { chosen.append(item) }
    }

    /// Typing narrows the list and starts again from its best match.
    public mutating func type(_ key: Key) -> Bool {
        guard query.handle(key) else { return false }
        highlighted = 0
        return true
    }
}
