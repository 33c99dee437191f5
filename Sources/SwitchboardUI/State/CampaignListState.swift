import CampaignModel
import Foundation

/// The campaigns the app knows, and what the list shows of them: scope, filter, sort,
/// selection. `visible` is recomputed only when one of those changes, never per frame.
///
/// A listed campaign is kept as its row only (what the list shows, sorts and searches, and the
/// few facts a preview shows until the full record arrives): keeping every decoded summary took
/// 3–4 KB a campaign, half a gigabyte at 100,000. Full records are kept for the rows fetched.
public struct CampaignListState: Equatable, Sendable {
    public private(set) var rows: [CampaignRow] = []
    /// Calling hours that came with summaries (the documented list sends none), once per value.
    private var hoursTable = CallingHoursTable()
    private var indexByID: [String: Int] = [:]
    /// Shares the text that rows repeat.
    private var interner = TextInterner()
    /// Full records fetched one by one (the list's summary lacks the dialing strategy).
    public private(set) var details: [String: Campaign] = [:]
    /// Calling-window status of each campaign fetched in full with calling hours.
    private var detailWindows: [String: CallingWindowStatus] = [:]
    public var scope: TypeScope = .all { didSet { refilter() } }
    public private(set) var filterText = ""
    public var sort = CampaignSort(column: .name) { didSet { recompute() } }
    /// Indices into `rows`, filtered and sorted.
    public private(set) var visible: [Int] = []
    /// Every row's index in sort order: sorted when the sort or the whole list changes, merged
    /// with each page that arrives, filtered (in order, never sorted again) on each keystroke.
    private var ordered: [Int] = []
    /// Position of the selection in `visible`.
    public private(set) var selected = 0
    /// First visible position shown at the top of the pane.
    public var scrollTop = 0

    public init() {}

    public var selectedIndex: Int? { visible.indices.contains(selected) ? visible[selected] : nil }
    public var selectedRow: CampaignRow? { selectedIndex.map { rows[$0] } }
    /// The selected campaign, in full if its details have arrived.
    public var selectedCampaign: Campaign? {
        guard let index = selectedIndex else { return nil }
        return details[rows[index].id] ?? summary(rows[index])
    }

    public func campaign(id: String) -> Campaign? {
        details[id] ?? indexByID[id].map { summary(rows[$0]) }
    }

    /// What the list knows of a campaign whose full record has not arrived.
    private func summary(_ row: CampaignRow) -> Campaign {
        var campaign = row.summary
        if let hours = hoursTable.hours(at: row.hoursSlot) { campaign.dialingStrategy = DialingStrategy(callingHours: hours) }
        return campaign
    }

    /// Calling-window status by id, of each campaign whose calling hours are known.
    public var windows: CallingWindowLookup { CallingWindowLookup(list: self) }

    /// The calling-window status of campaign `id`: its full record's, else its summary's.
    func window(_ id: String) -> CallingWindowStatus? {
        detailWindows[id] ?? indexByID[id].flatMap { hoursTable.status(at: rows[$0].hoursSlot) }
    }

    /// Counts by type, kept as campaigns arrive so the status bar never walks the list.
    public private(set) var smsCount = 0
    public private(set) var voiceCount = 0

    /// Replaces every campaign (a finished load), keeping the selection on the same campaign.
    mutating func replaceAll(_ list: [Campaign], now: Date) {
        var loaded = CampaignListState()
        loaded.append(list, now: now, recomputing: false)
        adopt(loaded)
    }

    /// Takes the rows of `loaded` (a refresh's pages, gathered aside) in place of these, keeping
    /// scope, filter, sort, selection and the full records still current.
    mutating func adopt(_ loaded: CampaignListState) {
        let keep = selectedRow?.id
        rows = loaded.rows
        hoursTable = loaded.hoursTable
        indexByID = loaded.indexByID
        interner = loaded.interner
        smsCount = loaded.smsCount
        voiceCount = loaded.voiceCount
        visible = []
        ordered = []
        details = details.filter { id, detail in
            indexByID[id].map { rows[$0].updatedAt == detail.updatedAt } ?? false
        }
        detailWindows = detailWindows.filter { details[$0.key] != nil }
        recompute(keeping: keep)
    }

