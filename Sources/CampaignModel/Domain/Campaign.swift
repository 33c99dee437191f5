import Foundation

/// An SMS or voice campaign as the Campaign Management API v2 describes it. One type serves
/// both kinds so that lists, forms and diffs treat them alike; `type` says which it is and the
/// kind-specific fields are nil on the other kind.
public struct Campaign: Equatable, Sendable {
    // Identity and bookkeeping, set by the server.
    /// `_id` (or `id` in some responses), e.g. "cd-…".
    public var id: String?
    /// The lower-cased name the server derives.
    public var lname: String?
    public var status: CampaignStatus?
    /// ISO-8601 timestamps, kept as the server wrote them.
    public var createdAt: String?
    public var updatedAt: String?
    /// `campaignInstanceId` of the latest run, "cid-…".
    public var campaignInstanceId: String?

    // Common fields.
    public var type: CampaignType?
    /// 1–48 characters.
    public var name: String
    /// Up to 256 characters.
    public var description: String?
    /// 1 (lowest) to 5 (highest). Sent as a string, read as a string or a number.
    public var priority: Int?
    /// Contact lists by name.
    public var contactLists: [String]
    public var dncList: DNCListRef?
    public var dialingStrategy: DialingStrategy?
    public var schedule: CampaignSchedule?
    /// Name of the experience flow (advanced SMS, agentless voice) as requests send it.
    public var experienceFlowName: String?
    /// The experience flow's id ("cf-…") as responses report it.
    public var experienceFlowId: String?

    // SMS.
    public var format: SMSFormat?
    public var message: SMSMessage?

    // Voice.
    public var dialingMode: DialingMode?
    public var machineDetection: MachineDetection?
    /// `queue_name`: the agent queue (progressive and preview modes).
    public var queueName: String?
    /// `connection`: the queue as list responses name it.
    public var connection: String?
    /// Preview mode: how many records an agent may skip.
    public var maxSkips: Int?

    /// Documented response-only fields this type does not model (`isImported`,
    /// `totalMessagesSent`, …): written back in the resource form, never sent in requests.
    public var serverFields = JSONObject()
    /// Fields the docs do not describe: kept through decode → encode and sent back on update.
    public var extras = JSONObject()

    public init(type: CampaignType?, name: String, contactLists: [String] = []) {
        self.type = type
        self.name = name
        self.contactLists = contactLists
    }

    /// The kind of SMS campaign or voice campaign, as the create forms distinguish them.
    public var variant: CampaignVariant? {
        switch type {
        case .sms?:
            if format == .advanced { return .smsAdvanced }
            if format == .simple { return message?.usesTemplate == true ? .smsTemplate : .smsSimple }
            return nil
        case .voice?:
            switch dialingMode {
            case .agentless?: return .voiceAgentless
            case .progressive?: return .voiceProgressive
            case .preview?: return .voicePreview
            default: return nil
            }
        default: return nil
        }
    }

    /// The agent queue, whichever field carried it.
    public var effectiveQueue: String? { queueName ?? connection }

    /// `updatedAt` as an instant, if it parses.
    public var updatedDate: Date? { updatedAt.flatMap(ISOTimestamp.parse) }
    /// `createdAt` as an instant, if it parses.
    public var createdDate: Date? { createdAt.flatMap(ISOTimestamp.parse) }
}

/// The six documented ways to create a campaign.
public enum CampaignVariant: String, CaseIterable, Sendable {
    case smsSimple = "SMS simple"
    case smsTemplate = "SMS using a template"
    case smsAdvanced = "SMS advanced"
    case voiceAgentless = "Voice agentless"
    case voiceProgressive = "Voice progressive"
    case voicePreview = "Voice preview"

    public var type: CampaignType {
        switch self {
        case .smsSimple, .smsTemplate, .smsAdvanced: return .sms
        default: return .voice
        }
    }
}

/// ISO-8601 timestamps with or without fractional seconds, as the API writes them.
public enum ISOTimestamp {
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }

    /// "2025-12-05T08:16:19.398Z".
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
