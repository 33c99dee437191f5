import CampaignModel
import Foundation

/// One field a write changed, as JSON text before and after (nil: absent).
public struct AuditChange: Equatable, Sendable {
    public var field: String
    public var before: String?
    public var after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }
}

/// One line of the audit log: a write attempt, whether it went through or not.
public struct AuditEntry: Equatable, Sendable {
    public var time: Date
    public var profile: String
    public var host: String
    /// "create", "update", "delete", "start", "stop", "schedule-enable", "schedule-disable",
    /// "contact-list-create", "contact-list-update", "contact-list-delete", "contact-list-import",
    /// "clone", "restore".
    public var operation: String
    public var campaignId: String?
    public var campaignName: String?
    public var contactListId: String?
    public var contactListName: String?
    public var changes: [AuditChange] = []
    /// Whether the server took it (a 2xx).
    public var succeeded: Bool
    /// The HTTP status, when a reply came.
    public var status: Int?
    /// The server's message, as sent.
    public var message: String?
    /// Why it failed, in the client's words (no reply, refused, …).
    public var error: String?
    public var durationMs: Int
    /// The snapshot written before the write, by file name.
    public var snapshot: String?
    /// More about the operation: "from cd-…" for a clone, the snapshot for a restore.
    public var detail: String?

    public init(time: Date, profile: String, host: String, operation: String, succeeded: Bool = false, durationMs: Int = 0) {
        self.time = time
        self.profile = profile
        self.host = host
        self.operation = operation
        self.succeeded = succeeded
        self.durationMs = durationMs
    }

    /// The entry as one JSON object, keys in a fixed order, absent values left out.
    public var json: JSONValue {
        var object = JSONObject([("time", .string(AuditTime.format(time))), ("profile", .string(profile)), ("host", .string(host)),
                                 ("operation", .string(operation))])
        let optional: [(String, String?)] = [("campaignId", campaignId), ("campaignName", campaignName),
                                             ("contactListId", contactListId), ("contactListName", contactListName)]
        for (key, value) in optional { if let value { object[key] = .string(value) } }
        if !changes.isEmpty {
            object["changes"] = .array(changes.map { change in
                var item = JSONObject([("field", .string(change.field))])
                item["before"] = change.before.map(JSONValue.string) ?? .null
                item["after"] = change.after.map(JSONValue.string) ?? .null
                return .object(item)
            })
        }
        object["result"] = .string(succeeded ? "ok" : "failed")
        if let status { object["status"] = .number(Double(status)) }
        if let message { object["message"] = .string(message) }
        if let error { object["error"] = .string(error) }
        object["durationMs"] = .number(Double(durationMs))
        if let snapshot { object["snapshot"] = .string(snapshot) }
        if let detail { object["detail"] = .string(detail) }
        return .object(object)
    }

    /// Reads a line the log wrote; nil when it is not one.
    public init?(json: JSONValue) {
        guard let object = json.objectValue, let timeText = object["time"]?.stringValue, let time = AuditTime.parse(timeText),
              let operation = object["operation"]?.stringValue else { return nil }
        self.init(time: time, profile: object["profile"]?.stringValue ?? "", host: object["host"]?.stringValue ?? "",
                  operation: operation, succeeded: object["result"]?.stringValue == "ok",
                  durationMs: object["durationMs"]?.intValue ?? 0)
        campaignId = object["campaignId"]?.stringValue
        campaignName = object["campaignName"]?.stringValue
        contactListId = object["contactListId"]?.stringValue
        contactListName = object["contactListName"]?.stringValue
        changes = (object["changes"]?.arrayValue ?? []).compactMap { item in
            guard let change = item.objectValue, let field = change["field"]?.stringValue else { return nil }
            return AuditChange(field: field, before: change["before"]?.stringValue, after: change["after"]?.stringValue)
        }
        status = object["status"]?.intValue
        message = object["message"]?.stringValue
        error = object["error"]?.stringValue
        snapshot = object["snapshot"]?.stringValue
        detail = object["detail"]?.stringValue
    }

    /// The entry with every text passed through `clean` (secrets and tokens hidden).
    public func redacted(_ clean: (String) -> String) -> AuditEntry {
        var copy = self
        copy.profile = clean(profile)
        copy.host = clean(host)
        copy.campaignId = campaignId.map(clean)
        copy.campaignName = campaignName.map(clean)
        copy.contactListId = contactListId.map(clean)
        copy.contactListName = contactListName.map(clean)
        copy.changes = changes.map { AuditChange(field: clean($0.field), before: $0.before.map(clean), after: $0.after.map(clean)) }
        copy.message = message.map(clean)
        copy.error = error.map(clean)
        copy.detail = detail.map(clean)
        return copy
    }
}

/// Timestamps of the journal: UTC, milliseconds, "2026-12-02T08:30:15.123Z".
public enum AuditTime {
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!))
    }

    public static func parse(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) ?? ISOTimestamp.parse(text)
    }
}

/// Hides tokens in text meant for a file: anything shaped like a JWT (three base64url parts
/// starting "eyJ") becomes "[redacted-jwt]".
public enum TokenMask {
    public static func mask(_ text: String) -> String {
        guard text.contains("eyJ") else { return text }
        return text.replacingOccurrences(of: #"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*"#, with: "[redacted-jwt]",
                                         options: .regularExpression)
    }
}