    /// Adds campaigns not seen yet (pages of a load as they arrive).
    mutating func append(_ list: [Campaign], now: Date, recomputing: Bool = true) {
        let keep = selected == 0 ? nil : selectedIndex
        let first = rows.count
        // No reserveCapacity here: an exact reservation per page would copy every campaign each
        // time (quadratic over a 100,000-campaign load); append grows the storage geometrically.
        for campaign in list {
            var row = CampaignRow(campaign, index: rows.count, interner: &interner)
            guard indexByID[row.id] == nil else { continue }
            if let hours = campaign.dialingStrategy?.callingHours { row.hoursSlot = hoursTable.slot(for: hours, now: now) }
            indexByID[row.id] = rows.count
            rows.append(row)
            count(row, 1)
        }
        guard recomputing, rows.count > first else { return }
        // A page costs its own sort and one merge, not a sort of everything loaded so far.
        let less = ordering()
        let added = Array(first..<rows.count).sorted(by: less)
        ordered = Self.merge(ordered, added, by: less)
        let filter = CampaignFilter(filterText)
        if filter.isEmpty, scope == .all {
            visible = ordered
        } else {
            visible = Self.merge(visible, shown(added, filter), by: less)
        }
        // The top row stays selected while pages arrive, until the user moves.
        selected = 0
        if let keep { selected = Self.position(of: keep, in: visible, by: less) ?? 0 }
    }

    /// Gives back the room the rows' storage grew into beyond what they hold (a growing array
    /// doubles: up to a third of 100,000 rows' storage would stay empty). Called when a load ends.
    mutating func compact() {
        guard rows.capacity > rows.count + rows.count / 16 else { return }
        rows = rows.withUnsafeBufferPointer { Array($0) }
    }

    /// Adds `row` to the counts by type (`delta` 1), or takes it out (-1).
    private mutating func count(_ row: CampaignRow, _ delta: Int) {
        if row.typeKey == "sms" { smsCount += delta } else if row.typeKey == "voice" { voiceCount += delta }
    }

    /// Stores a campaign fetched in full and works out its calling window.
    mutating func setDetail(_ campaign: Campaign, now: Date) {
        guard let id = campaign.id else { return }
        details[id] = campaign
        detailWindows[id] = CallingWindowStatus(campaign: campaign, now: now)
        if sort.column == .window { recompute(keeping: selectedRow?.id) }
    }

    /// Puts a saved campaign in the list: replaces the row with its id, or adds it.
    mutating func upsert(_ campaign: Campaign, now: Date) {
        guard let id = campaign.id else { return }
        if let index = indexByID[id] {
            // In place: the other rows stay as they are, the order is worked out again.
            count(rows[index], -1)
            rows[index] = CampaignRow(campaign, index: index, interner: &interner)
            if let hours = campaign.dialingStrategy?.callingHours { rows[index].hoursSlot = hoursTable.slot(for: hours, now: now) }
            count(rows[index], 1)
            recompute(keeping: id)
        } else {
            append([campaign], now: now)
        }
        setDetail(campaign, now: now)
        select(id: id)
    }

