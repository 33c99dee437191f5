import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation

/// `contact-list contacts|update|delete|import`.
extension ContactListCommand {
    struct Contacts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every number of a contact list.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The contact list id (cl-…).") var id: String
        @Option(name: .shortAndLong, help: "table, json or yaml.") var output: OutputFormat = .table

        func run() async throws {
            var contacts: [ContactListContact] = []
            try await connection.client().forEachListContactsPage(id) { contacts += $0.results }
            guard output == .table else { return try printStructured(.array(contacts.map(\.json)), as: output) }
            print(Table(columns: [
                .init(title: "PHONE", minWidth: 10, flexible: false), .init(title: "ADDED", minWidth: 10, flexible: true, dropOrder: 2),
                .init(title: "ID", minWidth: 8, flexible: true, dropOrder: 1),
            ], rows: contacts.map { [$0.phoneNumber, CampaignTable.shortDate($0.createdAt), $0.id ?? ""] }).render(width: Table.terminalWidth()))
            print("\(contacts.count) number\(contacts.count == 1 ? "" : "s")")
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a contact list's name, description or duplicate rule.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The contact list id (cl-…).") var id: String
        @Option(help: "New name (at most 48 characters).") var name: String?
        @Option(help: "New description (at most 256 characters).") var description: String?
        @Option(help: "true or false: whether the list takes the same number twice.") var allowDuplicates: Bool?
        @Option(name: .shortAndLong, help: "yaml or json.") var output: OutputFormat = .yaml

        func run() async throws {
            guard name != nil || description != nil || allowDuplicates != nil else {
                throw CommandFailure("nothing to change: give --name, --description or --allow-duplicates")
            }
            let list = try await connection.client().updateContactList(id, name: name, description: description,
                                                                        allowDuplicates: allowDuplicates)
            print("Updated \(TerminalText.line(list.name)) (\(list.id ?? id)).")
            try printStructured(list.json, as: output == .table ? .yaml : output)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a contact list after typing its name (or with --yes); refused while a campaign uses it.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The contact list id (cl-…).") var id: String
        @Flag(help: "Delete without asking. Required when there is no terminal.") var yes = false

        func run() async throws {
            let client = try connection.client()
            let list = try await client.contactList(id)
            if list.isInUse {
                let campaigns = list.campaignsInUse
                throw CommandFailure("contact list \(list.name) (\(id)) is in use"
                    + (campaigns.isEmpty ? "" : " by: " + campaigns.joined(separator: ", "))
                    + "; remove it from the campaign\(campaigns.count == 1 ? "" : "s") first. Nothing was deleted.")
            }
            if !yes {
                guard isatty(STDIN_FILENO) != 0 else {
                    throw CommandFailure("refusing to delete \(list.name) without a terminal to confirm on: pass --yes")
                }
                print("Delete contact list \"\(TerminalText.line(list.name))\" (\(id)), \(list.totalRecordCount ?? 0) records?")
                print("Type its name to confirm: ", terminator: "")
                fflush(nil)
                guard let typed = readLine(), typed == list.name || typed == TerminalText.line(list.name) else {
                    throw CommandFailure("the name did not match; nothing was deleted")
                }
            }
            try await client.deleteContactList(id)
            print("Deleted \(TerminalText.line(list.name)) (\(id)).")
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the phone numbers of a CSV file to a contact list.",
            discussion: """
                The numbers are in the column headed phoneNumber, phone or number (any case), or in
                the file's only column. Each is digits with an optional leading +, 7 to 15 digits, and
                appears once unless the list allows duplicates. Every row is checked first: if any is
                bad, each is reported with its line and nothing is sent. Numbers go in batches of
                \(CampaignClient.importBatchSize); the platform adds them in the background.
                """)
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The contact list's id (cl-…) or name.") var list: String
        @Argument(help: "The CSV file.") var file: String
        @Flag(help: "Check the file and say what would be sent; send nothing.") var dryRun = false

        func run() async throws {
            let client = try connection.client()
            let target = try await Self.findList(list, client: client)
            let csv: ContactCSV
            do { csv = try ContactCSV(path: file, allowDuplicates: target.allowDuplicates ?? false) } catch {
                throw CommandFailure("\(file): \(error.message); nothing was sent")
            }
            guard csv.problems.isEmpty else {
                let count = csv.problems.count
                throw CommandFailure("\(file): \(count) bad row\(count == 1 ? "" : "s"); nothing was sent",
                                     csv.problems.map { "  \($0.description)" }.joined(separator: "\n"))
            }
            let batches = (csv.phoneNumbers.count + CampaignClient.importBatchSize - 1) / CampaignClient.importBatchSize
            let plan = "\(csv.phoneNumbers.count) number\(csv.phoneNumbers.count == 1 ? "" : "s") to \(TerminalText.line(target.name)) "
                + "(\(target.id ?? "?")) in \(batches) batch\(batches == 1 ? "" : "es")"
            if dryRun { return print("Dry run: would add \(plan); nothing was sent.") }
            do {
                let total = csv.phoneNumbers.count
                _ = try await client.importContacts(listName: target.name, phoneNumbers: csv.phoneNumbers) { sent, message in
                    print("queued \(sent)/\(total): \(TerminalText.line(message))")
                }
            } catch let interrupted as ImportInterrupted {
                let resume = interrupted.queued < csv.lines.count ? "; the first number not sent is on line \(csv.lines[interrupted.queued])" : ""
                throw CommandFailure("\(interrupted.error.description) — \(interrupted.queued) of \(csv.phoneNumbers.count) numbers "
                    + "were queued before the failure\(resume)")
            }
            print("Added \(plan); the platform adds them in the background.")
        }

        /// The list with id `key`, else the one named `key` (exactly, then ignoring case).
        static func findList(_ key: String, client: CampaignClient) async throws -> ContactList {
            if key.hasPrefix("cl-") {
                do { return try await client.contactList(key) } catch let error as APIError where error.kind == .notFound {}
            }
            let lists = try await client.contactLists()
            var matches = lists.filter { $0.name == key }
            if matches.isEmpty { matches = lists.filter { $0.name.caseInsensitiveCompare(key) == .orderedSame } }
            switch matches.count {
            case 0: throw CommandFailure("no contact list with id or name \(key)")
            case 1: return matches[0]
            default:
                throw CommandFailure("\(matches.count) contact lists are named \(key); give the id: "
                    + matches.compactMap(\.id).joined(separator: ", "))
            }
        }
    }
}
