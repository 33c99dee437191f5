import CampaignModel
import Foundation
import Testing
@testable import SwitchboardUI

/// Issue 13, item 7: pages merge into the sorted list (no sort of everything per page) and a
/// filter keystroke only walks the sorted rows; both must give exactly what a full sort gives.
@Suite("List at scale: merged pages, filtered sorted rows")
struct ListScaleTests {
    static func campaign(_ index: Int, seed: inout UInt64) -> Campaign {
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(seed >> 33)
        }
        let names = ["Renewals", "Billing", "Ünïcode 日本", "Welcome", "billing follow-up", "Survey"]
        var campaign = Campaign(type: next() % 3 == 0 ? .voice : .sms, name: "\(names[next() % names.count]) \(next() % 50)",
                                contactLists: ["List \(next() % 7)"])
        campaign.id = "cd-\(index)"
        campaign.status = [CampaignStatus.ready, .active, .paused, .completed][next() % 4]
        campaign.priority = next() % 5 + 1
        campaign.updatedAt = ISOTimestamp.format(Date(timeIntervalSince1970: 1_764_000_000 + Double(next() % 10_000)))
        return campaign
    }

    /// What the list must show: every row in scope matching the filter, sorted from scratch.
    static func expected(_ list: CampaignListState) -> [String] {
        let filter = CampaignFilter(list.filterText)
        let column = list.sort.column
        func key(_ row: CampaignRow) -> String {
            switch column {
            case .name: return row.name.lowercased()
            case .status: return row.statusKey
            case .priority: return String(row.priorityValue)
            case .updated: return String(row.updatedDate.timeIntervalSince1970)
            default: return row.typeKey
            }
        }
        return list.rows.filter { list.scope.includes($0) && (filter.isEmpty || filter.matches($0)) }
            .sorted { a, b in
                key(a) != key(b) ? (list.sort.ascending ? key(a) < key(b) : key(a) > key(b)) : a.id < b.id
            }
            .map(\.id)
    }

    @Test("Pages arriving in any order, under any sort, scope and filter, list what a full sort lists")
    func pagesMergeLikeAFullSort() {
        var seed: UInt64 = 42
        let all = (0..<1_200).map { Self.campaign($0, seed: &seed) }
        let setups: [(CampaignColumn, Bool, TypeScope, String)] = [
            (.name, true, .all, ""), (.name, false, .sms, "bill"), (.status, true, .all, "status:act"),
            (.priority, false, .voice, ""), (.updated, true, .all, "日本"), (.type, true, .all, "list 3 renew"),
        ]
        for (column, ascending, scope, filter) in setups {
            var list = CampaignListState()
            list.sort = CampaignSort(column: column, ascending: ascending)
            list.scope = scope
            list.setFilter(filter)
            var start = 0
            var size = 1
            while start < all.count {
                let end = min(all.count, start + size)
                list.append(Array(all[start..<end]), now: Date())
                start = end
                size = size * 2 % 97 + 1
                #expect(list.visible.map { list.rows[$0].id } == Self.expected(list), "\(column) \(scope) \(filter)")
            }
            // A filter typed later, then cleared: the same rows as from scratch.
            list.setFilter("welcome 1")
            #expect(list.visible.map { list.rows[$0].id } == Self.expected(list))
            list.setFilter("")
            #expect(list.visible.map { list.rows[$0].id } == Self.expected(list))
        }
    }

    @Test("The selection stays on its campaign while pages arrive and the filter changes")
    func selectionStaysPut() {
        var seed: UInt64 = 7
        let all = (0..<500).map { Self.campaign($0, seed: &seed) }
        var list = CampaignListState()
        list.append(Array(all[0..<100]), now: Date())
        list.select(position: 40)
        let chosen = list.selectedRow?.id
        for page in stride(from: 100, to: 500, by: 50) {
            list.append(Array(all[page..<page + 50]), now: Date())
            #expect(list.selectedRow?.id == chosen)
        }
        list.setFilter(String(list.selectedRow!.name.prefix(4)).lowercased())
        #expect(list.selectedRow?.id == chosen)
        // Until the user moves, the top row stays selected as pages arrive.
        var fresh = CampaignListState()
        fresh.append(Array(all[0..<50]), now: Date())
        fresh.append(Array(all[50..<500]), now: Date())
        #expect(fresh.selected == 0)
    }

    @Test("Byte-wise word search matches what String.contains matches, Unicode included")
    func byteSearch() {
        let texts = ["renewals 2026 ünïcode 日本", "", "a", "aaab", "billing\u{1F}cd-1"]
        let words = ["", "a", "aab", "日本", "ünï", "2026 ü", "b", "zz", "billing\u{1F}cd", "ab"]
        for text in texts {
            for word in words {
                #expect(CampaignFilter.bytes(Array(text.utf8), contain: Array(word.utf8)) == (word.isEmpty || text.contains(word)),
                        "\(text) ⊇ \(word)")
            }
        }
    }
}

extension ListScaleTests {
    @Test("The list's short date agrees with Calendar in UTC, across years, leap days and before 1970")
    func shortDateMatchesCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var seed: UInt64 = 3
        for step in 0..<3_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let offset = Double(Int64(bitPattern: seed) % 4_000_000_000)
            let date = Date(timeIntervalSince1970: step == 0 ? 951_782_400 : step == 1 ? -1 : offset + 0.75)
            let parts = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
            let expected = String(format: "%@ %02d %02d:%02d", months[parts.month! - 1], parts.day!, parts.hour!, parts.minute!)
            #expect(RowFormat.shortDate(date) == expected, "\(date)")
        }
    }
}

