/// A string-backed value with a set of documented members. A value the docs do not list is
/// kept exactly as it came instead of failing the decode; `isKnown` tells the two apart.
public protocol OpenEnum: RawRepresentable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
    /// The documented values, in the order the docs list them.
    static var known: [Self] { get }
}

extension OpenEnum {
    public var isKnown: Bool { Self.known.contains(self) }
    public var description: String { rawValue }

    /// The documented value equal to `text` ignoring case, else `text` kept as it is.
    public static func tolerant(_ text: String) -> Self {
        known.first { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame } ?? Self(rawValue: text)
    }
}

/// `sms` or `voice`.
public struct CampaignType: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let sms = CampaignType(rawValue: "sms")
    public static let voice = CampaignType(rawValue: "voice")
    public static let known: [CampaignType] = [.sms, .voice]
}

/// A campaign's lifecycle state as the server reports it.
public struct CampaignStatus: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let active = CampaignStatus(rawValue: "Active")
    public static let completed = CampaignStatus(rawValue: "Completed")
    public static let ready = CampaignStatus(rawValue: "Ready")
    public static let paused = CampaignStatus(rawValue: "Paused")
    public static let preparing = CampaignStatus(rawValue: "Preparing")
    public static let stopped = CampaignStatus(rawValue: "Stopped")
    public static let scheduled = CampaignStatus(rawValue: "Scheduled")
    public static let rescheduled = CampaignStatus(rawValue: "Rescheduled")
    public static let known: [CampaignStatus] = [
        .active, .completed, .ready, .paused, .preparing, .stopped, .scheduled, .rescheduled,
    ]
}

/// How a voice campaign places calls.
public struct DialingMode: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Calls run an experience flow; no agent.
    public static let agentless = DialingMode(rawValue: "Agentless")
    /// Calls are placed as agents in `queue_name` become free.
    public static let progressive = DialingMode(rawValue: "Progressive")
    /// An agent previews each record before the call; `maxSkips` limits skipping.
    public static let preview = DialingMode(rawValue: "Preview")
    public static let known: [DialingMode] = [.agentless, .progressive, .preview]
}

/// How an SMS campaign's message is produced.
public struct SMSFormat: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A fixed message, optionally from a template.
    public static let simple = SMSFormat(rawValue: "simple")
    /// An experience flow drives the conversation.
    public static let advanced = SMSFormat(rawValue: "advanced")
    public static let known: [SMSFormat] = [.simple, .advanced]
}

/// The calling-hours frequency. See `CallingHours` for what each means for the days array.
public struct CallingFrequency: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let weekly = CallingFrequency(rawValue: "WEEKLY")
    public static let daily = CallingFrequency(rawValue: "DAILY")
    public static let custom = CallingFrequency(rawValue: "CUSTOM")
    public static let known: [CallingFrequency] = [.weekly, .daily, .custom]
}

/// The order in which a voice campaign works through its records.
public struct DialingOrder: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let fifo = DialingOrder(rawValue: "FIFO")
    public static let lifo = DialingOrder(rawValue: "LIFO")
    public static let known: [DialingOrder] = [.fifo, .lifo]
}

/// Answering-machine detection for agentless voice campaigns. Requests send `no`, `detect` or
/// `disconnect`; responses send a boolean, so `true` without detail reads as `enabled`.
public struct MachineDetection: OpenEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let off = MachineDetection(rawValue: "no")
    public static let detect = MachineDetection(rawValue: "detect")
    public static let disconnect = MachineDetection(rawValue: "disconnect")
    /// The server said detection is on (`true`) without saying which kind.
    public static let enabled = MachineDetection(rawValue: "enabled")
    public static let known: [MachineDetection] = [.off, .detect, .disconnect, .enabled]

    /// Reads either the request string or the response boolean.
    static func read(_ value: JSONValue) -> MachineDetection? {
        switch value {
        case .bool(let on): return on ? .enabled : .off
        case .string(let text) where !text.isEmpty: return .tolerant(text)
        default: return nil
        }
    }

    /// The value a request carries: `enabled` is sent as `detect`.
    public var requestValue: String { self == .enabled ? MachineDetection.detect.rawValue : rawValue }

    public var isOn: Bool { self != .off }
}
