/// How and when a campaign reaches its contacts.
public struct DialingStrategy: Equatable, Sendable {
    /// The number (or SMS sender) shown to contacts, E.164.
    public var callerId: String?
    public var callingHours: CallingHours?
    /// Voice only: FIFO or LIFO.
    public var dialingOrder: DialingOrder?
    /// Voice only: 1–100 attempts per record.
    public var maxAttemptsPerRecord: Int?
    /// Voice only: minutes between attempts, 1–1440.
    public var defaultRetryPeriod: Int?
    /// Voice only: seconds a call rings before giving up, 5–120.
    public var maxRingTime: Int?
    /// Reported by the server; never sent.
    public var useSystemMappings: Bool?
    /// Fields of `callerId` other than `phoneNumber`, kept for round trips.
    public var callerIdExtras = JSONObject()
    /// Undocumented fields, kept for round trips.
    public var extras = JSONObject()

    public init(
        callerId: String? = nil, callingHours: CallingHours? = nil, dialingOrder: DialingOrder? = nil,
        maxAttemptsPerRecord: Int? = nil, defaultRetryPeriod: Int? = nil, maxRingTime: Int? = nil,
        useSystemMappings: Bool? = nil
    ) {
        self.callerId = callerId
        self.callingHours = callingHours
        self.dialingOrder = dialingOrder
        self.maxAttemptsPerRecord = maxAttemptsPerRecord
        self.defaultRetryPeriod = defaultRetryPeriod
        self.maxRingTime = maxRingTime
        self.useSystemMappings = useSystemMappings
    }
}

/// When a campaign may contact people, in the campaign's own time zone.
///
/// Every frequency is evaluated from the days array literally: a day that is not listed is
/// closed, and a day may list several windows, under any frequency (the docs set no limit, and
/// the server holds WEEKLY campaigns with split windows). Switchboard's beliefs about the shape
/// are warnings, never refusals:
/// - `WEEKLY`: usually one window a listed day; several are kept and saved as they are;
/// - `DAILY`: the same windows on all seven days; Switchboard writes all seven entries;
/// - `CUSTOM`: any windows on any days (split shifts).
///
/// Windows never cross midnight: "10:00 PM"–"2:00 AM" is rejected with a message saying to split
/// it into two days' windows. An end of "12:00 AM" means midnight at the end of that day.
public struct CallingHours: Equatable, Sendable {
    public var frequency: CallingFrequency?
    /// IANA identifier, e.g. "Asia/Kolkata".
    public var timezone: String?
    /// The days array as written on the wire: strings are kept exactly as the server sent them.
    public var days: [CallingDay]
    public var extras = JSONObject()

    public init(frequency: CallingFrequency? = nil, timezone: String? = nil, days: [CallingDay] = []) {
        self.frequency = frequency
        self.timezone = timezone
        self.days = days
    }
}

/// One entry of the days array: a day code and a window in "h:mm AM/PM".
public struct CallingDay: Equatable, Sendable {
    public var day: String
    public var start: String
    public var end: String
    public var extras = JSONObject()

    public init(day: String, start: String, end: String) {
        self.day = day
        self.start = start
        self.end = end
    }
}

/// A reference to a Do-Not-Call list: requests name it, responses add its id.
public struct DNCListRef: Equatable, Sendable {
    public var id: String?
    public var name: String?
    public var extras = JSONObject()

    public init(id: String? = nil, name: String? = nil) {
        self.id = id
        self.name = name
    }
}

/// A campaign's one-off schedule flags (the recurring schedule has its own endpoint).
public struct CampaignSchedule: Equatable, Sendable {
    public var isSchedulingEnabled: Bool?
    /// Reported by the server; never sent.
    public var isRecurrenceEnabled: Bool?
    public var extras = JSONObject()

    public init(isSchedulingEnabled: Bool? = nil, isRecurrenceEnabled: Bool? = nil) {
        self.isSchedulingEnabled = isSchedulingEnabled
        self.isRecurrenceEnabled = isRecurrenceEnabled
    }
}
