import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import Logging
import Synchronization

/// Collects log lines in memory, to check what a client would print.
final class LogCollector: Sendable {
    let lines = Mutex<[String]>([])

    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    func logger() -> Logger {
        var logger = Logger(label: "test") { _ in CollectingHandler(collector: self) }
        logger.logLevel = .trace
        return logger
    }

    struct CollectingHandler: LogHandler {
        let collector: LogCollector
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
                 file: String, function: String, line: UInt) {
            collector.lines.withLock { $0.append("\(level) \(message) \(metadata ?? [:])") }
        }
    }
}

/// A sandbox and a client for it.
struct ClientHarness {
    let sandbox: RunningSandbox
    let client: CampaignClient
    let logs: LogCollector

    static func profile(for sandbox: RunningSandbox, secret: String? = nil) -> APIProfile {
        APIProfile(name: "sandbox", host: sandbox.baseURL, streamId: sandbox.credentials.streamId,
                   accountId: sandbox.credentials.accountId,
                   auth: .signed(clientId: sandbox.credentials.clientId, clientSecret: Secret(secret ?? sandbox.credentials.clientSecret)))
    }

    static func fastRetries() -> ClientOptions {
        var options = ClientOptions()
        options.baseBackoff = .milliseconds(10)
        options.maxBackoff = .milliseconds(50)
        options.timeout = .seconds(10)
        return options
    }
}

/// Runs `body` with a sandbox and a client, stopping the sandbox afterwards.
func withClient<T>(seed: Int = 20, configure: (inout SandboxConfiguration) -> Void = { _ in },
                   options: ClientOptions = ClientHarness.fastRetries(), secret: String? = nil,
                   _ body: (ClientHarness) async throws -> T) async throws -> T {
    var configuration = SandboxConfiguration()
    configuration.seedCampaigns = seed
    configuration.preparingDelay = .milliseconds(100)
    configure(&configuration)
    let sandbox = try await SandboxServer.start(configuration)
    do {
        let logs = LogCollector()
        let client = try CampaignClient(profile: ClientHarness.profile(for: sandbox, secret: secret), options: options, logger: logs.logger())
        let result = try await body(ClientHarness(sandbox: sandbox, client: client, logs: logs))
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}

/// A valid campaign of each kind, made in code.
enum Make {
    static func sms(_ name: String) -> Campaign {
        var campaign = Campaign(type: .sms, name: name, contactLists: ["CL Only 2020 Dec 4"])
        campaign.priority = 3
        campaign.format = .simple
        campaign.message = SMSMessage(text: "Hello from the tests")
        campaign.dialingStrategy = DialingStrategy(
            callerId: "+14155550123",
            callingHours: CallingHours(frequency: .weekly, timezone: "America/New_York", days: WeekSchedule.weekdaysNineToSix.days))
        return campaign
    }

    static func voice(_ name: String) -> Campaign {
        var campaign = Campaign(type: .voice, name: name, contactLists: ["CL Only 2020 Dec 4"])
        campaign.priority = 4
        campaign.dialingMode = .progressive
        campaign.queueName = "Default Queue"
        campaign.dncList = DNCListRef(name: "DNC CL Dec 4")
        campaign.dialingStrategy = DialingStrategy(
            callerId: "+14155550123",
            callingHours: CallingHours(frequency: .custom, timezone: "Europe/London", days: WeekSchedule.weekdaysNineToSix.days),
            dialingOrder: .fifo, maxAttemptsPerRecord: 3, defaultRetryPeriod: 10, maxRingTime: 30)
        return campaign
    }
}
