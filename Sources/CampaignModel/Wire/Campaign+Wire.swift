import Foundation

/// Why a value could not be read as a campaign at all.
public struct WireFormatError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Response fields the docs describe that `Campaign` does not model one by one.
let documentedServerFields: Set<String> = [
    "isImported", "isFiltersEnabled", "totalMessagesSent", "campaignExecutionType",
    "campaignInstanceUpdatedAt", "direction", "totalCallsCompleted",
]

extension Campaign {
    /// Reads a campaign from any documented request or response shape. Only a non-object
    /// fails; every field it cannot understand is kept in `extras` as it came.
    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue else { throw WireFormatError("a campaign must be a JSON object") }
        var reader = ObjectReader(object)
        self.init(type: nil, name: reader.string("name") ?? "")
        id = reader.take(anyOf: ["_id", "id"]) { $0.stringValue }
        lname = reader.string("lname")
        status = reader.take("status") { $0.stringValue.map(CampaignStatus.tolerant) }
        createdAt = reader.string("createdAt")
        updatedAt = reader.string("updatedAt")
        campaignInstanceId = reader.string("campaignInstanceId")
        type = reader.take("campaignType") { $0.stringValue.map(CampaignType.tolerant) }
        description = reader.string("description")
        priority = reader.int("priority")
        contactLists = reader.stringArray("contactLists") ?? []
        dncList = reader.take("dncLists", DNCListRef.read)
        dialingStrategy = reader.take("dialingStrategy", DialingStrategy.read)
        schedule = reader.take("schedule", CampaignSchedule.read)
        experienceFlowName = reader.string("experienceFlowName")
        experienceFlowId = reader.string("experienceFlow")
        format = reader.take("format") { $0.stringValue.map(SMSFormat.tolerant) }
        message = reader.take("message", SMSMessage.read)
        dialingMode = reader.take("dialingMode") { $0.stringValue.map(DialingMode.tolerant) }
        machineDetection = reader.take("enableMachineDetect", MachineDetection.read)
        queueName = reader.string("queue_name")
        connection = reader.string("connection")
        maxSkips = reader.int("maxSkips")
        // In the server's order (a Set's order changes from run to run, and so would the output's).
        for key in object.keys where documentedServerFields.contains(key) {
            if let value = reader.take(key, { $0 }) { serverFields[key] = value }
        }
        extras = reader.rest
        if type == nil { type = inferredType }
    }

    /// Parses JSON text holding one campaign.
    public init(jsonData: Data) throws {
        try self.init(json: JSONValue.parse(jsonData))
    }

    /// The type the fields imply when `campaignType` is absent, as in responses.
    private var inferredType: CampaignType? {
        if dialingMode != nil || machineDetection != nil || queueName != nil || connection != nil || maxSkips != nil {
            return .voice
        }
        if format != nil || message != nil || serverFields["totalMessagesSent"] != nil { return .sms }
        return nil
    }

    /// The campaign as a resource, in the response shape plus `campaignType`: every field it
    /// holds, known or not. `Campaign(json:)` reads it back to an equal value.
    public var resourceJSON: JSONValue {
        var writer = ObjectWriter()
        writer.set("_id", id)
        writer.set("campaignType", type?.rawValue)
        writer.set("name", name)
        writer.set("lname", lname)
        writer.set("description", description)
        writer.set("status", status?.rawValue)
        writer.set("dncLists", dncList?.json(includeId: true))
        writer.set("priority", priority.map(String.init))
        writer.set("format", format?.rawValue)
        writer.set("message", message?.json)
        writer.set("dialingMode", dialingMode?.rawValue)
        writer.set("dialingStrategy", dialingStrategy?.json(forRequest: false))
        writer.set("experienceFlowName", experienceFlowName)
        writer.set("experienceFlow", experienceFlowId)
        writer.set("enableMachineDetect", machineDetection.map(Self.resourceValue))
        writer.set("queue_name", queueName)
        writer.set("connection", connection)
        writer.set("maxSkips", maxSkips)
        writer.set("campaignInstanceId", campaignInstanceId)
        writer.set("createdAt", createdAt)
        writer.set("updatedAt", updatedAt)
        writer.set("schedule", schedule?.json(forRequest: false))
        writer.set("contactLists", contactLists)
        writer.appendMissing(serverFields)
        writer.appendMissing(extras)
        return writer.value
    }

    private static func resourceValue(_ detection: MachineDetection) -> JSONValue {
        detection == .enabled ? .bool(true) : .string(detection.rawValue)
    }
}

extension Campaign: Codable {
    public init(from decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try resourceJSON.encode(to: encoder)
    }
}

extension DNCListRef {
    static func read(_ value: JSONValue) -> DNCListRef? {
        guard let object = value.objectValue else { return nil }
        var reader = ObjectReader(object)
        var ref = DNCListRef(id: reader.string("id"), name: reader.string("name"))
        ref.extras = reader.rest
        return ref
    }

    func json(includeId: Bool) -> JSONObject {
        var writer = ObjectWriter()
        if includeId { writer.set("id", id) }
        writer.set("name", name)
        writer.appendMissing(extras)
        return writer.object
    }
}

extension CampaignSchedule {
    static func read(_ value: JSONValue) -> CampaignSchedule? {
        guard let object = value.objectValue else { return nil }
        var reader = ObjectReader(object)
        var schedule = CampaignSchedule(
            isSchedulingEnabled: reader.bool("isSchedulingEnabled"),
            isRecurrenceEnabled: reader.bool("isRecurrenceEnabled"))
        schedule.extras = reader.rest
        return schedule
    }

