import CampaignModel

/// One campaign's contacts (Enter on a board row), paged from the server as the user scrolls:
/// the pages near the viewport are read and kept in a sparse cache. Sorting or filtering needs
/// every contact, so either reads them all in the background (with a visible progress); until
/// then the sort and filter apply to the pages read so far.
public struct ContactsScreenState: Equatable, Sendable {
    /// Pages kept while browsing without a sort or filter; the farthest from the viewport go first.
    public static let cachedPages = 24
    /// Pages read ahead of and behind the viewport.
    public static let pagesAround = 1

    public let campaignID: String
    public let campaignName: String
    public let pageSize: Int
    /// Pages read, by number (1-based).
    public private(set) var pages: [Int: [CampaignContact]] = [:]
    /// Pages asked for and not yet answered.
    public var pagesLoading: Set<Int> = []
    /// Contacts the server has, once the first page says so.
    public private(set) var total: Int?
    public private(set) var totalPages: Int?
    public var selected = 0
    public var scrollTop = 0
    public private(set) var sort: ContactSort?
    public private(set) var filterText = ""
    public private(set) var filter = ContactFilter()
    /// Why the filter as typed cannot be read; the last good filter stays applied.
    public private(set) var filterError: String?
    /// Every page is being read for a sort or filter.
    public var loadingAll = false
    /// Positions in sort order, filtered, as global contact indices; nil shows the server's order.
    public private(set) var order: [Int]?
    /// Why the last page could not be read.
    public var failure: String?
    /// Holds page fetches back while navigation keys arrive in a burst.
    public var hold = PreviewHold()

    public init(campaignID: String, campaignName: String, pageSize: Int = BoardState.pageSize) {
        self.campaignID = campaignID
        self.campaignName = campaignName
        self.pageSize = pageSize
    }

    /// Contacts read so far.
    public var loadedCount: Int { pages.values.reduce(0) { $0 + $1.count } }
    /// Every page is in the cache.
    public var allLoaded: Bool { totalPages.map { pages.count >= $0 } ?? false }

    /// The sort or the filter wants every contact.
    public var needsAll: Bool { sort != nil || !filter.isEmpty }
    /// Rows the screen has: the filtered rows, or every contact the server has.
    public var rowCount: Int { order?.count ?? total ?? 0 }

    /// The contact at global index `index`, if its page was read.
    public func contact(at index: Int) -> CampaignContact? {
        guard let page = pages[index / pageSize + 1] else { return nil }
        let offset = index % pageSize
        return page.indices.contains(offset) ? page[offset] : nil
    }

    /// The contact shown at `position`, if its page was read.
    public func contact(atPosition position: Int) -> CampaignContact? {
        if let order { return order.indices.contains(position) ? contact(at: order[position]) : nil }
        return contact(at: position)
    }

    /// The pages the rows `top..<top+height` need, with `pagesAround` either side (server order).
    func pagesNeeded(height: Int) -> [Int] {
        guard order == nil else { return [] }
        let first = max(0, scrollTop) / pageSize + 1
        let last = (max(0, scrollTop) + max(1, height) - 1) / pageSize + 1
        var wanted = Array(max(1, first - Self.pagesAround)...(last + Self.pagesAround))
        if let totalPages { wanted = wanted.filter { $0 <= max(1, totalPages) } }
        // The rows on screen first, then those around them.
        return wanted.sorted { abs($0 - first) < abs($1 - first) }
    }

    /// Stores page `number`; the order is extended with its matching rows when a sort or
    /// filter is on (a merge, not a sort of everything read).
    mutating func store(_ page: CampaignContactsPage, number: Int) {
        pagesLoading.remove(number)
        failure = nil
        let results = page.results
        if let count = page.totalResults { total = count }
        if let count = page.totalPages { totalPages = count }
        let end = (number - 1) * pageSize + results.count
        if results.isEmpty {
            // Past the end: the contacts stop before this page.
            total = min(total ?? end, end)
            totalPages = min(totalPages ?? number - 1, number - 1)
        } else if results.count < pageSize {
            // The last page says the true size (the docs' sample total disagrees with its rows).
            total = end
            totalPages = number
        } else {
            // A full page: at least this many, whatever the server's totals say.
            total = max(total ?? end, end)
            if totalPages == nil { totalPages = number + 1 }
        }
        if !results.isEmpty { pages[number] = results }
        if let totalPages { pages = pages.filter { $0.key <= totalPages } }
        if var order {
            let base = (number - 1) * pageSize
            let added = results.indices.filter { filter.matches(results[$0]) }.map { base + $0 }
            order.removeAll { $0 >= base && $0 < base + pageSize }
            let less = ordering()
            order = ContactsScreenState.merge(order, added.sorted(by: less), by: less)
            self.order = order
        }
        clampSelection()
    }

