import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation

extension CampaignCommand {
    /// `campaign delete ID`: asks for the campaign's name on a terminal; needs --yes otherwise.
    /// Several ids or `--selector`: asks for the count (`CampaignBulk`).
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a campaign after typing its name (or with --yes); several: ids or --selector, the count typed.")

        @OptionGroup var connection: ConnectionOptions

        @Argument(help: "The campaign id (cd-…); several delete each.")
        var ids: [String] = []

        @Option(help: "Delete every campaign selected: status=…,type=sms|voice,name=TEXT,priority=N (terms AND, | within one).")
        var selector: String?

        @Flag(help: "Delete without asking. Required when there is no terminal.")
        var yes = false

        var id: String { ids.first ?? "" }

        func validate() throws {
            guard !ids.isEmpty || selector != nil else { throw ValidationError("give a campaign id (or several), or --selector") }
        }

        func run() async throws {
            if ids.count != 1 || selector != nil {
                let client = try connection.client()
                let targets = try await CampaignBulk.targets(ids: ids, selector: selector, client: client)
                let campaigns = targets.compactMap { if case .campaign(let campaign) = $0 { campaign } else { nil } }
                try CampaignBulk.confirm("delete", campaigns, yes: yes, warning: "This cannot be undone.")
                try await CampaignBulk.each(targets, verb: "deleted") { campaign in
                    try await client.delete(campaign.id ?? "", type: campaign.type ?? .sms)
                    return "deleted"
                }
                return
            }
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
        static let configuration = CommandConfiguration(abstract: "Start (play) a campaign; several: ids or --selector.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The campaign id (cd-…); several start each.") var ids: [String] = []
        @Option(help: "Start every campaign selected: status=…,type=sms|voice,name=TEXT,priority=N.") var selector: String?

        func validate() throws {
            guard !ids.isEmpty || selector != nil else { throw ValidationError("give a campaign id (or several), or --selector") }
        }

        func run() async throws {
            guard ids.count == 1, selector == nil else {
                return try await CampaignBulk.trigger(ids: ids, selector: selector, start: true, yes: true, connection: connection)
            }
            try await CampaignCommand.trigger(ids[0], connection: connection) { try await $0.start($1, type: $2) }
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a running campaign; several: ids or --selector (asks for the count, or --yes).")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The campaign id (cd-…); several stop each.") var ids: [String] = []
        @Option(help: "Stop every campaign selected: status=…,type=sms|voice,name=TEXT,priority=N.") var selector: String?
        @Flag(help: "Stop several without asking. Required when there is no terminal.") var yes = false

        func validate() throws {
            guard !ids.isEmpty || selector != nil else { throw ValidationError("give a campaign id (or several), or --selector") }
        }

        func run() async throws {
            guard ids.count == 1, selector == nil else {
                return try await CampaignBulk.trigger(ids: ids, selector: selector, start: false, yes: yes, connection: connection)
            }
            try await CampaignCommand.trigger(ids[0], connection: connection) { try await $0.stop($1, type: $2) }
        }
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
