import Foundation

/// How a sandbox runs: where it listens, where it keeps data, what it seeds, which demo
/// credentials it accepts and which faults it injects.
public struct SandboxConfiguration: Sendable {
    /// Loopback only; the sandbox refuses other hosts.
    public var host = "127.0.0.1"
    /// 0 picks any free port.
    public var port = 0
    /// A SQLite file that keeps everything across restarts; nil keeps data in memory.
    public var dataPath: String?
    /// How many campaigns to seed into an empty store; the data is the same for the same number.
    public var seedCampaigns = 60
    public var credentials = SandboxCredentials.demo
    /// Added to every response.
    public var latency: Duration = .zero
    /// The share of requests (0…1) answered with HTTP 500.
    public var failRate = 0.0
    /// Requests allowed per minute before HTTP 429 with Retry-After; nil for no limit.
    public var rateLimitPerMinute: Int?
    /// The window the rate limit counts in: a minute, shorter in tests.
    public var rateLimitWindow: Duration = .seconds(60)
    /// How long a new voice campaign stays Preparing before it is Ready.
    public var preparingDelay: Duration = .seconds(2)
    /// Told how many campaigns are written so far, and how many in all, while an empty store is
    /// seeded: at the start, every 2,000, and at the end. `switchboard demo` shows it.
    public var seedProgress: (@Sendable (_ written: Int, _ total: Int) -> Void)?
    /// Serve repeated GETs and list summaries of an unchanged campaign from memory (the same
    /// bytes); off only to compare against the uncached path.
    public var cachesReads = true
    /// How long after `addContacts` answers its contacts appear in the list (the platform
    /// queues the import).
    public var importDelay: Duration = .milliseconds(500)
    /// How much faster than real time the simulated clock runs (`--speed N`): campaigns dial,
    /// and calling windows open and close, on it.
    public var speed = 1.0
    /// At most this many contacts in each seeded contact list (nil: 20 to 50,000, as seeded).
    /// Tests that count every contact keep it small.
    public var maxSeededListContacts: Int?
    /// Tests set the simulated time directly.
    var simulatedNow: (@Sendable () -> Date)?

    public init() {}
}

/// The app the sandbox pretends to be. The demo values are the sandbox's own and never real.
public struct SandboxCredentials: Sendable, Equatable {
    public var clientId: String
    /// HS256 key for the JWT. At least 32 bytes: jwt-kit asserts on shorter HMAC keys.
    public var clientSecret: String
    public var streamId: String
    public var accountId: String

    public init(clientId: String, clientSecret: String, streamId: String, accountId: String) {
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.streamId = streamId
        self.accountId = accountId
    }

    public static let demo = SandboxCredentials(
        clientId: "cs-5a4f7c2e-sandbox-demo-client",
        clientSecret: "sandbox-demo-secret-not-for-production-use-0001",
        streamId: "st-0603182c-7ffb-53c3-b307-sandbox00001",
        accountId: "67777ce93e25326494esandbox")

    /// The shortest client secret jwt-kit signs with.
    public static let minimumSecretBytes = 32
}
