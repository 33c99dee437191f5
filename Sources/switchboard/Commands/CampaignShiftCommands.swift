import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation

/// What a supervisor uses during a shift: status, contacts, progress, schedules, clone.
extension CampaignCommand {
    /// `campaign status ID`.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a campaign's current status.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The campaign id (cd-…).") var id: String
        @Option(name: .shortAndLong, help: "table, json or yaml.") var output: OutputFormat = .table

        func run() async throws {
            let info = try await connection.client().status(id)
            guard output == .table else { return try printStructured(info.json, as: output) }
            print("\(TerminalText.line(info.name ?? "")) (\(info.id)): \(info.status.rawValue)")
        }
    }

    /// `campaign contacts ID`: every contact, all pages.
    struct Contacts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every contact of a campaign with its outcome, attempts and disposition codes.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The campaign id (cd-…).") var id: String
        @Option(name: .shortAndLong, help: "table, json or yaml.") var output: OutputFormat = .table

        func run() async throws {
            let client = try connection.client()
            var contacts: [CampaignContact] = []
            try await client.forEachContactsPage(id) { contacts += $0.results }
            guard output == .table else { return try printStructured(.array(contacts.map(\.json)), as: output) }
            print(ContactsTable.render(contacts, width: Table.terminalWidth()))
            let tally = OutcomeTally(contacts)
            print("\(tally.total) contact\(tally.total == 1 ? "" : "s"), \(tally.finalCount) with a final outcome")
        }
    }

    /// `campaign progress [ID…]`: outcome counts per campaign.
    struct Progress: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count each campaign's contacts by outcome.",
            discussion: "Without ids: every Active or Paused campaign. Each campaign's contacts are read in full.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Campaign ids (cd-…); none means every Active or Paused campaign.") var ids: [String] = []
        @Option(name: .shortAndLong, help: "table, json or yaml.") var output: OutputFormat = .table

        func run() async throws {
            let client = try connection.client()
            let campaigns: [Campaign]
            if ids.isEmpty {
                campaigns = try await fetchAll(client, type: nil, statuses: [.active, .paused])
            } else {
                campaigns = try await ids.asyncMap { try await client.get($0) }
            }
            // Four campaigns counted at a time; each pages its own contacts.
            let ids = campaigns.compactMap(\.id)
            var tallies: [String: OutcomeTally] = [:]
            try await withThrowingTaskGroup(of: (String, OutcomeTally).self) { group in
                var next = 0
                func enqueue() {
                    guard next < ids.count else { return }
                    let id = ids[next]
                    next += 1
                    group.addTask { (id, try await client.progress(id)) }
                }
                for _ in 0..<4 { enqueue() }
                while let (id, tally) = try await group.next() {
                    tallies[id] = tally
                    enqueue()
                }
            }
            let rows = campaigns.map { ($0, tallies[$0.id ?? ""] ?? OutcomeTally()) }
            guard output == .table else { return try printStructured(.array(rows.map(ProgressTable.json)), as: output) }
            if rows.isEmpty { return print("No Active or Paused campaigns.") }
            print(ProgressTable.render(rows, width: Table.terminalWidth()))
        }
    }

    /// `campaign schedule enable|disable ID`.
    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enable or disable a campaign's recurring schedule.", subcommands: [Enable.self, Disable.self])

        struct Enable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Enable a campaign's recurring schedule.",
                discussion: """
                    Sends the recurring schedule the campaign's record holds; --start, --end, --every and
                    --days give or replace it. Times are "YYYY-MM-DD HH:mm:ss"; --days Mon,Wed makes it
                    weekly (every N weeks), without --days it is daily (every N days).
                    """)
            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "The campaign id (cd-…).") var id: String
            @Option(help: "Start, \"YYYY-MM-DD HH:mm:ss\".") var start: String?
            @Option(help: "End, \"YYYY-MM-DD HH:mm:ss\", after the start and in the future.") var end: String?
            @Option(help: "Once every N days (or weeks with --days).") var every: Int?
            @Option(help: "Weekly on these days: Mon,Tue,Wed,Thu,Fri,Sat,Sun.") var days: String?

            func run() async throws {
                let client = try connection.client()
                let campaign = try await client.get(id)
                let schedule = try ScheduleOptions.resolve(campaign: campaign, start: start, end: end, every: every, days: days)
                let message = try await client.enableSchedule(campaignName: campaign.name, schedule)
                print(TerminalText.line(message.isEmpty ? "Scheduled \(campaign.name)." : message))
            }
        }

        struct Disable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Disable a campaign's recurring schedule.")
            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "The campaign id (cd-…).") var id: String

            func run() async throws {
                let client = try connection.client()
                let campaign = try await client.get(id)
                let message = try await client.disableSchedule(campaignName: campaign.name)
                print(TerminalText.line(message.isEmpty ? "Schedule of \(campaign.name) disabled." : message))
            }
        }
    }

    /// `campaign clone ID --name NEW`.
    struct Clone: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a copy of a campaign under a new name (checked like a new campaign).")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The campaign id (cd-…) to copy.") var id: String
        @Option(help: "The copy's name (1–48 characters, different from the original's).") var name: String
        @Option(help: "The experience flow's name, for an agentless or advanced SMS campaign (records give only its id).")
        var experienceFlow: String?

        func run() async throws {
            let copy = try await connection.client().clone(id, newName: name, experienceFlowName: experienceFlow)
            print("Created \(TerminalText.line(copy.name)) (\(copy.id ?? "?")), status \(copy.status?.rawValue ?? "unknown"), from \(id).")
        }
    }
}

