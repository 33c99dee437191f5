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
        http = Self.transport
    }

    /// The HTTP client every `CampaignClient` shares. It follows no redirects (one would carry the
    /// `auth` header to whatever host the server names), reports a refused connection at once
    /// instead of retrying it until the timeout, and waits at most five seconds for a connection.
    static let transport: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout.connect = .seconds(5)
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Hides every secret this client knows in `text`.
    public func redact(_ text: String) async -> String {
        Redactor(await tokens.secrets).redact(text)
    }

    /// A raw response.
    struct Reply: Sendable {
        let status: Int
        let body: Data
        let headers: HTTPHeaders
    }

    /// Sends one operation with retries as `ClientOptions` allows; non-2xx becomes `APIError`.
    /// (`send` calls it, journaling writes.)
    func transmit(_ operation: APIOperation, parameters: [String: String] = [:], body: JSONValue? = nil) async throws -> JSONValue {
        let route = profile.route(for: operation)
        var values = parameters
        values["streamId"] = profile.streamId
        values["accountId"] = profile.accountId
        let (path, query) = route.resolve(values)
        // Built from the host URL itself, so that an IPv6 host keeps its brackets ([::1]).
        var components = URLComponents(url: profile.host, resolvingAgainstBaseURL: false) ?? URLComponents()
        components.user = nil
        components.password = nil
        components.fragment = nil
        components.percentEncodedPath = profile.host.path.trimmingCharacters(in: CharacterSet(charactersIn: "/")).isEmpty
            ? path : "/" + profile.host.path.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path
        // Each name and value strictly percent-encoded: a `+` left bare reads as a space on many servers.
        components.percentEncodedQuery = query.isEmpty ? nil : query.map { Self.queryEncoded($0.0) + "=" + Self.queryEncoded($0.1) }
            .joined(separator: "&")
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
                if (200..<300).contains(reply.status) {
                    ReplyProbe.current?.record(reply.status)
                    return try decode(reply, operation: operation)
                }
                if (300..<400).contains(reply.status) { throw Self.redirectError(reply) }
                let retryAfter = RetryAfter.seconds(reply.headers.first(name: "Retry-After"))
                let error = APIError.from(status: reply.status, body: reply.body, retryAfter: retryAfter, operation: operation)
                guard attempt < attempts, ClientOptions.retryableStatuses.contains(reply.status) else { throw error }
                let wait = options.backoff(attempt: attempt, retryAfter: retryAfter)
                logger.debug("retrying \(operation.rawValue) after HTTP \(reply.status) in \(wait)")
                try await Task.sleep(for: wait)
            } catch let error as TransportFailure {
                guard attempt < attempts, error.kind != .refused else { throw error.apiError(host: profile.host) }
                let wait = error.kind == .timeout ? options.backoff(attempt: attempt, retryAfter: nil) : options.connectBackoff(attempt: attempt)
                logger.debug("retrying \(operation.rawValue) after \(error.kind) in \(wait)")
                try await Task.sleep(for: wait)
            }
        }
    }

    /// A network-level failure: no HTTP status came back.
    struct TransportFailure: Error {
        /// `refused`: nothing listens there, so trying again at once is pointless.
        enum Kind { case timeout, cannotConnect, refused }
        let kind: Kind
        let detail: String

        func apiError(host: URL) -> APIError {
            switch kind {
            case .timeout:
                return APIError(kind: .timeout, summary: "timed out waiting for \(host.host ?? "the server"): check the network or try again")
            case .cannotConnect:
                return APIError(kind: .cannotConnect, summary:
                    "cannot reach \(host.absoluteString): is the host right and the server up? (\(detail))")
            case .refused:
                return APIError(kind: .cannotConnect, summary:
                    "cannot reach \(host.absoluteString): connection refused; is the host right and the server up?")
            }
        }
    }

    /// A 3xx is never followed: it is an error that says where the server pointed.
    static func redirectError(_ reply: Reply) -> APIError {
        let location = reply.headers.first(name: "Location").map { String($0.prefix(300)) }
        return APIError(kind: .badResponse, status: reply.status, summary: "the server answered HTTP \(reply.status), a redirect to "
            + (location ?? "(no Location given)") + ", which is not followed: if that address is right, use it as the host")
    }

    /// Runs `work`, or throws a timeout once `limit` has passed; `work` is then cancelled. The
    /// limit covers the whole exchange, so a body that trickles in cannot hold a call forever.
    static func within<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw TransportFailure(kind: .timeout, detail: "no complete reply within \(limit)")
            }
            return value
        }
    }

    /// Whether a connection error means nothing listens at the address.
    static func isRefused(_ error: any Error) -> Bool {
        if let io = error as? IOError, io.errnoCode == ECONNREFUSED { return true }
        return "\(error)".localizedCaseInsensitiveContains("connection refused")
    }

    /// A `TimeAmount` for AsyncHTTPClient, clamped so that no conversion can overflow.
    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let seconds = min(max(duration.components.seconds, 0), 365 * 86_400)
        return .nanoseconds(seconds * 1_000_000_000 + max(duration.components.attoseconds, 0) / 1_000_000_000)
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
        let prepared = request, http = http, logger = logger, timeout = options.timeout
        do {
            return try await Self.within(timeout) {
                let response = try await http.execute(prepared, timeout: Self.timeAmount(timeout))
                let buffer = try await response.body.collect(upTo: 256 << 20)
                logger.debug("← \(response.status.code) \(method) \(url) in \(ContinuousClock.now - started)")
                return Reply(status: Int(response.status.code), body: Data(buffer.readableBytesView), headers: response.headers)
            }
        } catch let failure as TransportFailure {
            throw failure
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .writeTimeout {
            throw TransportFailure(kind: .timeout, detail: "\(error)")
        } catch let error as HTTPClientError where error == .connectTimeout {
            throw TransportFailure(kind: .cannotConnect, detail: "no connection within 5 s")
        } catch let error as HTTPClientError where error == .cancelled {
            throw CancellationError()
        } catch {
            throw TransportFailure(kind: Self.isRefused(error) ? .refused : .cannotConnect, detail: Redactor([token]).redact("\(error)"))
        }
    }

    private func decode(_ reply: Reply, operation: APIOperation) throws -> JSONValue {
        do { return try JSONValue.parse(reply.body) } catch {
            throw APIError(kind: .badResponse, status: reply.status,
                           summary: "the server's \(operation.rawValue) reply is not JSON (\(error.description))")
        }
    }
}
