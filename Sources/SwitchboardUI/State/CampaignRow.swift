import CampaignModel
import Foundation

/// One campaign as the list shows it, worked out once when the campaign arrives so that
/// scrolling, filtering and sorting 100,000 rows only compare ready values.
public struct CampaignRow: Equatable, Sendable {
    public let id: String
    public let type: String
    public let name: String
    public let status: String
    public let priority: String
    public let mode: String
    public let lists: String
    public let updated: String
    let typeKey: String
    let statusKey: String
    let nameKey: String
    let priorityValue: Int
    let updatedDate: Date
    /// Name, id, description, mode and lists, lower-cased, as UTF-8: what `/` words search.
    let searchBytes: [UInt8]

    public init(_ campaign: Campaign, index: Int) {
        id = campaign.id ?? "#\(index)"
        type = campaign.type == .sms ? "SMS" : campaign.type == .voice ? "Voice" : campaign.type?.rawValue ?? "?"
        name = campaign.name
        status = campaign.status?.rawValue ?? "—"
        priority = campaign.priority.map(String.init) ?? "—"
        mode = campaign.modeOrFormat
        lists = campaign.contactLists.isEmpty ? "—" : campaign.contactLists.joined(separator: ", ")
        updatedDate = campaign.updatedDate ?? campaign.createdDate ?? .distantPast
        updated = campaign.updatedDate.map(RowFormat.shortDate) ?? "—"
        typeKey = campaign.type?.rawValue.lowercased() ?? ""
        statusKey = status.lowercased()
        nameKey = name.lowercased()
        priorityValue = campaign.priority ?? 0
        searchBytes = Array([name, id, campaign.description ?? "", mode, lists].joined(separator: "\u{1F}").lowercased().utf8)
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
    static func shortDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(format: "%@ %02d %02d:%02d", months[(parts.month ?? 1) - 1], parts.day ?? 0, parts.hour ?? 0,
                      parts.minute ?? 0)
    }
}
