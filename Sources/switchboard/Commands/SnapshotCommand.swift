import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation

/// `switchboard snapshot list|show`: the records kept before each update, stop and delete.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "List and show the campaign records kept before each update, stop and delete.",
        discussion: """
            Snapshots live in $XDG_STATE_HOME/switchboard/snapshots (default ~/.local/state/switchboard/snapshots),
            one 0600 file each, named by time, profile and campaign id. They are kept snapshots.keepDays days
            (default 30) and at most snapshots.maxMegabytes in all (default 200), set in config.yaml.
            Put one back with: switchboard restore SNAPSHOT
            """,
        subcommands: [List.self, Show.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List snapshots, oldest first.")
        @Option(help: "Only this campaign's snapshots (cd-…).") var campaign: String?
        @Option(name: .shortAndLong, help: "table or json.") var output: OutputFormat = .table

        func run() async throws {
            let store = JournalSetup.snapshotStore()
            let listed = store.list()
            if !listed.problems.isEmpty { ErrorOutput.write(listed.problems.map { "warning: \($0)" }) }
            let snapshots = listed.snapshots.filter { campaign == nil || $0.snapshot.campaignId == campaign }
            guard output == .table else {
                return Swift.print(JSONValue.array(snapshots.map(Self.json)).serialized(pretty: true))
            }
            if snapshots.isEmpty {
                return Swift.print(campaign.map { "No snapshots of \($0) in \(store.directory.path)." }
                    ?? "No snapshots in \(store.directory.path).")
            }
            // The name is what `show` and `restore` take: never cut. It starts with the time (UTC).
            let nameWidth = snapshots.map(\.name.count).max() ?? 8
            Swift.print(Table(columns: [
                .init(title: "SNAPSHOT", minWidth: nameWidth, flexible: false), .init(title: "BEFORE", minWidth: 6, flexible: false),
                .init(title: "CAMPAIGN", minWidth: 10, flexible: true, dropOrder: 3),
                .init(title: "ID", minWidth: 8, flexible: true, dropOrder: 1), .init(title: "PROFILE", minWidth: 7, flexible: true, dropOrder: 2),
            ], rows: snapshots.map { stored in
                let snapshot = stored.snapshot
                return [stored.name, snapshot.reason, snapshot.campaignName, snapshot.campaignId, snapshot.profile]
            }).render(width: Table.terminalWidth()))
        }

        static func json(_ stored: StoredSnapshot) -> JSONValue {
            let snapshot = stored.snapshot
            return .object(JSONObject([
                ("snapshot", .string(stored.name)), ("takenAt", .string(AuditTime.format(snapshot.takenAt))),
                ("profile", .string(snapshot.profile)), ("host", .string(snapshot.host)), ("reason", .string(snapshot.reason)),
                ("campaignId", .string(snapshot.campaignId)), ("campaignName", .string(snapshot.campaignName)),
                ("bytes", .number(Double(stored.bytes))),
            ]))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a snapshot's JSON: what it is about, and the campaign as the server gave it.")
        @Argument(help: "The snapshot: its name from `snapshot list`, the start of one, or a path.") var snapshot: String

        func run() async throws {
            let stored = try SnapshotCommand.load(snapshot)
            Swift.print(stored.snapshot.json.serialized(pretty: true))
        }
    }

    /// The snapshot named `key`, or a one-line failure.
    static func load(_ key: String) throws -> StoredSnapshot {
        do { return try JournalSetup.snapshotStore().load(key) } catch let error as JournalError {
            throw CommandFailure(error.description)
        }
    }
}