    func json(forRequest: Bool) -> JSONObject {
        var writer = ObjectWriter()
        writer.set("isSchedulingEnabled", isSchedulingEnabled ?? (forRequest ? false : nil))
        if !forRequest { writer.set("isRecurrenceEnabled", isRecurrenceEnabled) }
        writer.appendMissing(extras)
        return writer.object
    }
}

extension SMSMessage {
    static func read(_ value: JSONValue) -> SMSMessage? {
        guard let object = value.objectValue else { return nil }
        var reader = ObjectReader(object)
        guard let encoded = reader.string("message") else { return nil }
        var message = SMSMessage(
            encoded: encoded, templateName: reader.string("template_name"), templateId: reader.string("templateId"))
        message.extras = reader.rest
        return message
    }

    var json: JSONObject {
        var writer = ObjectWriter()
        writer.set("template_name", templateName)
        writer.set("templateId", templateId)
        writer.set("message", encoded)
        writer.appendMissing(extras)
        return writer.object
    }
}

extension DialingStrategy {
    static func read(_ value: JSONValue) -> DialingStrategy? {
        guard let object = value.objectValue else { return nil }
        var reader = ObjectReader(object)
        var strategy = DialingStrategy()
        if let callerObject = reader.object("callerId") {
            var callerReader = ObjectReader(callerObject)
            strategy.callerId = callerReader.string("phoneNumber")
            strategy.callerIdExtras = callerReader.rest
        }
        strategy.callingHours = reader.take("callingHours", CallingHours.read)
        strategy.dialingOrder = reader.take("dialingOrder") { $0.stringValue.map(DialingOrder.tolerant) }
        strategy.maxAttemptsPerRecord = reader.int("maxAttemptsPerRecord")
        strategy.defaultRetryPeriod = reader.int("defaultRetryPeriod")
        strategy.maxRingTime = reader.int("maxRingTime")
        strategy.useSystemMappings = reader.bool("useSystemMappings")
        strategy.extras = reader.rest
        return strategy
    }

    /// The strategy as JSON. Requests carry only what the client may set; the voice-only
    /// numbers are left out of SMS requests by the request builder.
    /// `canonicalTimes` writes every time as "h:mm AM/PM" (creates); updates send the days as held.
    func json(forRequest: Bool, includeVoiceFields: Bool = true, canonicalTimes: Bool? = nil) -> JSONObject {
        var writer = ObjectWriter()
        if callerId != nil || !callerIdExtras.isEmpty {
            var caller = ObjectWriter()
            caller.set("phoneNumber", callerId)
            caller.appendMissing(callerIdExtras)
            writer.set("callerId", caller.object)
        }
        writer.set("callingHours", callingHours?.json(forRequest: forRequest, canonicalTimes: canonicalTimes ?? forRequest))
        if includeVoiceFields {
            writer.set("dialingOrder", dialingOrder?.rawValue)
            writer.set("maxAttemptsPerRecord", maxAttemptsPerRecord)
            writer.set("defaultRetryPeriod", defaultRetryPeriod)
            writer.set("maxRingTime", maxRingTime)
        }
        if !forRequest { writer.set("useSystemMappings", useSystemMappings) }
        writer.appendMissing(extras)
        return writer.object
    }
}

extension CallingHours {
    static func read(_ value: JSONValue) -> CallingHours? {
        guard let object = value.objectValue else { return nil }
        var reader = ObjectReader(object)
        var hours = CallingHours(
            frequency: reader.take("frequency") { $0.stringValue.map(CallingFrequency.tolerant) },
            timezone: reader.string("timezone"))
        hours.days = reader.take("days") { value -> [CallingDay]? in
            guard let array = value.arrayValue else { return nil }
            let days = array.compactMap(CallingDay.read)
            return days.count == array.count ? days : nil
        } ?? []
        hours.extras = reader.rest
        return hours
    }

    /// Creates write every time in the canonical "h:mm AM/PM" form when it parses; updates send
    /// the days exactly as the campaign holds them (a day the user did not touch is the server's).
    func json(forRequest: Bool, canonicalTimes: Bool? = nil) -> JSONObject {
        var writer = ObjectWriter()
        writer.set("frequency", frequency?.rawValue)
        writer.set("timezone", timezone)
        writer.set("days", .array(days.map { $0.json(canonical: canonicalTimes ?? forRequest) }))
        writer.appendMissing(extras)
        return writer.object
    }
}

extension CallingDay {
    static func read(_ value: JSONValue) -> CallingDay? {
        guard let object = value.objectValue else { return nil }
        var reader = ObjectReader(object)
        var day = CallingDay(
            day: reader.string("day") ?? "", start: reader.string("start") ?? "", end: reader.string("end") ?? "")
        day.extras = reader.rest
        return day
    }

    func json(canonical: Bool) -> JSONValue {
        func time(_ text: String) -> String {
            guard canonical, let parsed = ClockTime(parsing: text) else { return text }
            return parsed.formatted
        }
        var writer = ObjectWriter()
        writer.set("day", canonical ? day.uppercased() : day)
        writer.set("start", time(start))
        writer.set("end", time(end))
        writer.appendMissing(extras)
        return writer.value
    }
}