    /// Drops the pages farthest from the viewport once more than `cachedPages` are kept, while
    /// nothing needs them all.
    mutating func trimCache() {
        guard !needsAll, !loadingAll, pages.count > Self.cachedPages else { return }
        let here = max(0, scrollTop) / pageSize + 1
        let keep = Set(pages.keys.sorted { abs($0 - here) < abs($1 - here) }.prefix(Self.cachedPages))
        pages = pages.filter { keep.contains($0.key) }
    }

    /// Forgets every page read (and a failure), to read them again; sort and filter stay.
    mutating func reload() {
        pages = [:]
        pagesLoading = []
        loadingAll = false
        failure = nil
        total = nil
        totalPages = nil
        recompute()
    }

    mutating func setSort(_ sort: ContactSort?) {
        self.sort = sort
        recompute()
    }

    /// Takes the typed filter: applied if it reads, else its error is kept and the last good
    /// filter stays.
    mutating func setFilter(_ text: String) {
        filterText = text
        switch ContactFilter.parse(text) {
        case .success(let parsed):
            filterError = nil
            filter = parsed
            recompute()
        case .failure(let error):
            filterError = error.message
        }
    }

    /// Sorts and filters every contact read, from scratch.
    private mutating func recompute() {
        selected = 0
        scrollTop = 0
        guard needsAll else {
            order = nil
            return
        }
        var matching: [Int] = []
        for (number, contacts) in pages {
            let base = (number - 1) * pageSize
            for offset in contacts.indices where filter.matches(contacts[offset]) { matching.append(base + offset) }
        }
        matching.sort()
        guard let sort else {
            order = matching
            return
        }
        // Each contact's sort key worked out once, beside its index: the sort then compares small
        // values instead of looking both contacts up in their pages at every comparison.
        let ascending = sort.ascending
        func ordered<Key: Comparable>(_ key: (CampaignContact) -> Key) -> [Int] {
            var keyed = matching.map { (index: $0, key: key(contact(at: $0)!)) }
            keyed.sort { a, b in a.key != b.key ? (ascending ? a.key < b.key : a.key > b.key) : a.index < b.index }
            return keyed.map(\.index)
        }
        order = sort.column == .attempts ? ordered(\.numberOfAttemptsSoFar) : ordered(sort.column.key)
    }

    /// The order of the rows: the sort column, then the server's order.
    private func ordering() -> (Int, Int) -> Bool {
        let sort = sort
        let pages = pages
        let size = pageSize
        return { a, b in
            if let sort, let x = pages[a / size + 1]?[a % size], let y = pages[b / size + 1]?[b % size] {
                let comparison = sort.column.compare(x, y)
                if comparison != 0 { return sort.ascending ? comparison < 0 : comparison > 0 }
            }
            return a < b
        }
    }

    static func merge(_ a: [Int], _ b: [Int], by less: (Int, Int) -> Bool) -> [Int] {
        CampaignListState.merge(a, b, by: less)
    }

    mutating func clampSelection() {
        selected = rowCount == 0 ? 0 : min(max(0, selected), rowCount - 1)
    }

    /// Keeps the selection inside a pane `height` rows tall.
    mutating func scrollToSelection(height: Int) {
        clampSelection()
        guard height > 0 else { return }
        if selected < scrollTop { scrollTop = selected }
        if selected >= scrollTop + height { scrollTop = selected - height + 1 }
        scrollTop = max(0, min(scrollTop, max(0, rowCount - height)))
    }
}

/// A sort of the contacts on one column.
public struct ContactSort: Equatable, Sendable {
    public var column: ContactColumn
    public var ascending: Bool

    public init(column: ContactColumn, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }
}
