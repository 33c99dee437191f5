import AsyncHTTPClient
import CampaignModel
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// The one place that speaks HTTP to the Campaign Management API. Every call throws `APIError`
/// (or `CancellationError` when its task is cancelled).
public final class CampaignClient: Sendable {
    public let profile: APIProfile
    public let options: ClientOptions
    let tokens: TokenProvider
    let http: HTTPClient
    let logger: Logger

    /// Checks the transport rules, then prepares signing. `logger` receives redacted traffic at
    /// debug level.
    public init(profile: APIProfile, options: ClientOptions = ClientOptions(),
                logger: Logger = Logger(label: "switchboard.api")) throws(APIError) {
        try profile.checkTransport()
        self.profile = profile
        self.options = options
        self.logger = logger
        tokens = try TokenProvider(source: profile.auth)
        http = HTTPClient.shared
    }

    /// Hides every secret this client knows in `text`.
    public func redact(_ text: String) async -> String {
        Redactor(await tokens.secrets).redact(text)
    }

    /// A raw response.
    struct Reply {
        let status: Int
        let body: Data
        let headers: HTTPHeaders
    }

    /// Sends one operation with retries as `ClientOptions` allows; non-2xx becomes `APIError`.
    func send(_ operation: APIOperation, parameters: [String: String] = [:], body: JSONValue? = nil) async throws -> JSONValue {
        let route = profile.route(for: operation)
        var values = parameters
        values["streamId"] = profile.streamId
        values["accountId"] = profile.accountId
        let (path, query) = route.resolve(values)
        var components = URLComponents()
        components.scheme = profile.host.scheme
        components.host = profile.host.host
        components.port = profile.host.port
        components.percentEncodedPath = profile.host.path.trimmingCharacters(in: CharacterSet(charactersIn: "/")).isEmpty
            ? path : "/" + profile.host.path.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path
        components.queryItems = query.isEmpty ? nil : query.map { URLQueryItem(name: $0.0, value: $0.1) }
        guard let url = components.url?.absoluteString else {
            throw APIError(kind: .configuration, summary: "cannot build a URL from host \(profile.host.absoluteString)")
        }
        let attempts = ClientOptions.idempotent.contains(operation) ? max(1, options.maxAttempts) : 1
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            do {
                let reply = try await execute(route.method, url: url, body: body)
                if (200..<300).contains(reply.status) { return try decode(reply, operation: operation) }
                let retryAfter = reply.headers.first(name: "Retry-After").flatMap(Double.init)
                let error = APIError.from(status: reply.status, body: reply.body, retryAfter: retryAfter, operation: operation)
                guard attempt < attempts, ClientOptions.retryableStatuses.contains(reply.status) else { throw error }
                let wait = options.backoff(attempt: attempt, retryAfter: retryAfter)
                logger.debug("retrying \(operation.rawValue) after HTTP \(reply.status) in \(wait)")
                try await Task.sleep(for: wait)
            } catch let error as TransportFailure {
                guard attempt < attempts else { throw error.apiError(host: profile.host) }
                let wait = options.backoff(attempt: attempt, retryAfter: nil)
                logger.debug("retrying \(operation.rawValue) after \(error.kind) in \(wait)")
                try await Task.sleep(for: wait)
            }
        }
    }

    /// A network-level failure: no HTTP status came back.
    struct TransportFailure: Error {
        enum Kind { case timeout, cannotConnect }
        let kind: Kind
        let detail: String

        func apiError(host: URL) -> APIError {
            switch kind {
            case .timeout:
                return APIError(kind: .timeout, summary: "timed out waiting for \(host.host ?? "the server"): check the network or try again")
            case .cannotConnect:
                return APIError(kind: .cannotConnect, summary:
                    "cannot reach \(host.absoluteString): is the host right and the server up? (\(detail))")
            }
        }
    }

    private func execute(_ method: String, url: String, body: JSONValue?) async throws -> Reply {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        let token = try await tokens.token()
        request.headers.add(name: "auth", value: token.revealed)
        request.headers.add(name: "iid", value: profile.iid)
        request.headers.add(name: "accountId", value: profile.accountId)
        request.headers.add(name: "Accept", value: "application/json")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body.serialized()))
        }
        let started = ContinuousClock.now
        logger.debug("→ \(method) \(url) auth=\(token.masked)")
        do {
            let response = try await http.execute(request, timeout: .nanoseconds(Int64(options.timeout.components.seconds) * 1_000_000_000
                + options.timeout.components.attoseconds / 1_000_000_000))
            let buffer = try await response.body.collect(upTo: 256 << 20)
            logger.debug("← \(response.status.code) \(method) \(url) in \(ContinuousClock.now - started)")
            return Reply(status: Int(response.status.code), body: Data(buffer.readableBytesView), headers: response.headers)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout
            || error == .connectTimeout || error == .writeTimeout {
            throw TransportFailure(kind: .timeout, detail: "\(error)")
        } catch let error as HTTPClientError where error == .cancelled {
            throw CancellationError()
        } catch {
            throw TransportFailure(kind: .cannotConnect, detail: Redactor([token]).redact("\(error)"))
        }
    }

    private func decode(_ reply: Reply, operation: APIOperation) throws -> JSONValue {
        do { return try JSONValue.parse(reply.body) } catch {
            throw APIError(kind: .badResponse, status: reply.status,
                           summary: "the server's \(operation.rawValue) reply is not JSON (\(error.description))")
        }
    }
}
