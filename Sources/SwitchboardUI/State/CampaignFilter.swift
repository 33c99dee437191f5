import CampaignModel

/// What `/` typed means: words match case-insensitively anywhere in a campaign's name, id,
/// description, mode and contact lists; `status:` and `type:` match those fields by prefix.
/// All parts must match.
public struct CampaignFilter: Equatable, Sendable {
    public var words: [String] = []
    public var statuses: [String] = []
    public var types: [String] = []

    public init(_ query: String) {
        for token in query.lowercased().split(whereSeparator: \.isWhitespace) {
            if token.hasPrefix("status:") {
                let value = token.dropFirst(7)
                if !value.isEmpty { statuses.append(String(value)) }
            } else if token.hasPrefix("type:") {
                let value = token.dropFirst(5)
                if !value.isEmpty { types.append(String(value)) }
            } else {
                words.append(String(token))
            }
        }
    }

    public var isEmpty: Bool { words.isEmpty && statuses.isEmpty && types.isEmpty }

    func matches(_ row: CampaignRow) -> Bool {
        if !statuses.isEmpty, !statuses.contains(where: { row.statusKey.hasPrefix($0) }) { return false }
        if !types.isEmpty, !types.contains(where: { row.typeKey.hasPrefix($0) }) { return false }
        return words.allSatisfy { row.searchText.contains($0) }
    }
}

/// Which kinds of campaign the list shows; `t` cycles through them.
public enum TypeScope: String, CaseIterable, Sendable {
    case all, sms, voice

    public var title: String {
        switch self {
        case .all: return "SMS + voice"
        case .sms: return "SMS"
        case .voice: return "Voice"
        }
    }

    var next: TypeScope {
        switch self {
        case .all: return .sms
        case .sms: return .voice
        case .voice: return .all
        }
    }

    func includes(_ row: CampaignRow) -> Bool { self == .all || row.typeKey == rawValue }
}
