import CampaignModel
import Foundation

/// Everything needed to reach one Kore.ai app: where, which app and account, and how to sign.
public struct APIProfile: Sendable {
    public var name: String
    /// "https://platform.kore.ai", or "http://127.0.0.1:8710" for the sandbox.
    public var host: URL
    public var streamId: String
    public var accountId: String
    /// The `iid` header (the app id; usually the stream id).
    public var iid: String
    public var auth: TokenProvider.Source
    /// Path templates replacing the route table's preferred path for an operation.
    public var routeOverrides: [APIOperation: String]
    /// Allows plain http to hosts other than loopback.
    public var insecure: Bool

    public init(name: String, host: URL, streamId: String, accountId: String, iid: String? = nil,
                auth: TokenProvider.Source, routeOverrides: [APIOperation: String] = [:], insecure: Bool = false) {
        self.name = name
        self.host = host
        self.streamId = streamId
        self.accountId = accountId
        self.iid = iid ?? streamId
        self.auth = auth
        self.routeOverrides = routeOverrides
        self.insecure = insecure
    }

    /// Whether a host is this machine: parsed as an address (127.0.0.0/8, ::1) or `localhost`.
    public static func isLoopback(_ host: String) -> Bool { LoopbackHost.contains(host) }

    /// Refuses plain http to anything but loopback unless `insecure`, and schemes other than http(s).
    func checkTransport() throws(APIError) {
        guard let scheme = host.scheme?.lowercased(), scheme == "https" || scheme == "http", let hostName = host.host else {
            throw APIError(kind: .configuration, summary: "host must be an http(s) URL such as https://platform.kore.ai, not \(host.absoluteString)")
        }
        if scheme == "http", !insecure, !Self.isLoopback(hostName) {
            throw APIError(kind: .insecureHost, summary:
                "refusing plain http to \(hostName): use https, or pass --insecure if you really mean it")
        }
    }

    /// The route for an operation: the profile's override, else the table's preferred one.
    func route(for operation: APIOperation) -> APIRoute {
        let preferred = APIRouteTable.preferred(operation)
        guard let path = routeOverrides[operation] else { return preferred }
        return APIRoute(operation, preferred.method, path, query: preferred.query.map { ($0.name, $0.value) },
                        source: "profile override")
    }
}
