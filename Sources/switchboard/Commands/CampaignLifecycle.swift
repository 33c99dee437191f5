import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation

extension CampaignCommand {
    /// `campaign delete ID`: asks for the campaign's name on a terminal; needs --yes otherwise.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a campaign after typing its name (or with --yes).")

        @OptionGroup var connection: ConnectionOptions

        @Argument(help: "The campaign id (cd-…).")
        var id: String

        @Flag(help: "Delete without asking. Required when there is no terminal.")
        var yes = false

        func run() async throws {
            let client = try connection.client()
            let campaign = try await client.get(id)
            if !yes {
                guard isatty(STDIN_FILENO) != 0 else {
                    throw CommandFailure("refusing to delete \(campaign.name) without a terminal to confirm on: pass --yes")
                }
                print("Delete \(campaign.type?.rawValue ?? "") campaign \"\(campaign.name)\" (\(id)), status \(campaign.status?.rawValue ?? "unknown")?")
                if campaign.status == .active { print("WARNING: it is running now; stop it first.") }
                print("Type its name to confirm: ", terminator: "")
                fflush(nil)
                // The name as shown: control characters in it cannot be typed, so they are not asked for.
                guard let typed = readLine(), typed == campaign.name || typed == TerminalText.line(campaign.name) else {
                    throw CommandFailure("the name did not match; nothing was deleted")
                }
            }
            try await client.delete(id, type: campaign.type ?? .sms)
            print("Deleted \(campaign.name) (\(id)).")
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start (play) a campaign.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The campaign id (cd-…).") var id: String

        func run() async throws { try await CampaignCommand.trigger(id, connection: connection) { try await $0.start($1, type: $2) } }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a running campaign.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The campaign id (cd-…).") var id: String

        func run() async throws { try await CampaignCommand.trigger(id, connection: connection) { try await $0.stop($1, type: $2) } }
    }

    /// Start and stop: look the campaign up for its type and name, pull the trigger, say what happened.
    static func trigger(_ id: String, connection: ConnectionOptions,
                        _ pull: (CampaignClient, String, CampaignType) async throws -> TriggerResult) async throws {
        let client = try connection.client()
        let campaign = try await client.get(id)
        let result = try await pull(client, id, campaign.type ?? .sms)
        print("\(campaign.name): \(result.status.rawValue) (\(result.message ?? ""))")
    }

    /// `campaign export`: every campaign in full, in a form `apply` takes back unchanged.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every campaign, in full, as YAML or JSON that `apply` takes back unchanged.")

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "Only sms or only voice campaigns.")
        var type: CampaignKindOption?

        @Option(name: .shortAndLong, help: "yaml or json.")
        var output: OutputFormat = .yaml

        /// Fields the server owns; left out so the file holds what a supervisor can change.
        static let serverOwned = ["lname", "status", "createdAt", "updatedAt", "campaignInstanceId"]

        func run() async throws {
            let client = try connection.client()
            let summaries = try await fetchAll(client, type: type?.campaignType)
            // The list gives summaries; the full campaign takes one GET each, eight at a time.
            let ids = summaries.compactMap(\.id)
            var full: [String: Campaign] = [:]
            try await withThrowingTaskGroup(of: Campaign.self) { group in
                var next = 0
                func enqueue() {
                    guard next < ids.count else { return }
                    let id = ids[next]
                    next += 1
                    group.addTask { try await client.get(id) }
                }
                for _ in 0..<8 { enqueue() }
                while let campaign = try await group.next() {
                    if let id = campaign.id { full[id] = campaign }
                    enqueue()
                }
            }
            let exported = ids.compactMap { full[$0] }.map(Self.exportForm)
            try printStructured(.array(exported), as: output == .table ? .yaml : output)
        }

        static func exportForm(_ campaign: Campaign) -> JSONValue {
            var object = campaign.resourceJSON.objectValue ?? JSONObject()
            for key in serverOwned + campaign.serverFields.keys { object[key] = nil }
            return .object(object)
        }
    }
}
