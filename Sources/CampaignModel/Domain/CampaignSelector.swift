import Foundation

/// Picks campaigns by status, type, name substring and priority, written as
/// `status=Active,type=voice,name=promo,priority=3`: every term must hold; a term may list
/// alternatives with `|` (`status=Active|Paused`). Status and type compare ignoring case; `name`
/// is a case-insensitive substring. An empty selector picks every campaign.
public struct CampaignSelector: Equatable, Sendable, CustomStringConvertible {
    public var statuses: [String] = []
    public var types: [String] = []
    public var nameContains: [String] = []
    public var priorities: [Int] = []

    public init() {}

    /// Reads the selector text; a bad term is an error naming it and the keys allowed.
    public init(parsing text: String) throws(ValidationFailure) {
        for term in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !term.isEmpty {
            let parts = term.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ValidationFailure([ValidationIssue(path: "selector", message: "\"\(term)\" is not key=value (status, type, name or priority)")])
            }
            let values = parts[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            switch parts[0].lowercased() {
            case "status": statuses += values
            case "type":
                guard values.allSatisfy({ ["sms", "voice"].contains($0.lowercased()) }) else {
                    throw ValidationFailure([ValidationIssue(path: "selector", message: "type must be sms or voice, not \"\(parts[1])\"")])
                }
                types += values
            case "name": nameContains += values
            case "priority":
                let numbers = values.compactMap(Int.init)
                guard numbers.count == values.count, numbers.allSatisfy((1...5).contains) else {
                    throw ValidationFailure([ValidationIssue(path: "selector", message: "priority must be 1 to 5, not \"\(parts[1])\"")])
                }
                priorities += numbers
            default:
                throw ValidationFailure([ValidationIssue(path: "selector", message: "\"\(parts[0])\" is not a selector key (status, type, name or priority)")])
            }
        }
    }

    public var isEmpty: Bool { statuses.isEmpty && types.isEmpty && nameContains.isEmpty && priorities.isEmpty }

    /// Whether `campaign` satisfies every term.
    public func matches(_ campaign: Campaign) -> Bool {
        if !statuses.isEmpty, !statuses.contains(where: { $0.caseInsensitiveCompare(campaign.status?.rawValue ?? "") == .orderedSame }) { return false }
        if !types.isEmpty, !types.contains(where: { $0.caseInsensitiveCompare(campaign.type?.rawValue ?? "") == .orderedSame }) { return false }
        if !nameContains.isEmpty, !nameContains.contains(where: { campaign.name.range(of: $0, options: .caseInsensitive) != nil }) { return false }
        if !priorities.isEmpty, !priorities.contains(where: { $0 == campaign.priority }) { return false }
        return true
    }

    public var description: String {
        [("status", statuses), ("type", types), ("name", nameContains), ("priority", priorities.map(String.init))]
            .filter { !$0.1.isEmpty }.map { "\($0.0)=\($0.1.joined(separator: "|"))" }.joined(separator: ",")
    }
}
