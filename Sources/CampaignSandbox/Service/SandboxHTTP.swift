import CampaignModel
import Foundation

/// A request as the sandbox service sees it, free of any HTTP library.
public struct SandboxRequest: Sendable {
    public var method: String
    public var path: String
    public var query: [String: String]
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: Data

    public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
                body: Data = Data()) {
        self.method = method.uppercased()
        self.path = path
        self.query = query
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }
}

/// A JSON response with its status code and any extra headers. The body is kept as the text
/// that goes on the wire, so that a response served from a cache is the same bytes.
public struct SandboxResponse: Sendable {
    public var status: Int
    /// The body as sent: compact JSON in key order.
    public var text: String
    public var headers: [(String, String)]

    public init(status: Int = 200, body: JSONValue, headers: [(String, String)] = []) {
        self.init(status: status, text: body.serialized(), headers: headers)
    }

    /// A response whose body is already serialized (`JSONValue.serialized()`).
    init(status: Int = 200, text: String, headers: [(String, String)] = []) {
        self.status = status
        self.text = text
        self.headers = headers
    }

    /// The body as values (parsed from `text`).
    public var body: JSONValue { (try? JSONValue.parse(text)) ?? .null }
}

/// An error the sandbox answers with. Every error has one body shape, documented in the README:
///
///     {"status": "error", "code": 400, "message": "one line",
///      "errors": [{"path": "dialingStrategy.maxRingTime", "message": "…"}]}
///
/// `errors` lists every field problem for 400s and is empty otherwise.
struct SandboxError: Error {
    let status: Int
    let message: String
    var issues: [ValidationIssue] = []
    var headers: [(String, String)] = []

    static func badRequest(_ message: String, _ issues: [ValidationIssue] = []) -> SandboxError {
        SandboxError(status: 400, message: message, issues: issues)
    }
    static func unauthorized(_ message: String) -> SandboxError { SandboxError(status: 401, message: message) }
    static func notFound(_ message: String) -> SandboxError { SandboxError(status: 404, message: message) }
    static func conflict(_ message: String) -> SandboxError { SandboxError(status: 409, message: message) }

    static func invalid(_ issues: [ValidationIssue]) -> SandboxError {
        let summary = issues.count == 1 ? "1 field is invalid" : "\(issues.count) fields are invalid"
        return .badRequest("\(summary): \(issues.map(\.description).joined(separator: "; "))", issues)
    }

    var response: SandboxResponse {
        let errors = JSONValue.array(issues.map { ["path": .string($0.path), "message": .string($0.message)] })
        let body: JSONValue = [
            "status": "error", "code": .number(Double(status)), "message": .string(message), "errors": errors,
        ]
        return SandboxResponse(status: status, body: body, headers: headers)
    }
}
