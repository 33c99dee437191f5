import AsyncHTTPClient
import CampaignModel
import CampaignSandbox
import Foundation
import JWTKit
import Logging
import NIOCore

/// Claims a test token carries.
struct TestClaims: JWTPayload {
    var appId: String
    var sub: SubjectClaim?
    var exp: ExpirationClaim?
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// What came back from the sandbox.
struct Reply {
    let status: Int
    let json: JSONValue
    let headers: [String: String]

    var object: JSONObject { json.objectValue ?? JSONObject() }
    var data: JSONValue? { object["data"] }
    var message: String { object["message"]?.stringValue ?? "" }
    /// The field paths of a 400.
    var errorPaths: [String] { (object["errors"]?.arrayValue ?? []).compactMap { $0.objectValue?["path"]?.stringValue } }
}

/// A sandbox on a free loopback port and a raw HTTP client to talk to it.
final class SandboxHarness: Sendable {
    let sandbox: RunningSandbox
    let token: String

    static let v2 = "/campaign/api/v2/public/{s}/campaign"

    init(seed: Int = 20, logger: Logger = SandboxServer.quietLogger,
         configure: (inout SandboxConfiguration) -> Void = { _ in }) async throws {
        var configuration = SandboxConfiguration()
        configuration.seedCampaigns = seed
        configuration.preparingDelay = .milliseconds(300)
        configure(&configuration)
        sandbox = try await SandboxServer.start(configuration, logger: logger)
        token = try await Self.sign(TestClaims(appId: configuration.credentials.clientId, sub: "switchboard-tests",
                                               exp: .init(value: Date().addingTimeInterval(600))),
                                    secret: configuration.credentials.clientSecret)
    }

    static func sign(_ claims: TestClaims, secret: String) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return try await keys.sign(claims)
    }

    func stop() async { await sandbox.stop() }

    var credentials: SandboxCredentials { sandbox.credentials }

    var standardHeaders: [String: String] {
        ["auth": token, "iid": credentials.streamId, "accountId": credentials.accountId]
    }

    /// Sends a request; `{s}` in the path stands for the stream id, and `accountId` is added to
    /// the query unless the query names it.
    func send(_ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil,
              rawBody: String? = nil, headers: [String: String]? = nil, rawQuery: String? = nil) async throws -> Reply {
        var items = query
        if !items.contains(where: { $0.0 == "accountId" }) { items.insert(("accountId", credentials.accountId), at: 0) }
        var components = URLComponents(url: sandbox.baseURL, resolvingAgainstBaseURL: false)!
        components.percentEncodedPath = path.replacingOccurrences(of: "{s}", with: credentials.streamId)
        components.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        // Appended exactly as written: `campaignName=Q3%20%2B%20Renewals`.
        if let rawQuery { components.percentEncodedQuery = (components.percentEncodedQuery ?? "") + "&" + rawQuery }
        var request = HTTPClientRequest(url: components.url!.absoluteString)
        request.method = .init(rawValue: method)
        for (name, value) in headers ?? standardHeaders { request.headers.add(name: name, value: value) }
        if let text = rawBody ?? body?.serialized() {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: text))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        let json = (try? JSONValue.parse(Data(buffer.readableBytesView))) ?? .null
        var responseHeaders: [String: String] = [:]
        for header in response.headers { responseHeaders[header.name.lowercased()] = header.value }
        return Reply(status: Int(response.status.code), json: json, headers: responseHeaders)
    }

    /// Lists one page.
    func list(_ body: JSONValue, v1: Bool = false) async throws -> Reply {
        let path = v1 ? "/agentassist/api/v1/public/{s}/campaign/getAllCampaignDetails" : "\(Self.v2)/getAllCampaignDetails"
        return try await send("POST", path, body: body)
    }

    /// Creates a campaign from a documented request body, renamed so that it is unique.
    func create(_ body: JSONValue, type: String, name: String, bare: Bool = false) async throws -> Reply {
        var object = body.objectValue!
        object["name"] = .string(name)
        let path = bare ? "/api/v2/public/{s}/campaign" : Self.v2
        return try await send("POST", path, query: [("campaignType", type)], body: .object(object))
    }
}

/// The documented sample bodies, as the tests send them.
enum Samples {
    static func load(_ name: String) throws -> JSONValue {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../CampaignModelTests/Fixtures/requests/\(name).json")
        return try JSONValue.parse(Data(contentsOf: url))
    }

    /// A sample with a valid caller id (the docs mask theirs) and canonical content.
    static func valid(_ name: String) throws -> JSONValue {
        var object = try load(name).objectValue!
        var strategy = object["dialingStrategy"]!.objectValue!
        strategy["callerId"] = ["phoneNumber": "+14155550123"]
        object["dialingStrategy"] = .object(strategy)
        if var message = object["message"]?.objectValue {
            message["message"] = .string(Data("Your bill is due soon.".utf8).base64EncodedString())
            object["message"] = .object(message)
        }
        return .object(object)
    }
}

/// Runs `body` against a fresh sandbox and stops it afterwards, whatever happens.
func withSandbox<T>(seed: Int = 20, logger: Logger = SandboxServer.quietLogger,
                    configure: (inout SandboxConfiguration) -> Void = { _ in },
                    _ body: (SandboxHarness) async throws -> T) async throws -> T {
    let harness = try await SandboxHarness(seed: seed, logger: logger, configure: configure)
    do {
        let result = try await body(harness)
        await harness.stop()
        return result
    } catch {
        await harness.stop()
        throw error
    }
}
