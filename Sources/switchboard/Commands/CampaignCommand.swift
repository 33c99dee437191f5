import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation

/// `switchboard campaign …`.
struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "List, read, apply, delete, start, stop and export campaigns.",
        subcommands: [List.self, Get.self, Apply.self, Delete.self, Start.self, Stop.self, Export.self,
                      Status.self, Contacts.self, Progress.self, Schedule.self, Clone.self, Patch.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List campaigns of both kinds, or one kind.")

        @OptionGroup var connection: ConnectionOptions

        @Option(help: "Only sms or only voice campaigns.")
        var type: CampaignKindOption?

        @Option(parsing: .upToNextOption, help: "Only these statuses (Active, Ready, Stopped, …).")
        var status: [String] = []

        @Option(name: .shortAndLong, help: "table, json or yaml.")
        var output: OutputFormat = .table

        func run() async throws {
            let client = try connection.client()
            let campaigns = try await fetchAll(client, type: type?.campaignType, statuses: status.map(CampaignStatus.tolerant))
            switch output {
            case .table: print(CampaignTable.render(campaigns, width: Table.terminalWidth()))
            default: try printStructured(.array(campaigns.map(\.resourceJSON)), as: output)
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show every field of one campaign.")

        @OptionGroup var connection: ConnectionOptions

        @Argument(help: "The campaign id (cd-…).")
        var id: String

        @Option(name: .shortAndLong, help: "yaml or json.")
        var output: OutputFormat = .yaml

        func run() async throws {
            let campaign = try await connection.client().get(id)
            try printStructured(campaign.resourceJSON, as: output == .table ? .yaml : output)
        }
    }
}

/// `--type sms|voice`.
enum CampaignKindOption: String, ExpressibleByArgument, CaseIterable {
    case sms, voice
    var campaignType: CampaignType { self == .sms ? .sms : .voice }
}

/// Lists both kinds (one request each, as the API lists one kind at a time) or one kind.
func fetchAll(_ client: CampaignClient, type: CampaignType?, statuses: [CampaignStatus] = []) async throws -> [Campaign] {
    var all: [Campaign] = []
    for kind in type.map({ [$0] }) ?? [.sms, .voice] {
        all += try await client.listAll(CampaignListRequest(type: kind, sortBy: [(.updatedAt, .desc)], statuses: statuses))
    }
    return all.sorted { ($0.updatedAt ?? "") > ($1.updatedAt ?? "") }
}

/// The campaign list as a table.
enum CampaignTable {
    static func render(_ campaigns: [Campaign], width: Int) -> String {
        let rows = campaigns.map { campaign -> [String] in
            [
                campaign.type?.rawValue ?? "?", campaign.name, campaign.status?.rawValue ?? "",
                campaign.priority.map(String.init) ?? "", modeOrFormat(campaign),
                campaign.contactLists.joined(separator: ", "), shortDate(campaign.updatedAt), campaign.id ?? "",
            ]
        }
        let table = Table(columns: [
            .init(title: "TYPE", minWidth: 5, flexible: false), .init(title: "NAME", minWidth: 12, flexible: true),
            .init(title: "STATUS", minWidth: 9, flexible: false), .init(title: "PRI", minWidth: 3, flexible: false),
            .init(title: "MODE/FORMAT", minWidth: 8, flexible: true), .init(title: "CONTACT LISTS", minWidth: 8, flexible: true, dropOrder: 3),
            .init(title: "UPDATED", minWidth: 10, flexible: true, dropOrder: 2), .init(title: "ID", minWidth: 8, flexible: true, dropOrder: 1),
        ], rows: rows)
        return table.render(width: width)
    }

    static func modeOrFormat(_ campaign: Campaign) -> String {
        if let mode = campaign.dialingMode { return mode.rawValue }
        if campaign.format == .simple, campaign.message?.usesTemplate == true { return "template" }
        return campaign.format?.rawValue ?? ""
    }

    /// "2025-12-05 08:16" from an ISO timestamp.
    static func shortDate(_ iso: String?) -> String {
        guard let iso, iso.count >= 16 else { return iso ?? "" }
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5)
    }
}
