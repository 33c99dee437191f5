import ArgumentParser
import CampaignAPI
import CampaignModel
import CampaignSandbox
import Foundation
import SwitchboardUI

/// `switchboard demo`: the sandbox in-process on a free loopback port, and the UI against it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Try Switchboard without an account: a local sandbox with demo campaigns, and the terminal UI on it."
    )

    @Option(help: "How many demo campaigns to seed.")
    var campaigns = 60

    @Option(help: "Seconds between automatic refreshes of the list; 0 turns them off.")
    var refresh = 60

    @Option(name: .customLong("board-refresh"), help: "Seconds between recounts of the shift board's rows; 0 counts each row once.")
    var boardRefresh = 5

    @Flag(help: "Browse only: editing, creating, deleting, start and stop are hidden and refused.")
    var readonly = false

    @Option(help: "How many times faster than real time the sandbox's campaigns dial (its simulated clock).")
    var speed = 60.0

    @Option(help: "Compliance rules the editor warns about, by id, comma-separated (e.g. us-federal,in-trai; `switchboard lint --help`); none by default.")
    var compliance: String?

    func validate() throws {
        guard (0...200_000).contains(campaigns) else { throw ValidationError("--campaigns must be between 0 and 200000.") }
        guard (0...1_000_000).contains(speed) else { throw ValidationError("--speed must be between 0 and 1000000.") }
    }

    func run() async throws {
        var configuration = SandboxConfiguration()
        configuration.port = 0
        configuration.seedCampaigns = campaigns
        configuration.speed = speed
        // "seeding 40,000 / 100,000 campaigns…" on one line of a terminal's stderr, gone before the UI opens.
        let showsProgress = isatty(STDERR_FILENO) == 1
        if showsProgress {
            configuration.seedProgress = { written, total in
                FileHandle.standardError.write(Data(("\r" + SeedProgress.line(written: written, total: total) + "\u{1B}[K").utf8))
            }
        }
        let sandbox = try await SandboxServer.start(configuration)
        if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let credentials = sandbox.credentials
        let profile = APIProfile(name: "demo", host: sandbox.baseURL, streamId: credentials.streamId,
                                 accountId: credentials.accountId,
                                 auth: .signed(clientId: credentials.clientId, clientSecret: Secret(credentials.clientSecret)))
        do {
            let client = try CampaignClient(profile: profile)
            let ids = (compliance ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let rules = try ComplianceCheck.rules(ids: ids, profile: nil, file: nil)
            try TUILauncher.run(client: client, connection: ConnectionInfo(profile: "demo", host: sandbox.baseURL.absoluteString),
                                refreshSeconds: refresh, boardRefreshSeconds: boardRefresh, readOnly: readonly,
                                compliance: rules.isEmpty ? nil : ComplianceLint(rules: rules))
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }
}
