import ArgumentParser
import CampaignSandbox
import Foundation
import Logging

/// `switchboard sandbox`: a local emulator of the Campaign Management API.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run a local emulator of the Campaign Management API on loopback.",
        discussion: """
            It prints its base URL and the profile values to use (its own demo credentials), and
            runs until Ctrl-C or SIGTERM. Without --data, everything lives in memory.
            """
    )

    @Option(help: "Port to listen on; 0 picks any free port.")
    var port = 8710

    @Option(help: "Loopback address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "SQLite file that keeps the data across restarts.")
    var data: String?

    @Option(help: "How many demo campaigns to seed into an empty store; the same number gives the same data.")
    var seed = 60

    @Option(help: "Client id the sandbox accepts in the JWT's appId claim.")
    var clientId: String?

    @Option(help: "Client secret the JWT must be signed with (32 bytes or more).")
    var clientSecret: String?

    @Option(help: "Milliseconds added to every response.")
    var latency = 0

    @Option(help: "Share of requests (0 to 1) answered with HTTP 500.")
    var failRate = 0.0

    @Option(help: "Requests allowed per minute before HTTP 429 with Retry-After.")
    var rateLimit: Int?

    @Option(help: "How many times faster than real time campaigns dial (the sandbox's simulated clock).")
    var speed = 1.0

    @Flag(help: "Log every request.")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        guard (0...1).contains(failRate) else { throw ValidationError("--fail-rate must be between 0 and 1.") }
        guard seed >= 0 else { throw ValidationError("--seed must be 0 or more.") }
        if let secret = clientSecret, secret.utf8.count < SandboxCredentials.minimumSecretBytes {
            throw ValidationError("--client-secret must be at least \(SandboxCredentials.minimumSecretBytes) bytes long.")
        }
        if let rateLimit, rateLimit < 1 { throw ValidationError("--rate-limit must be 1 or more.") }
        guard (0...1_000_000).contains(speed) else { throw ValidationError("--speed must be between 0 and 1000000.") }
    }

    func run() async throws {
        var configuration = SandboxConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.dataPath = data
        configuration.seedCampaigns = seed
        if let clientId { configuration.credentials.clientId = clientId }
        if let clientSecret { configuration.credentials.clientSecret = clientSecret }
        configuration.latency = .milliseconds(latency)
        configuration.failRate = failRate
        configuration.rateLimitPerMinute = rateLimit
        configuration.speed = speed
        var logger = Logger(label: "switchboard.sandbox")
        logger.logLevel = verbose ? .info : .warning
        let credentials = configuration.credentials
        let customSecret = clientSecret != nil
        let dataPath = configuration.dataPath, seedCount = configuration.seedCampaigns
        try await SandboxServer.runUntilSignalled(configuration, logger: logger) { url in
            print("""
                Switchboard sandbox listening on \(url.absoluteString)
                Data: \(dataPath ?? "in memory") · seeded campaigns: \(seedCount)

                Profile values (the sandbox's own demo credentials):
                  export KORE_HOST=\(url.absoluteString)
                  export KORE_STREAM_ID=\(credentials.streamId)
                  export KORE_IID=\(credentials.streamId)
                  export KORE_ACCOUNT_ID=\(credentials.accountId)
                  export KORE_CLIENT_ID=\(credentials.clientId)
                  export KORE_CLIENT_SECRET=\(customSecret ? "<the secret you passed>" : credentials.clientSecret)

                Ctrl-C stops it.
                """)
            fflush(nil)
        }
        print("Sandbox stopped; database closed.")
    }
}
