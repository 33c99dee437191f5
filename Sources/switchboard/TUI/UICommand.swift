import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation
import SwitchboardUI

/// `switchboard` (or `switchboard ui`): the terminal UI on the configured profile. A subcommand
/// of its own, the default one, so that its options never collide with `demo`'s.
struct UICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "The terminal UI on the configured profile (what `switchboard` runs with no subcommand)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Seconds between automatic refreshes of the list; 0 turns them off.")
    var refresh = 60

    @Option(name: .customLong("board-refresh"), help: "Seconds between recounts of the shift board's rows; 0 counts each row once.")
    var boardRefresh = 5

    @Flag(help: "Browse only: editing, creating, deleting, start and stop are hidden and refused.")
    var readonly = false

    /// The profile's compliance rules for the editor's warnings; a broken rules file is said on stderr.
    static func compliance(_ profile: ResolvedProfile) -> ComplianceLint? {
        do {
            let rules = try ComplianceCheck.rules(ids: [], profile: profile, file: nil)
            return rules.isEmpty ? nil : ComplianceLint(rules: rules)
        } catch {
            ErrorOutput.write(["warning: compliance rules not checked: \((error as? CommandFailure)?.lines.first ?? "\(error)")"])
            return nil
        }
    }

    func run() async throws {
        let client: CampaignClient
        let resolved: ResolvedProfile
        do {
            resolved = try connection.resolve()
            client = try connection.client()
        } catch {
            throw CommandFailure(
                "no usable profile: \((error as? APIError)?.description ?? String(describing: error))",
                "Configure one in \(ProfileLoader.defaultConfigPath().path) or with KORE_* variables (see `switchboard config --help`),",
                "or try it without an account: switchboard demo")
        }
        let host = resolved.values[.host]?.value ?? client.profile.host.absoluteString
        try TUILauncher.run(client: client, connection: ConnectionInfo(profile: resolved.name, host: host),
                            refreshSeconds: refresh, boardRefreshSeconds: boardRefresh, readOnly: readonly,
                            compliance: Self.compliance(resolved),
                            journal: .live(auditLog: AuditLog.standard(), snapshots: JournalSetup.snapshotStore(
                                configPath: resolved.configPath.map(URL.init(fileURLWithPath:)) ?? ProfileLoader.defaultConfigPath()),
                                client: client))
    }
}