extension ListScaleTests {
    @Test("Rows only: a save replaces its row in place, a delete removes it; order, counts and look-ups stay right")
    func upsertAndRemoveInPlace() {
        var seed: UInt64 = 11
        let all = (0..<400).map { Self.campaign($0, seed: &seed) }
        var list = CampaignListState()
        list.sort = CampaignSort(column: .priority)
        list.append(all, now: Date())
        var changed = all[123]
        changed.name = "Zz renamed"
        changed.priority = 1
        changed.type = .voice
        changed.dialingMode = .preview
        list.upsert(changed, now: Date())
        #expect(list.rows.count == 400 && list.selectedRow?.id == changed.id)
        #expect(list.visible.map { list.rows[$0].id } == Self.expected(list))
        #expect(list.smsCount + list.voiceCount == 400)
        #expect(list.voiceCount == all.filter { $0.type == .voice }.count + (all[123].type == .voice ? 0 : 1))
        list.remove(id: all[7].id!, now: Date())
        #expect(list.rows.count == 399 && list.campaign(id: all[7].id!) == nil)
        #expect(list.visible.map { list.rows[$0].id } == Self.expected(list))
        for campaign in all where campaign.id != all[7].id && campaign.id != changed.id {
            #expect(list.campaign(id: campaign.id!)?.name == campaign.name)
        }
        #expect(list.smsCount + list.voiceCount == 399)
    }

    @Test("A row's summary keeps what a preview shows before the full record: kind, name, status, priority, description, lists, updatedAt")
    func summaryFromTheRow() {
        var seed: UInt64 = 5
        for index in 0..<50 {
            var campaign = Self.campaign(index, seed: &seed)
            campaign.description = index % 2 == 0 ? "Description \(index) 春" : nil
            if campaign.type == .voice { campaign.dialingMode = .progressive } else { campaign.format = .advanced }
            let summary = CampaignRow(campaign, index: index).summary
            #expect(summary.id == campaign.id && summary.name == campaign.name && summary.type == campaign.type)
            #expect(summary.status == campaign.status && summary.priority == campaign.priority)
            #expect(summary.description == campaign.description && summary.contactLists == campaign.contactLists)
            #expect(summary.updatedAt == campaign.updatedAt && summary.modeOrFormat == campaign.modeOrFormat)
        }
    }
}

extension ListScaleTests {
    @Test("A first load shows its pages as they arrive; a refresh gathers its rows aside and swaps them in only when complete")
    func refreshSwapsAtTheEnd() {
        var seed: UInt64 = 9
        let all = (0..<120).map { Self.campaign($0, seed: &seed) }
        var state = AppState(connection: ConnectionInfo(profile: "t", host: "http://127.0.0.1:1"), now: UpdateTests.now)
        _ = AppUpdate.startLoad(&state)
        _ = AppUpdate.reduce(&state, .campaignsPage(generation: 1, campaigns: Array(all[0..<60]), loaded: 60, total: 120))
        #expect(state.list.rows.count == 60)
        _ = AppUpdate.reduce(&state, .campaignsPage(generation: 1, campaigns: Array(all[60...]), loaded: 120, total: 120))
        _ = AppUpdate.reduce(&state, .campaignsLoaded(generation: 1, .success(120)))
        #expect(state.list.rows.count == 120 && state.list.visible.map { state.list.rows[$0].id } == Self.expected(state.list))
        // A refresh whose list lost a campaign and renamed another: nothing changes until it ends.
        var next = Array(all.dropFirst())
        next[0].name = "Renamed"
        _ = AppUpdate.startLoad(&state)
        _ = AppUpdate.reduce(&state, .campaignsPage(generation: 2, campaigns: next, loaded: 119, total: 119))
        #expect(state.list.rows.count == 120 && state.list.campaign(id: all[0].id!) != nil)
        _ = AppUpdate.reduce(&state, .campaignsLoaded(generation: 2, .success(119)))
        #expect(state.list.rows.count == 119 && state.list.campaign(id: next[0].id!)?.name == "Renamed")
        #expect(state.list.campaign(id: all[0].id!) == nil)
        #expect(state.list.visible.map { state.list.rows[$0].id } == Self.expected(state.list))
        // A refresh that fails keeps the list as it was and drops what it gathered.
        _ = AppUpdate.startLoad(&state)
        _ = AppUpdate.reduce(&state, .campaignsPage(generation: 3, campaigns: Array(all[0..<5]), loaded: 5, total: 120))
        _ = AppUpdate.reduce(&state, .campaignsLoaded(generation: 3, .failure(ListLoadFailure([(.sms, UIError("server error"))]))))
        #expect(state.list.rows.count == 119 && state.load.staged.rows.isEmpty)
    }
}

extension ListScaleTests {
    @Test("Deleting the selected last row, the first row, or a row above the selection: no stale position, the right row selected")
    func removeKeepsPositionsValid() {
        var seed: UInt64 = 21
        let all = (0..<30).map { Self.campaign($0, seed: &seed) }
        var list = CampaignListState()
        list.append(all, now: Date())
        list.select(position: 29)
        let last = list.selectedRow!.id
        list.remove(id: last, now: Date())
        #expect(list.rows.count == 29 && list.selected == 28 && list.selectedRow != nil)
        let chosen = list.selectedRow!.id
        list.remove(id: list.rows[list.visible[0]].id, now: Date())
        #expect(list.selectedRow?.id == chosen)
        list.select(position: 0)
        let second = list.rows[list.visible[1]].id
        list.remove(id: list.selectedRow!.id, now: Date())
        #expect(list.selectedRow?.id == second && list.selected == 0)
        #expect(list.visible.map { list.rows[$0].id } == Self.expected(list))
    }
}
