import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation

/// `switchboard restore SNAPSHOT`: puts a snapshot back.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a campaign back as a snapshot holds it.",
        discussion: """
            If the campaign was deleted, it is created again from the snapshot, through the same path as
            `campaign apply`; the platform gives it a new id. If it still exists, the fields that differ
            are shown and then written back through the safe save: the update is refused if the campaign
            changes on the server in the meantime. Asks before writing unless --yes.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The snapshot: its name from `snapshot list`, the start of one, or a path.")
    var snapshot: String

    @Flag(help: "Restore without asking. Required when there is no terminal.")
    var yes = false

    @Option(help: "The experience flow's name, when re-creating an agentless or advanced SMS campaign (records give only its id).")
    var experienceFlow: String?

    func run() async throws {
        let stored = try SnapshotCommand.load(snapshot)
        let saved = stored.snapshot
        let client = try connection.client()
        guard saved.profile == client.profile.name else {
            throw CommandFailure("\(stored.name) was taken on profile \(saved.profile) (\(saved.host)); this is profile "
                + "\(client.profile.name): pass --profile \(saved.profile) to restore it there")
        }
        let name = TerminalText.line(saved.campaignName)
        let when = AuditTable.shortTime(saved.takenAt) + " UTC"
        let plan = try await client.restorePlan(saved, experienceFlowName: experienceFlow)
        switch plan {
        case .unchanged:
            return print("\(name) (\(saved.campaignId)) already holds the values of the snapshot of \(when); nothing to restore.")
        case .recreate:
            print("\(name) (\(saved.campaignId)) no longer exists: it will be created again from the snapshot of \(when) "
                + "(the platform gives it a new id).")
        case .update(_, _, let changes):
            print("~ restore \(name) (\(saved.campaignId)) to the snapshot of \(when):")
            changes.forEach { print("    \(TerminalText.line($0.description))") }
        }
        if !yes {
            guard isatty(STDIN_FILENO) != 0 else {
                throw CommandFailure("refusing to restore without a terminal to confirm on: pass --yes")
            }
            print("Restore? [y/N] ", terminator: "")
            fflush(nil)
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased(), answer == "y" || answer == "yes" else {
                throw CommandFailure("not confirmed; nothing was written")
            }
        }
        switch try await client.restore(plan, oldId: saved.campaignId, snapshotName: stored.name) {
        case .recreated(let created, let oldId):
            print("Restored \(name): re-created as \(created.id ?? "?") (the platform gives a new id; the old id \(oldId) is gone).")
        case .updated(let updated):
            print("Restored \(name) (\(saved.campaignId)) to the snapshot of \(when); updated at \(updated.updatedAt ?? "?").")
        case .unchanged:
            print("\(name) (\(saved.campaignId)) already holds the snapshot's values; nothing was written.")
        }
    }
}
