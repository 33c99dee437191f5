import Foundation

/// Which campaigns a compliance rule speaks to.
public enum ComplianceChannel: String, CaseIterable, Sendable {
    case voice, sms, both

    /// Whether a campaign of `type` is covered; a campaign of unknown type is covered by every rule.
    public func covers(_ type: CampaignType?) -> Bool {
        guard let type, type.isKnown, self != .both else { return true }
        return (self == .voice) == (type == .voice)
    }
}

/// A regulator's calling window: the local hours and days at the called party's location during
/// which calls (or messages) may be placed, for recipients in `zones`.
///
/// What the format expresses: allowed windows per weekday (so "9 AM–6 PM weekdays, 10 AM–5 PM
/// Saturdays, never on Sundays" is one rule), the channel, and the recipient zones. What it
/// cannot express: public holidays (state or federal), states of emergency, per-recipient
/// consent or business-relationship exemptions, call-frequency caps, and which state a number
/// belongs to (a rule is checked in every zone it lists).
public struct ComplianceRule: Equatable, Sendable {
    /// "us-federal", "us-fl", "in-trai": what a profile's `compliance:` list names.
    public let id: String
    /// A short label for messages: "TCPA", "Florida".
    public let name: String
    /// "United States", "Florida (US)", "India".
    public let region: String
    /// IANA zones of the recipients the rule covers, checked one by one.
    public let zones: [String]
    /// The allowed local hours, per weekday; a day without windows allows no calls.
    public let allowed: WeekSchedule
    public let channel: ComplianceChannel
    /// "47 CFR 64.1200(c)(1)". Every rule has one.
    public let citation: String
    /// What the rule leaves out (holidays, …), said in `lint --explain`-like listings.
    public let note: String?

    public init(id: String, name: String, region: String, zones: [String], allowed: WeekSchedule,
                channel: ComplianceChannel, citation: String, note: String? = nil) {
        self.id = id
        self.name = name
        self.region = region
        self.zones = zones
        self.allowed = allowed
        self.channel = channel
        self.citation = citation
        self.note = note
    }

    /// The allowed hours of `day` in compact form: "8 AM–9 PM", "9 AM–6 PM", or "no calls on SU".
    public func allowedDescription(on day: Weekday) -> String {
        let windows = allowed.windows(on: day)
        guard !windows.isEmpty else { return "no calls on \(day.code)" }
        return windows.map { Self.compact($0.start) + "–" + Self.compact($0.end) }.joined(separator: ", ")
    }

    /// "8 AM", "8:30 PM", "12 AM" (midnight).
    static func compact(_ minutes: Int) -> String {
        let text = ClockTime(minutes: minutes)!.formatted
        return text.replacingOccurrences(of: ":00 ", with: " ")
    }
}

/// A rule file entry that cannot be read, naming the field.
public struct ComplianceRuleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The rule's top-level key at fault ("hours", "zones"), or "" for the entry as a whole.
    public let field: String
    public let message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}

extension ComplianceRule {
    /// Reads one entry of a rules file:
    ///
    ///     id: us-fl
    ///     name: Florida
    ///     region: Florida (US)
    ///     zones: [America/New_York, America/Chicago]
    ///     channel: both                      # voice, sms or both
    ///     hours:
    ///       - {days: [MO, TU, WE, TH, FR, SA, SU], start: "8:00 AM", end: "8:00 PM"}
    ///     citation: Fla. Stat. § 501.616(6)(a)
    ///     note: holidays are not modelled     # optional
    public init(json: JSONValue) throws(ComplianceRuleError) {
        guard let object = json.objectValue else { throw ComplianceRuleError(field: "", "each rule must be a mapping (id:, zones:, hours:, …)") }
        let known: Set<String> = ["id", "name", "region", "zones", "channel", "hours", "citation", "note"]
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw ComplianceRuleError(field: unknown, "is not a rule field (\(known.sorted().joined(separator: ", ")))")
        }
        func text(_ key: String, required: Bool = true) throws(ComplianceRuleError) -> String? {
            guard let value = object[key], !value.isNull else {
                if required { throw ComplianceRuleError(field: key, "is required") }
                return nil
            }
            guard let string = value.stringValue?.trimmingCharacters(in: .whitespaces), !string.isEmpty else {
                throw ComplianceRuleError(field: key, "must be text")
            }
            return string
        }
        let id = try text("id")!
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw ComplianceRuleError(field: "id", "\"\(id)\" may hold only letters, digits, - and _")
        }
        let citation = try text("citation")!
        let channelText = try text("channel")!
        guard let channel = ComplianceChannel(rawValue: channelText.lowercased()) else {
            throw ComplianceRuleError(field: "channel", "\"\(channelText)\" is not voice, sms or both")
        }
        guard let zoneList = object["zones"]?.arrayValue, !zoneList.isEmpty else {
            throw ComplianceRuleError(field: "zones", "must list at least one IANA zone, such as [America/New_York]")
        }
        var zones: [String] = []
        for value in zoneList {
            guard let zone = value.stringValue, IANAZones.zone(zone) != nil else {
                throw ComplianceRuleError(field: "zones", "\"\(value.stringValue ?? value.serialized())\" is not an IANA time zone such as America/Chicago")
            }
            zones.append(zone)
        }
        guard let hours = object["hours"]?.arrayValue, !hours.isEmpty else {
            throw ComplianceRuleError(field: "hours", "must list the allowed windows, such as [{days: [MO, TU], start: \"8:00 AM\", end: \"9:00 PM\"}]")
        }
        var allowed = WeekSchedule()
        for (index, entry) in hours.enumerated() {
            let path = "hours[\(index)]"
            guard let window = entry.objectValue, let days = window["days"]?.arrayValue, !days.isEmpty,
                  let startText = window["start"]?.stringValue, let endText = window["end"]?.stringValue else {
                throw ComplianceRuleError(field: "hours", "\(path) must have days: [MO, …], start: and end:")
            }
            guard let start = ClockTime(parsing: startText) else {
                throw ComplianceRuleError(field: "hours", "\(path).start \"\(startText)\" is not a time; write it like 8:00 AM")
            }
            guard let end = ClockTime(parsing: endText) else {
                throw ComplianceRuleError(field: "hours", "\(path).end \"\(endText)\" is not a time; write it like 9:00 PM")
            }
            let endMinutes = end.minutes == 0 ? 1440 : end.minutes
            guard let span = TimeWindow(start: start.minutes, end: endMinutes) else {
                throw ComplianceRuleError(field: "hours", "\(path) must end after it starts (\(start.formatted)–\(end.formatted))")
            }
            for value in days {
                guard let code = value.stringValue, let day = Weekday(code: code) else {
                    throw ComplianceRuleError(field: "hours", "\(path).days: \"\(value.stringValue ?? value.serialized())\" is not MO, TU, WE, TH, FR, SA or SU")
                }
                allowed.add(span, on: day)
            }
        }
        self.init(id: id, name: try text("name", required: false) ?? id, region: try text("region", required: false) ?? "",
                  zones: zones, allowed: allowed, channel: channel, citation: citation, note: try text("note", required: false))
    }
}
