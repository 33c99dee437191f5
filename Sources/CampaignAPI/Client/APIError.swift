import CampaignModel
import Foundation

/// A failed API call, with a one-line message a supervisor can act on, the server's own text
/// and, for 400s, the field problems with their paths.
public struct APIError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        case unauthorized, forbidden, notFound, invalid, conflict, rateLimited, server
        case timeout, cannotConnect, badResponse, insecureHost, configuration
    }

    public let kind: Kind
    /// The HTTP status, when there was one.
    public let status: Int?
    /// What to tell the user.
    public let summary: String
    /// The server's message, as sent.
    public let serverMessage: String?
    /// Field problems of a 400.
    public let issues: [ValidationIssue]
    /// Seconds the server asked to wait (429).
    public let retryAfter: Double?

    public init(kind: Kind, status: Int? = nil, summary: String, serverMessage: String? = nil,
                issues: [ValidationIssue] = [], retryAfter: Double? = nil) {
        self.kind = kind
        self.status = status
        self.summary = summary
        self.serverMessage = serverMessage
        self.issues = issues
        self.retryAfter = retryAfter
    }

    public var description: String {
        var text = summary
        if let serverMessage, !serverMessage.isEmpty, !summary.contains(serverMessage) { text += " (server: \(serverMessage))" }
        return text
    }

    /// Reads an error response: any JSON body with `message` and `errors[].path/message` (the
    /// sandbox's documented shape), or plain text.
    static func from(status: Int, body: Data, retryAfter: Double?, operation: APIOperation) -> APIError {
        let json = try? JSONValue.parse(body)
        let object = json?.objectValue
        let message = object?["message"]?.stringValue ?? object?["error"]?.stringValue
            ?? String(data: body.prefix(300), encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines)
        let issues = (object?["errors"]?.arrayValue ?? []).compactMap { item -> ValidationIssue? in
            guard let entry = item.objectValue, let text = entry["message"]?.stringValue ?? entry["msg"]?.stringValue else { return nil }
            return ValidationIssue(path: entry["path"]?.stringValue ?? entry["field"]?.stringValue ?? "", message: text)
        }
        switch status {
        case 400:
            return APIError(kind: .invalid, status: status, summary: issues.isEmpty
                ? "request refused: \(message ?? "the server found the request invalid")"
                : "request refused: \(issues.count) field\(issues.count == 1 ? "" : "s") invalid — \(issues.map(\.description).joined(separator: "; "))",
                serverMessage: message, issues: issues)
        case 401:
            return APIError(kind: .unauthorized, status: status,
                            summary: "credentials rejected: check clientId, clientSecret and the app's API scope", serverMessage: message)
        case 403:
            return APIError(kind: .forbidden, status: status,
                            summary: "not allowed: the app lacks the Campaign Management API scope", serverMessage: message)
        case 404:
            let what = operation == .getContactList ? "contact list" : "campaign"
            return APIError(kind: .notFound, status: status, summary: "not found: no such \(what) (or a wrong host or stream id)",
                            serverMessage: message)
        case 409:
            return APIError(kind: .conflict, status: status, summary: "conflict: \(message ?? "the campaign's state does not allow this")",
                            serverMessage: message)
        case 429:
            return APIError(kind: .rateLimited, status: status,
                            summary: "rate limited: the server asks to wait\(retryAfter.map { " " + RetryAfter.describe($0) } ?? "") before retrying",
                            serverMessage: message, retryAfter: retryAfter)
        default:
            return APIError(kind: .server, status: status, summary: "server error \(status): try again in a moment", serverMessage: message)
        }
    }
}
