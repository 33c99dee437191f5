import CampaignModel
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The sandbox on HTTP: Hummingbird carries requests to `SandboxService`, on loopback only.
public enum SandboxServer {
    /// Largest request body accepted.
    static let maxBodyBytes = 4 << 20

    /// Starts a sandbox in this process and returns once it is listening. Tests and
    /// `switchboard demo` use this; call `stop()` when done.
    public static func start(_ configuration: SandboxConfiguration, logger: Logger = quietLogger) async throws -> RunningSandbox {
        let service = try await SandboxService(configuration: configuration, logger: logger)
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = try application(service: service, configuration: configuration, logger: logger) { port in
            portContinuation.yield(port)
            portContinuation.finish()
        }
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        // On the sandbox's own threads: a caller blocking the cooperative pool cannot stall it.
        let task = Task(executorPreference: SandboxExecutor.shared) { try await group.run() }
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            _ = await task.result
            try service.close()
            throw SandboxSetupError("The sandbox could not listen on \(configuration.host):\(configuration.port).")
        }
        return RunningSandbox(port: port, configuration: configuration, service: service, group: group, task: task)
    }

    /// Runs a sandbox until SIGINT or SIGTERM, then closes the database cleanly. `onReady`
    /// receives the base URL once it is listening.
    public static func runUntilSignalled(_ configuration: SandboxConfiguration, logger: Logger,
                                         onReady: @escaping @Sendable (URL) -> Void) async throws {
        let service = try await SandboxService(configuration: configuration, logger: logger)
        let app = try application(service: service, configuration: configuration, logger: logger) { port in
            onReady(baseURL(host: configuration.host, port: port))
        }
        let group = ServiceGroup(configuration: .init(
            services: [app], gracefulShutdownSignals: [.sigint, .sigterm], logger: logger))
        defer { try? service.close() }
        try await group.run()
    }

    /// A logger that reports only problems.
    public static var quietLogger: Logger {
        var logger = Logger(label: "switchboard.sandbox")
        logger.logLevel = .warning
        return logger
    }

    private static func application(service: SandboxService, configuration: SandboxConfiguration, logger: Logger,
                                    onPort: @escaping @Sendable (Int) -> Void) throws -> some Service {
        guard isLoopback(configuration.host) else {
            throw SandboxSetupError("The sandbox listens on loopback only (127.0.0.1, ::1 or localhost), not \(configuration.host).")
        }
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let started = ContinuousClock.now
            let response = try await respond(to: request, service: service)
            logger.info("\(requestLogLine(method: request.method.rawValue, path: request.uri.path, status: response.status.code, duration: ContinuousClock.now - started))")
            return response
        }
        return Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(bindAddress(configuration.host), port: configuration.port),
                                                    serverName: "switchboard-sandbox"),
            onServerRunning: { channel in onPort(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }

    static func isLoopback(_ host: String) -> Bool { LoopbackHost.contains(host) }

    /// The host as a socket address wants it: IPv6 without brackets.
    static func bindAddress(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// `http://HOST:PORT`, with an IPv6 host in brackets (`http://[::1]:8710`).
    static func baseURL(host: String, port: Int) -> URL {
        let bare = bindAddress(host)
        let shown = bare.contains(":") ? "[\(bare)]" : bare
        return URL(string: "http://\(shown):\(port)") ?? URL(string: "http://127.0.0.1:\(port)")!
    }

    /// One line per request for `--verbose`: method, path, status and time taken. Headers (the
    /// JWT in `auth`), the query and the body are never logged.
    static func requestLogLine(method: String, path: String, status: Int, duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        // A client's path could hold escape sequences meant for the operator's terminal.
        let shownPath = path.unicodeScalars.map { scalar -> String in
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? String(format: "%%%02X", scalar.value) : String(scalar)
        }.joined()
        return "\(method) \(shownPath) → \(status) in \(String(format: "%.1f", milliseconds)) ms"
    }

    private static func respond(to request: Request, service: SandboxService) async throws -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxBodyBytes)
        } catch {
            return encode(SandboxError(status: 413, message: "The body is larger than \(maxBodyBytes) bytes.").response)
        }
        let query = queryItems(request.uri.query)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let sandboxRequest = SandboxRequest(
            method: request.method.rawValue, path: request.uri.path, query: query, headers: headers,
            body: Data(body.readableBytesView))
        return encode(await service.handle(sandboxRequest))
    }

    /// The query as a web server behind the platform reads it (form encoding): `+` is a space and
    /// `%XX` an escaped byte, so a name with `+` or `&` must be sent as `%2B` and `%26`. The last
    /// of a repeated name wins.
    static func queryItems(_ query: String?) -> [String: String] {
        var items: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let name = decode(parts[0])
            items[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return items
    }

    private static func encode(_ response: SandboxResponse) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        for (name, value) in response.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        let buffer = ByteBuffer(string: response.text)
        return Response(status: .init(code: response.status), headers: headers, body: .init(byteBuffer: buffer))
    }
}

/// A sandbox running in this process.
public final class RunningSandbox: Sendable {
    public let port: Int
    public let configuration: SandboxConfiguration
    let service: SandboxService
    let group: ServiceGroup
    let task: Task<Void, any Error>

    init(port: Int, configuration: SandboxConfiguration, service: SandboxService, group: ServiceGroup,
         task: Task<Void, any Error>) {
        self.port = port
        self.configuration = configuration
        self.service = service
        self.group = group
        self.task = task
    }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: URL { SandboxServer.baseURL(host: configuration.host, port: port) }
    public var credentials: SandboxCredentials { configuration.credentials }

    /// Makes the next `count` requests fail with HTTP 500, to test client retries.
    public func failNextRequests(_ count: Int) { service.faults.failNextRequests(count) }

    /// Requests received so far.
    public var requestCount: Int { service.faults.requestCount }

    /// Stops listening, waits for requests in flight, and closes the database.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
        try? service.close()
    }
}
