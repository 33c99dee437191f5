import CampaignModel

/// What `/` typed on a campaign's contacts screen means: `outcome:NAME` (connected, noAnswer,
/// busy, failed, inProgress, other; a prefix will do), `attempts:N` with an optional `>`, `>=`,
/// `<`, `<=` or `=`, and plain words, matched case-insensitively in the phone number, the
/// disposition codes and the bot status. All parts must match; several `outcome:` mean any of them.
public struct ContactFilter: Equatable, Sendable {
    public enum Comparison: Equatable, Sendable {
        case less(Int), lessOrEqual(Int), equal(Int), greaterOrEqual(Int), greater(Int)

        func holds(for value: Int) -> Bool {
            switch self {
            case .less(let n): return value < n
            case .lessOrEqual(let n): return value <= n
            case .equal(let n): return value == n
            case .greaterOrEqual(let n): return value >= n
            case .greater(let n): return value > n
            }
        }
    }

    /// The outcomes named, as `ContactOutcome` names ("other" stands for every undocumented one).
    public var outcomes: [String] = []
    public var attempts: [Comparison] = []
    public var words: [String] = []

    public init() {}

    public var isEmpty: Bool { outcomes.isEmpty && attempts.isEmpty && words.isEmpty }

    /// The outcome names `outcome:` accepts.
    static let outcomeNames = ["connected", "noAnswer", "busy", "failed", "inProgress", "other"]

    /// Reads `text`; a part it cannot read is an error that says what would be read.
    public static func parse(_ text: String) -> Result<ContactFilter, UIError> {
        var filter = ContactFilter()
        for token in text.split(whereSeparator: \.isWhitespace).map(String.init) {
            guard let colon = token.firstIndex(of: ":") else {
                filter.words.append(token.lowercased())
                continue
            }
            let field = token[..<colon].lowercased()
            let value = String(token[token.index(after: colon)...])
            switch field {
            case "outcome":
                let key = normalized(value)
                guard !key.isEmpty, let name = outcomeNames.first(where: { normalized($0).hasPrefix(key) }) else {
                    return .failure(UIError("outcome:\(value) — try outcome:" + outcomeNames.joined(separator: ", ")))
                }
                filter.outcomes.append(name)
            case "attempts":
                guard let comparison = comparison(value) else {
                    return .failure(UIError("attempts:\(value) — write a number, optionally after >, >=, <, <= or = (attempts:>2)"))
                }
                filter.attempts.append(comparison)
            default:
                return .failure(UIError("\(field): is not a filter — use outcome:, attempts: or plain words (phone, codes)"))
            }
        }
        return .success(filter)
    }

    private static func normalized(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { !"_- ".unicodeScalars.contains($0) })
    }

    private static func comparison(_ text: String) -> Comparison? {
        for (prefix, make) in [(">=", Comparison.greaterOrEqual), ("<=", Comparison.lessOrEqual), (">", Comparison.greater),
                               ("<", Comparison.less), ("=", Comparison.equal), ("", Comparison.equal)] where text.hasPrefix(prefix) {
            guard let number = Int(text.dropFirst(prefix.count)), number >= 0 else { return nil }
            return make(number)
        }
        return nil
    }

    /// Whether `contact` passes every part.
    public func matches(_ contact: CampaignContact) -> Bool {
        if !outcomes.isEmpty {
            let name: String
            if case .other = contact.outcome { name = "other" } else { name = contact.outcome.name }
            guard outcomes.contains(name) else { return false }
        }
        guard attempts.allSatisfy({ $0.holds(for: contact.numberOfAttemptsSoFar) }) else { return false }
        guard !words.isEmpty else { return true }
        let text = ([contact.phoneNumber, contact.botOutboundStatus ?? "", contact.botOutboundStatusDetail ?? ""]
            + contact.agentDispositionCodes).joined(separator: "\u{1F}").lowercased()
        return words.allSatisfy { text.contains($0) }
    }
}

/// The contacts screen's columns; each sorts.
public enum ContactColumn: Int, CaseIterable, Sendable {
    case phone, outcome, attempts, botStatus, codes

    public var title: String {
        switch self {
        case .phone: return "PHONE"
        case .outcome: return "OUTCOME"
        case .attempts: return "ATTEMPTS"
        case .botStatus: return "BOT STATUS / DETAIL"
        case .codes: return "DISPOSITION CODES"
        }
    }

    public var helpName: String {
        switch self {
        case .botStatus: return "bot status"
        case .codes: return "disposition codes"
        default: return title.lowercased()
        }
    }

    /// What this column sorts a contact by, as text (attempts sort by number: see `compare`).
    func key(_ contact: CampaignContact) -> String {
        switch self {
        case .phone: return contact.phoneNumber
        case .outcome: return contact.dialerOutcome
        case .attempts: return ""
        case .botStatus: return contact.botOutboundStatus ?? ""
        case .codes: return contact.agentDispositionCodes.joined(separator: ",")
        }
    }

    /// A three-way comparison of two contacts on this column.
    func compare(_ a: CampaignContact, _ b: CampaignContact) -> Int {
        func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : x > y ? 1 : 0 }
        switch self {
        case .phone: return order(a.phoneNumber, b.phoneNumber)
        case .outcome: return order(a.dialerOutcome, b.dialerOutcome)
        case .attempts: return order(a.numberOfAttemptsSoFar, b.numberOfAttemptsSoFar)
        case .botStatus: return order(a.botOutboundStatus ?? "", b.botOutboundStatus ?? "")
        case .codes: return order(a.agentDispositionCodes.joined(separator: ","), b.agentDispositionCodes.joined(separator: ","))
        }
    }
}
