import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation

/// `switchboard contact-list list|get`.
struct ContactListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact-list", abstract: "Read, change, delete and fill contact lists.",
        subcommands: [List.self, Get.self, Contacts.self, Update.self, Delete.self, Import.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the contact lists (DNC lists included).")
        @OptionGroup var connection: ConnectionOptions
        @Option(name: .shortAndLong, help: "table, json or yaml.") var output: OutputFormat = .table

        func run() async throws {
            let lists = try await connection.client().contactLists()
            guard output == .table else { return try printStructured(.array(lists.map(\.json)), as: output) }
            let table = Table(columns: [
                .init(title: "NAME", minWidth: 12, flexible: true), .init(title: "RECORDS", minWidth: 7, flexible: false),
                .init(title: "STATUS", minWidth: 6, flexible: false), .init(title: "IN USE", minWidth: 6, flexible: false),
                .init(title: "UPDATED", minWidth: 10, flexible: true, dropOrder: 2), .init(title: "ID", minWidth: 8, flexible: true, dropOrder: 1),
            ], rows: lists.map {
                [$0.name, $0.totalRecordCount.map(String.init) ?? "", $0.status ?? "", $0.isListInUse == true ? "yes" : "no",
                 CampaignTable.shortDate($0.updatedAt), $0.id ?? ""]
            })
            print(table.render(width: Table.terminalWidth()))
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one contact list.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The contact list id (cl-…).") var id: String
        @Option(name: .shortAndLong, help: "yaml or json.") var output: OutputFormat = .yaml

        func run() async throws {
            let list = try await connection.client().contactList(id)
            try printStructured(list.json, as: output == .table ? .yaml : output)
        }
    }
}

/// `switchboard config`: the resolved profile, secrets masked, with where each value came from.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the resolved profile (secrets masked) and where each value came from.")

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let resolved = try connection.resolve()
        resolved.summaryLines.forEach { print($0) }
        if case .failure(let error) = Result(catching: { () throws(APIError) -> APIProfile in try resolved.apiProfile() }) {
            print("\nNot usable yet: \(error.summary)")
        }
    }
}
