/// One field that differs between two versions of a campaign.
public struct FieldChange: Equatable, Sendable, CustomStringConvertible {
    /// "dialingStrategy.callingHours.days[2].end".
    public let path: String
    /// JSON text of the old value; nil when the field is new.
    public let old: String?
    /// JSON text of the new value; nil when the field is gone.
    public let new: String?

    public var description: String {
        switch (old, new) {
        case (nil, let new?): return "+ \(path): \(new)"
        case (let old?, nil): return "- \(path): \(old)"
        default: return "~ \(path): \(old ?? "") → \(new ?? "")"
        }
    }
}

/// Field-by-field differences between campaigns, judged on what an update would send: fields
/// the server owns (`status`, `updatedAt`, …) never count as changes.
public enum CampaignDiff {
    public static func changes(from old: Campaign, to new: Campaign) -> [FieldChange] {
        changes(from: CampaignRequestBody.body(for: old, operation: .update),
                to: CampaignRequestBody.body(for: new, operation: .update))
    }

    /// Differences between two JSON values, leaf by leaf, in the new value's key order.
    public static func changes(from old: JSONValue, to new: JSONValue) -> [FieldChange] {
        let before = flatten(old)
        let after = flatten(new)
        let beforeMap = Dictionary(before, uniquingKeysWith: { first, _ in first })
        let afterMap = Dictionary(after, uniquingKeysWith: { first, _ in first })
        var result: [FieldChange] = []
        for (path, value) in after where beforeMap[path] != value {
            result.append(FieldChange(path: path, old: beforeMap[path], new: value))
        }
        for (path, value) in before where afterMap[path] == nil {
            result.append(FieldChange(path: path, old: value, new: nil))
        }
        return result
    }

    /// Leaves of a value as (path, JSON text) in key order.
    public static func flatten(_ value: JSONValue, prefix: String = "") -> [(String, String)] {
        switch value {
        case .object(let object) where !object.isEmpty:
            return object.flatMap { key, inner in flatten(inner, prefix: prefix.isEmpty ? key : "\(prefix).\(key)") }
        case .array(let array) where !array.isEmpty:
            return array.enumerated().flatMap { index, inner in flatten(inner, prefix: "\(prefix)[\(index)]") }
        default:
            return [(prefix, value.serialized())]
        }
    }
}
