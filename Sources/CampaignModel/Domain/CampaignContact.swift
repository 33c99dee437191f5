import Foundation

/// What happened to one contact of a campaign, read tolerantly from its `dialerOutcome`.
///
/// The docs show only `completed` (and blank while in progress); the sandbox also sends
/// `noAnswer`, `busy`, `failed` for voice and `delivered`, `failed` for SMS. Case, `_`, `-` and
/// spaces are ignored; a value nobody documented is kept as `.other(raw)`.
public enum ContactOutcome: Hashable, Sendable {
    case connected, noAnswer, busy, failed, inProgress
    case other(String)

    /// Classifies a `dialerOutcome`: blank is in progress.
    public init(dialerOutcome raw: String) {
        let key = String(raw.lowercased().unicodeScalars.filter { !"_- \t".unicodeScalars.contains($0) })
        switch key {
        case "": self = .inProgress
        case "completed", "connected", "answered", "delivered", "sent", "success": self = .connected
        case "noanswer", "notanswered", "unanswered": self = .noAnswer
        case "busy", "userbusy", "linebusy": self = .busy
        case "failed", "failure", "error", "undelivered", "notdelivered", "rejected": self = .failed
        default: self = .other(raw)
        }
    }

    /// A short lowercase name for tables and filters (`connected`, `noAnswer`, … or the raw value).
    public var name: String {
        switch self {
        case .connected: "connected"
        case .noAnswer: "noAnswer"
        case .busy: "busy"
        case .failed: "failed"
        case .inProgress: "inProgress"
        case .other(let raw): raw
        }
    }
}

/// One number of a campaign as the contacts view (`status?view=contacts`) reports it.
public struct CampaignContact: Equatable, Sendable {
    public var phoneNumber: String
    public var uniqueId: String?
    /// Blank while the contact is still being worked; `completed` (or another final value) after.
    public var dialerOutcome: String
    public var numberOfAttemptsSoFar: Int
    public var botSessionId: String?
    public var agentDispositionCodes: [String]
    /// For example `userHangUp`, `agentHangUp`.
    public var botOutboundStatus: String?
    public var botOutboundStatusDetail: String?
    /// Fields the server sent that are not modelled, kept for round trips.
    public var extras = JSONObject()

    public init(phoneNumber: String, uniqueId: String? = nil, dialerOutcome: String = "", numberOfAttemptsSoFar: Int = 0,
                botSessionId: String? = nil, agentDispositionCodes: [String] = [], botOutboundStatus: String? = nil,
                botOutboundStatusDetail: String? = nil) {
        self.phoneNumber = phoneNumber
        self.uniqueId = uniqueId
        self.dialerOutcome = dialerOutcome
        self.numberOfAttemptsSoFar = numberOfAttemptsSoFar
        self.botSessionId = botSessionId
        self.agentDispositionCodes = agentDispositionCodes
        self.botOutboundStatus = botOutboundStatus
        self.botOutboundStatusDetail = botOutboundStatusDetail
    }

    /// The outcome `dialerOutcome` stands for.
    public var outcome: ContactOutcome { ContactOutcome(dialerOutcome: dialerOutcome) }

    /// Whether the dialer has given this contact a final outcome (a non-blank `dialerOutcome`).
    public var isFinal: Bool { !dialerOutcome.trimmingCharacters(in: .whitespaces).isEmpty }
}

/// One page of a campaign's contacts view.
public struct CampaignContactsPage: Equatable, Sendable {
    public var results: [CampaignContact]
    public var page: Int?
    public var limit: Int?
    public var totalPages: Int?
    /// As the server counts them; the docs' sample says 4 beside 3 results, so never trust it
    /// alone for the end of paging.
    public var totalResults: Int?
    public var extras = JSONObject()

    public init(results: [CampaignContact], page: Int? = nil, limit: Int? = nil, totalPages: Int? = nil,
                totalResults: Int? = nil) {
        self.results = results
        self.page = page
        self.limit = limit
        self.totalPages = totalPages
        self.totalResults = totalResults
    }
}

/// Counts of a campaign's contacts by outcome, plus the attempts made so far.
public struct OutcomeTally: Equatable, Sendable {
    public var connected = 0
    public var noAnswer = 0
    public var busy = 0
    public var failed = 0
    public var inProgress = 0
    public var other = 0
    /// Sum of `numberOfAttemptsSoFar`.
    public var attempts = 0
    /// Every contact counted.
    public var total = 0

    public init() {}

    /// The tally of `contacts`.
    public init<S: Sequence>(_ contacts: S) where S.Element == CampaignContact {
        for contact in contacts { add(contact) }
    }

    /// Contacts with a final outcome (everything but in progress).
    public var finalCount: Int { total - inProgress }

    /// Connected as a percentage (0–100) of the contacts with a final outcome; nil while none is final.
    public var connectedPercent: Double? {
        finalCount > 0 ? Double(connected) * 100 / Double(finalCount) : nil
    }

    /// Counts one more contact.
    public mutating func add(_ contact: CampaignContact) {
        switch contact.outcome {
        case .connected: connected += 1
        case .noAnswer: noAnswer += 1
        case .busy: busy += 1
        case .failed: failed += 1
        case .inProgress: inProgress += 1
        case .other: other += 1
        }
        attempts += contact.numberOfAttemptsSoFar
        total += 1
    }

    /// The tally of two disjoint sets of contacts (for example two pages).
    public static func + (lhs: OutcomeTally, rhs: OutcomeTally) -> OutcomeTally {
        var sum = lhs
        sum.connected += rhs.connected
        sum.noAnswer += rhs.noAnswer
        sum.busy += rhs.busy
        sum.failed += rhs.failed
        sum.inProgress += rhs.inProgress
        sum.other += rhs.other
        sum.attempts += rhs.attempts
        sum.total += rhs.total
        return sum
    }
}

/// One number of a contact list (`getAllContacts`).
public struct ContactListContact: Equatable, Sendable {
    /// "cc-…", from `_id`.
    public var id: String?
    public var phoneNumber: String
    public var createdAt: String?
    public var updatedAt: String?
    public var extras = JSONObject()

    public init(id: String? = nil, phoneNumber: String, createdAt: String? = nil, updatedAt: String? = nil) {
        self.id = id
        self.phoneNumber = phoneNumber
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One page of a contact list's contacts.
public struct ContactListContactsPage: Equatable, Sendable {
    public var results: [ContactListContact]
    public var skip: Int?
    public var limit: Int?
    public var hasMore: Bool?
    public var totalPages: Int?
    public var totalResults: Int?
    public var extras = JSONObject()

    public init(results: [ContactListContact], skip: Int? = nil, limit: Int? = nil, hasMore: Bool? = nil,
                totalPages: Int? = nil, totalResults: Int? = nil) {
        self.results = results
        self.skip = skip
        self.limit = limit
        self.hasMore = hasMore
        self.totalPages = totalPages
        self.totalResults = totalResults
    }
}