/// The recurring schedule `schedule enable` sends: the campaign's own, with the options over it.
enum ScheduleOptions {
    static func resolve(campaign: Campaign, start: String?, end: String?, every: Int?, days: String?) throws -> RecurringSchedule {
        let own = campaign.recurringSchedule
        guard own != nil || (start != nil && end != nil) else {
            throw CommandFailure("\(campaign.name) holds no recurring schedule of its own: give --start and --end "
                + "(\"YYYY-MM-DD HH:mm:ss\"), and --every N or --days Mon,Wed")
        }
        var body = (own?.json.objectValue) ?? JSONObject()
        if let start { body["startDateTime"] = .string(start) }
        if let end { body["endDateTime"] = .string(end) }
        if every != nil || days != nil || own == nil {
            var ownDays: [String]?
            var ownCount: Int?
            switch own?.recurrence {
            case .daily(let n)?: ownCount = n
            case .weekly(let n, let weekdays)?: ownCount = n; ownDays = weekdays.map(\.shortName)
            case nil: break
            }
            let weeklyDays = days.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? ownDays
            let count = every ?? ownCount ?? 1
            if let weeklyDays {
                body["recurrenceObject"] = ["recurType": "Weekly",
                                            "weeklyDetails": ["onceEveryNweeks": .number(Double(count)),
                                                              "whichDays": .array(weeklyDays.map(JSONValue.string))]]
            } else {
                body["recurrenceObject"] = ["recurType": "Daily", "dailyDetails": ["onceEveryNdays": .number(Double(count))]]
            }
        }
        do { return try RecurringSchedule(json: .object(body)) } catch {
            throw CommandFailure("the schedule is not valid; nothing was sent", error.issues.map { "  \($0.description)" }.joined(separator: "\n"))
        }
    }
}

/// A campaign's contacts as a table.
enum ContactsTable {
    static func render(_ contacts: [CampaignContact], width: Int) -> String {
        Table(columns: [
            .init(title: "PHONE", minWidth: 10, flexible: false), .init(title: "OUTCOME", minWidth: 10, flexible: false),
            .init(title: "ATTEMPTS", minWidth: 8, flexible: false), .init(title: "DISPOSITION", minWidth: 10, flexible: true),
            .init(title: "BOT STATUS", minWidth: 10, flexible: true, dropOrder: 3), .init(title: "DETAIL", minWidth: 8, flexible: true, dropOrder: 1),
            .init(title: "SESSION", minWidth: 8, flexible: true, dropOrder: 2),
        ], rows: contacts.map {
            [$0.phoneNumber, $0.isFinal ? $0.dialerOutcome : "(in progress)", String($0.numberOfAttemptsSoFar),
             $0.agentDispositionCodes.joined(separator: ", "), $0.botOutboundStatus ?? "", $0.botOutboundStatusDetail ?? "",
             $0.botSessionId ?? ""]
        }).render(width: width)
    }
}

/// Outcome counts per campaign as a table or JSON.
enum ProgressTable {
    static func render(_ rows: [(Campaign, OutcomeTally)], width: Int) -> String {
        Table(columns: [
            .init(title: "TYPE", minWidth: 5, flexible: false), .init(title: "NAME", minWidth: 10, flexible: true),
            .init(title: "STATUS", minWidth: 9, flexible: false), .init(title: "DONE", minWidth: 9, flexible: false),
            .init(title: "CONNECTED", minWidth: 9, flexible: false), .init(title: "NO ANSWER", minWidth: 9, flexible: false),
            .init(title: "BUSY", minWidth: 4, flexible: false), .init(title: "FAILED", minWidth: 6, flexible: false),
            .init(title: "IN PROGRESS", minWidth: 11, flexible: false, dropOrder: 4), .init(title: "OTHER", minWidth: 5, flexible: false, dropOrder: 3),
            .init(title: "CONN %", minWidth: 6, flexible: false), .init(title: "ATTEMPTS", minWidth: 8, flexible: false, dropOrder: 2),
            .init(title: "ID", minWidth: 8, flexible: true, dropOrder: 1),
        ], rows: rows.map { campaign, tally in
            [campaign.type?.rawValue ?? "?", campaign.name, campaign.status?.rawValue ?? "", "\(tally.finalCount)/\(tally.total)",
             String(tally.connected), String(tally.noAnswer), String(tally.busy), String(tally.failed), String(tally.inProgress),
             String(tally.other), tally.connectedPercent.map { String(format: "%.1f", $0) } ?? "–", String(tally.attempts),
             campaign.id ?? ""]
        }).render(width: width)
    }

    static func json(_ row: (Campaign, OutcomeTally)) -> JSONValue {
        let (campaign, tally) = row
        var object = JSONObject([("id", .string(campaign.id ?? "")), ("name", .string(campaign.name)),
                                 ("status", .string(campaign.status?.rawValue ?? ""))])
        if let type = campaign.type { object["campaignType"] = .string(type.rawValue) }
        let counts: [(String, Int)] = [
            ("total", tally.total), ("final", tally.finalCount), ("connected", tally.connected), ("noAnswer", tally.noAnswer),
            ("busy", tally.busy), ("failed", tally.failed), ("inProgress", tally.inProgress), ("other", tally.other),
            ("attempts", tally.attempts),
        ]
        for (key, value) in counts { object[key] = .number(Double(value)) }
        object["connectedPercent"] = tally.connectedPercent.map { .number(($0 * 10).rounded() / 10) } ?? .null
        return .object(object)
    }
}

extension Array {
    /// `transform` applied to each element in order, one at a time.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        results.reserveCapacity(count)
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
