/// Keeps one copy of text that many campaigns repeat (descriptions from a template, the same
/// contact lists), so that 100,000 rows share a few strings instead of each holding its own.
/// Bounded: past `limit` distinct values, new ones are copied rather than remembered.
struct TextInterner: Equatable, Sendable {
    private var texts = Set<String>()
    private var lists = Set<[String]>()
    static let limit = 20_000

    /// `text` in storage shared with every equal text seen before.
    mutating func intern(_ text: String) -> String {
        if let known = texts.firstIndex(of: text) { return texts[known] }
        let owned = CampaignRow.own(text)
        if texts.count < Self.limit { texts.insert(owned) }
        return owned
    }

    /// `list` (and each of its strings) in storage shared with every equal list seen before.
    mutating func intern(_ list: [String]) -> [String] {
        guard !list.isEmpty else { return [] }
        if let known = lists.firstIndex(of: list) { return lists[known] }
        let owned = list.map { intern($0) }
        if lists.count < Self.limit { lists.insert(owned) }
        return owned
    }
}