    /// Takes a deleted campaign out of the list.
    mutating func remove(id: String, now: Date) {
        guard let index = indexByID[id] else { return }
        let keep = selectedRow?.id == id ? nil : selectedRow?.id
        details[id] = nil
        detailWindows[id] = nil
        count(rows[index], -1)
        rows.remove(at: index)
        indexByID = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.id, $0) })
        let position = selected
        // The old positions point past the shortened rows: nothing may read them again.
        visible = []
        ordered = Array(rows.indices).sorted(by: ordering())
        refilter(keeping: keep, wasTop: keep == nil)
        // The row that took the deleted one's place is selected, as a list does.
        if keep == nil { select(position: position) }
    }

    /// Works out again the calling windows whose state changed since; true if any did.
    mutating func refreshWindows(now: Date) -> Bool {
        var changed = hoursTable.refresh(now: now)
        for (id, status) in detailWindows where status.validUntil <= now {
            guard let campaign = details[id] else { continue }
            detailWindows[id] = CallingWindowStatus(campaign: campaign, now: now)
            changed = true
        }
        if changed, sort.column == .window { recompute(keeping: selectedRow?.id) }
        return changed
    }

    mutating func setFilter(_ text: String) {
        filterText = text
        refilter()
    }

    /// Whether a detail fetched earlier is still current for the listed campaign.
    func hasCurrentDetail(_ id: String) -> Bool {
        guard let detail = details[id], let index = indexByID[id] else { return false }
        return detail.updatedAt == rows[index].updatedAt
    }

    // MARK: Selection

    mutating func select(position: Int) {
        selected = visible.isEmpty ? 0 : min(max(0, position), visible.count - 1)
    }

    mutating func select(id: String) {
        if let position = visible.firstIndex(where: { rows[$0].id == id }) { selected = position }
    }

    /// Keeps the selection inside a pane `height` rows tall.
    mutating func scrollToSelection(height: Int) {
        guard height > 0 else { return }
        if selected < scrollTop { scrollTop = selected }
        if selected >= scrollTop + height { scrollTop = selected - height + 1 }
        scrollTop = max(0, min(scrollTop, max(0, visible.count - height)))
    }

    // MARK: Filter and sort

    /// Sorts every row again (the sort, or the rows' sort keys, changed), then filters.
    private mutating func recompute(keeping id: String? = nil) {
        let keep = selected == 0 ? nil : id ?? selectedRow?.id
        ordered = Array(rows.indices).sorted(by: ordering())
        refilter(keeping: keep, wasTop: keep == nil)
    }

    /// Filters the sorted rows again (the filter or the scope changed), keeping the selection.
    private mutating func refilter(keeping id: String? = nil, wasTop: Bool? = nil) {
        let keep = (wasTop ?? (selected == 0)) ? nil : id ?? selectedRow?.id
        let filter = CampaignFilter(filterText)
        visible = filter.isEmpty && scope == .all ? ordered : shown(ordered, filter)
        selected = 0
        if let keep, let index = indexByID[keep] { selected = Self.position(of: index, in: visible, by: ordering()) ?? 0 }
        select(position: selected)
    }

    /// The rows of `indices` the scope and `filter` let through, in the same order. Rows are read
    /// in place: copying each 14-field row to test it was most of a keystroke's cost at 100,000.
    private func shown(_ indices: [Int], _ filter: CampaignFilter) -> [Int] {
        let scope = scope
        return rows.withUnsafeBufferPointer { rows in
            guard let base = rows.baseAddress else { return [] }
            return indices.filter { scope.includes(base + $0) && (filter.isEmpty || filter.matches(base + $0)) }
        }
    }

    /// The order of the list: the sort column, then the id, so that no two rows tie.
    private func ordering() -> (Int, Int) -> Bool {
        let ascending = sort.ascending
        let order = ordering(for: sort.column)
        let rows = rows
        return { a, b in
            let comparison = order(a, b)
            if comparison != 0 { return ascending ? comparison < 0 : comparison > 0 }
            return rows[a].id < rows[b].id
        }
    }

    /// Two lists sorted by `less`, as one.
    static func merge(_ a: [Int], _ b: [Int], by less: (Int, Int) -> Bool) -> [Int] {
        guard !b.isEmpty else { return a }
        guard !a.isEmpty else { return b }
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        var start = a.startIndex
        for item in b {
            // Copy the run of `a` before `item` in one go (binary search, then a block copy).
            var low = start, high = a.endIndex
            while low < high {
                let middle = (low + high) / 2
                if less(a[middle], item) { low = middle + 1 } else { high = middle }
            }
            result.append(contentsOf: a[start..<low])
            result.append(item)
            start = low
        }
        result.append(contentsOf: a[start...])
        return result
    }

    /// Where row `index` stands in `list` (sorted by `less`), if it is there.
    static func position(of index: Int, in list: [Int], by less: (Int, Int) -> Bool) -> Int? {
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if less(list[middle], index) { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == index ? low : nil
    }

    /// A three-way comparison of two rows on `column`.
    private func ordering(for column: CampaignColumn) -> (Int, Int) -> Int {
        func compare<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : x > y ? 1 : 0 }
        switch column {
        case .type: return { compare(rows[$0].typeKey, rows[$1].typeKey) }
        case .name: return { CampaignRow.compareNames(rows[$0], rows[$1]) }
        case .status: return { compare(rows[$0].statusKey, rows[$1].statusKey) }
        case .priority: return { compare(rows[$0].priorityValue, rows[$1].priorityValue) }
        case .mode: return { compare(rows[$0].mode, rows[$1].mode) }
        case .lists:
            let keys = rows.map(\.lists)
            return { compare(keys[$0], keys[$1]) }
        case .updated: return { compare(rows[$0].updatedDate, rows[$1].updatedDate) }
        case .window:
            let keys = rows.map { (detailWindows[$0.id] ?? hoursTable.status(at: $0.hoursSlot))?.sortKey ?? .infinity }
            return { compare(keys[$0], keys[$1]) }
        }
    }
}
