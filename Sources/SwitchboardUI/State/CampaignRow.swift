import CampaignModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One campaign as the list shows it, worked out once when the campaign arrives so that
/// scrolling, filtering and sorting 100,000 rows only compare ready values.
public struct CampaignRow: Equatable, Sendable {
    public let id: String
    public let type: String
    public let name: String
    public let status: String
    public let priority: String
    public let mode: String
    public let updated: String
    let typeKey: String
    let statusKey: String
    let priorityValue: Int
    let updatedDate: Date
    /// Name, id, description, mode and lists, lower-cased, as UTF-8, separated by 0x1F: what `/`
    /// words search, and (as it starts with the name) what the name column sorts by.
    let searchBytes: [UInt8]
    /// Where the list keeps this row's calling hours (rows with the same hours share one entry);
    /// -1 without hours.
    var hoursSlot: Int32 = -1
    /// The server's `updatedAt` as written: a full record fetched earlier is current if it matches.
    let updatedAt: String?
    let description: String?
    let contactLists: [String]

    /// A row of its own (no text shared with other rows).
    public init(_ campaign: Campaign, index: Int) {
        var interner = TextInterner()
        self.init(campaign, index: index, interner: &interner)
    }

    /// A row whose repeated text (description, contact lists) is shared through `interner`.
    init(_ campaign: Campaign, index: Int, interner: inout TextInterner) {
        // The row's text is copied out of the decoded page: sharing it would keep each string
        // where the JSON parser left it, among the page's freed garbage, and that scattered
        // memory cannot go back to the system (about 250 MB at 100,000 campaigns).
        id = Self.own(campaign.id ?? "#\(index)")
        type = campaign.type == .sms ? "SMS" : campaign.type == .voice ? "Voice" : campaign.type?.rawValue ?? "?"
        name = Self.own(campaign.name)
        status = campaign.status?.rawValue ?? "—"
        priority = campaign.priority.map(String.init) ?? "—"
        mode = campaign.modeOrFormat
        updatedDate = campaign.updatedDate ?? campaign.createdDate ?? .distantPast
        updated = campaign.updatedDate.map(RowFormat.shortDate) ?? "—"
        typeKey = campaign.type?.rawValue.lowercased() ?? ""
        statusKey = status.lowercased()
        priorityValue = campaign.priority ?? 0
        updatedAt = campaign.updatedAt.map(Self.own)
        description = campaign.description.map { interner.intern($0) }
        contactLists = interner.intern(campaign.contactLists)
        let lists = campaign.contactLists.joined(separator: ", ")
        searchBytes = Array([name, id, campaign.description ?? "", mode, lists].joined(separator: "\u{1F}").lowercased().utf8)
    }

    /// The contact lists as the list column shows them (worked out for the rows on screen only).
    public var lists: String { contactLists.isEmpty ? "—" : contactLists.joined(separator: ", ") }

    /// Compares two rows by name, case-insensitively: the search bytes up to their first 0x1F.
    static func compareNames(_ a: CampaignRow, _ b: CampaignRow) -> Int {
        a.searchBytes.withUnsafeBufferPointer { x in
            b.searchBytes.withUnsafeBufferPointer { y in
                guard let xBase = x.baseAddress, let yBase = y.baseAddress else { return x.count == y.count ? 0 : x.isEmpty ? -1 : 1 }
                let xCount = memchr(xBase, 0x1F, x.count).map { xBase.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? x.count
                let yCount = memchr(yBase, 0x1F, y.count).map { yBase.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? y.count
                let common = min(xCount, yCount)
                let order = common > 0 ? memcmp(xBase, yBase, common) : 0
                if order != 0 { return order < 0 ? -1 : 1 }
                return xCount == yCount ? 0 : xCount < yCount ? -1 : 1
            }
        }
    }

    /// A copy of `text` in storage of its own (short strings are stored inline anyway).
    static func own(_ text: String) -> String {
        text.utf8.count <= 15 ? text : String(decoding: Array(text.utf8), as: UTF8.self)
    }
}

extension CampaignRow {
    /// What a preview shows of the campaign until its full record arrives, made from the row
    /// (a whole `Campaign` per row is several hundred bytes before any of its text).
    var summary: Campaign {
        var campaign = Campaign(type: typeKey.isEmpty ? nil : CampaignType.tolerant(typeKey), name: name, contactLists: contactLists)
        campaign.id = id.hasPrefix("#") ? nil : id
        campaign.status = status == "—" ? nil : CampaignStatus.tolerant(status)
        campaign.priority = priority == "—" ? nil : Int(priority)
        campaign.description = description
        campaign.updatedAt = updatedAt
        if mode != "—" {
            if campaign.type == .voice { campaign.dialingMode = .tolerant(mode) } else { campaign.format = .tolerant(mode == "template" ? "simple" : mode) }
        }
        return campaign
    }
}

extension Campaign {
    /// The dialing mode of a voice campaign, or the SMS format ("simple", "template", "advanced").
    public var modeOrFormat: String {
        if type == .voice { return dialingMode?.rawValue ?? "—" }
        if message?.usesTemplate == true, format == .simple { return "template" }
        return format?.rawValue ?? "—"
    }
}

/// Date formats the screens share.
enum RowFormat {
    /// "Dec 05 08:16", in UTC so that every supervisor reads the same list.
    /// Worked out from the seconds (the civil-from-days algorithm), not through `Calendar`, which
    /// was a tenth of the cost of loading 100,000 campaigns.
    static func shortDate(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let minuteOfDay = (seconds - days * 86_400) / 60
        // Howard Hinnant's days → (year, month, day), proleptic Gregorian.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(months[month - 1]) \(two(day)) \(two(minuteOfDay / 60)):\(two(minuteOfDay % 60))"
    }
}
