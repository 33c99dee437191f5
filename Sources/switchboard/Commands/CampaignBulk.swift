import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation

/// Several campaigns at once for `campaign start|stop|delete|patch`: by ids or `--selector`
/// (status, type, name substring, priority: `CampaignSelector`). One request per campaign, one
/// result line per campaign, exit 1 if any failed.
enum CampaignBulk {
    /// A campaign to act on, or an id that could not be read.
    enum Target {
        case campaign(Campaign)
        case unreadable(id: String, message: String)
    }

    /// The campaigns named by `ids` (each read in full) or matched by `selector` (from the list).
    static func targets(ids: [String], selector: String?, client: CampaignClient) async throws -> [Target] {
        guard ids.isEmpty || selector == nil else {
            throw CommandFailure("give campaign ids or --selector, not both", code: 2)
        }
        if let selector {
            let filter: CampaignSelector
            do { filter = try CampaignSelector(parsing: selector) } catch { throw CommandFailure("\(error)", code: 2) }
            guard !filter.isEmpty else { throw CommandFailure("--selector selects nothing: e.g. status=Active,type=voice", code: 2) }
            let kind = filter.types.count == 1 ? CampaignType.tolerant(filter.types[0]) : nil
            return try await fetchAll(client, type: kind).filter(filter.matches).map(Target.campaign)
        }
        var targets: [Target] = []
        for id in ids {
            do { targets.append(.campaign(try await client.get(id))) } catch {
                targets.append(.unreadable(id: id, message: message(error)))
            }
        }
        return targets
    }

    static func message(_ error: Error) -> String {
        (error as? APIError)?.description ?? (error as? CommandFailure)?.lines.joined(separator: " ") ?? "\(error)"
    }

    static func label(_ campaign: Campaign) -> String { "\(campaign.name) (\(campaign.id ?? "no id"))" }

    /// A destructive bulk command without `--yes`: on a terminal the count must be typed; without
    /// one it is refused.
    static func confirm(_ verb: String, _ campaigns: [Campaign], yes: Bool, warning: String? = nil) throws {
        guard !yes, !campaigns.isEmpty else { return }
        guard isatty(STDIN_FILENO) != 0 else {
            throw CommandFailure("refusing to \(verb) \(campaigns.count) campaign\(campaigns.count == 1 ? "" : "s") without a terminal to confirm on: pass --yes")
        }
        print("\(verb.prefix(1).uppercased() + verb.dropFirst()) these \(campaigns.count) campaigns?")
        for campaign in campaigns {
            print("  \(label(campaign)) · \(campaign.type?.rawValue ?? "?") · \(campaign.status?.rawValue ?? "unknown")")
        }
        if let warning { print(warning) }
        print("Type the number of campaigns (\(campaigns.count)) to confirm: ", terminator: "")
        fflush(nil)
        guard readLine()?.trimmingCharacters(in: .whitespaces) == String(campaigns.count) else {
            throw CommandFailure("the count did not match; nothing was sent")
        }
    }

    /// Runs `act` on each campaign in turn, printing "✓ name (id): …" or "✗ name (id): …";
    /// throws (exit 1) when any failed.
    static func each(_ targets: [Target], verb: String, _ act: (Campaign) async throws -> String) async throws {
        var failed = 0
        for target in targets {
            switch target {
            case .unreadable(let id, let message):
                failed += 1
                print("✗ \(id): \(message)")
            case .campaign(let campaign):
                do {
                    print("✓ \(label(campaign)): " + (try await act(campaign)))
                } catch {
                    failed += 1
                    print("✗ \(label(campaign)): \(message(error))")
                }
            }
            fflush(nil)
        }
        let done = targets.count - failed
        print("\(verb) \(done) of \(targets.count)" + (failed > 0 ? ", \(failed) failed" : ""))
        if failed > 0 { throw CommandFailure("\(failed) of \(targets.count) failed") }
    }

    /// Start or stop several campaigns.
    static func trigger(ids: [String], selector: String?, start: Bool, yes: Bool, connection: ConnectionOptions) async throws {
        let client = try connection.client()
        let targets = try await targets(ids: ids, selector: selector, client: client)
        let campaigns = targets.compactMap { if case .campaign(let campaign) = $0 { campaign } else { nil } }
        if !start {
            let voice = campaigns.filter { $0.type == .voice }.count
            try confirm("stop", campaigns, yes: yes, warning: voice == 0 ? nil
                : "Stopping a voice campaign resets the campaign's data; rerunning it later creates a new instance of the campaign (\(voice) voice here).")
        }
        try await each(targets, verb: start ? "started" : "stopped") { campaign in
            let type = campaign.type ?? .sms
            let result = start ? try await client.start(campaign.id ?? "", type: type) : try await client.stop(campaign.id ?? "", type: type)
            return result.status.rawValue + (result.message.map { " (\($0))" } ?? "")
        }
    }
}

extension CampaignCommand {
    /// `campaign patch`: one change (priority, calling hours) to several campaigns, each saved on
    /// its own over its record as read just before.
    struct Patch: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change the priority or calling hours of several campaigns (ids or --selector).",
            discussion: """
                Each campaign is read in full, changed, validated and saved on its own; a campaign
                already holding the value is not written. --dry-run prints the plan (per campaign:
                update with its field diff, or no change) and writes nothing.
                --calling-hours FILE holds a days array ([{day: MO, start: "9:00 AM", end: "5:00 PM"}, …])
                or {days: [...], timezone: ...}: the days are copied as they are ("same local times");
                each campaign keeps its own timezone.
                """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Campaign ids (cd-…); or use --selector.") var ids: [String] = []
        @Option(help: "Campaigns to change: status=Active,type=voice,name=EMEA,priority=2|3 (terms AND, | within one).")
        var selector: String?
        @Option(name: .customLong("set"), help: "A field to set: priority=N (1–5).") var assignments: [String] = []
        @Option(help: "A YAML or JSON file with the days array to give every campaign (same local times).")
        var callingHours: String?
        @Flag(help: "Print the plan; write nothing.") var dryRun = false
        @Flag(help: "Write without asking. Required when there is no terminal.") var yes = false
        @Flag(help: "Treat compliance findings (the profile's `compliance:` rules) as problems: nothing is written.")
        var strict = false

        func run() async throws {
            let change = try PatchChange(assignments: assignments, callingHoursFile: callingHours)
            let rules = try ComplianceCheck.rules(ids: [], profile: try? connection.resolve(), file: nil)
            let lint = rules.isEmpty ? nil : ComplianceLint(rules: rules)
            let client = try connection.client()
            let targets = try await CampaignBulk.targets(ids: ids, selector: selector, client: client)
            // The plan: every campaign read in full (a selector's rows are summaries), changed.
            var plans: [(current: Campaign, patched: Campaign, changes: [FieldChange])] = []
            var resolved: [CampaignBulk.Target] = []
            for target in targets {
                guard case .campaign(let listed) = target, let id = listed.id else { resolved.append(target); continue }
                do {
                    let current = ids.isEmpty ? try await client.get(id) : listed
                    let patched = try change.applied(to: current)
                    if let problem = CampaignValidator.review(patched, comparedTo: current).blocking.first {
                        throw CommandFailure(problem.description)
                    }
                    plans.append((current, patched, CampaignDiff.changes(from: current, to: patched)))
                    resolved.append(.campaign(current))
                } catch {
                    resolved.append(.unreadable(id: "\(listed.name) (\(id))", message: CampaignBulk.message(error)))
                }
            }
            for plan in plans {
                if plan.changes.isEmpty {
                    print("= \(CampaignBulk.label(plan.current)): no changes")
                } else {
                    print("~ update \(CampaignBulk.label(plan.current)):")
                    plan.changes.forEach { print("    \($0)") }
                }
            }
            let updates = plans.filter { !$0.changes.isEmpty }
            // The calling hours each update would leave, against the profile's compliance rules.
            let findings = lint.map { lint in
                updates.flatMap { plan in
                    ComplianceCheck.lines(for: plan.patched, lint: lint, referenceDate: Date())
                        .map { "\(CampaignBulk.label(plan.current)): compliance: \($0)" }
                }
            } ?? []
            if !findings.isEmpty {
                if strict { throw CommandFailure(lines: ["\(findings.count) compliance finding\(findings.count == 1 ? "" : "s") (--strict): nothing was written"] + findings) }
                ErrorOutput.write(["warning: \(findings.count) compliance finding\(findings.count == 1 ? "" : "s") (not refused):"] + findings)
            }
            if dryRun {
                let failed = resolved.count - plans.count
                for case .unreadable(let id, let message) in resolved { print("✗ \(id): \(message)") }
                print("Dry run: \(plans.count) campaign\(plans.count == 1 ? "" : "s"), \(updates.count) to update, "
                      + "\(plans.count - updates.count) unchanged" + (failed > 0 ? ", \(failed) failed" : "") + "; nothing was written.")
                if failed > 0 { throw CommandFailure("\(failed) of \(resolved.count) cannot be patched") }
                return
            }
            try CampaignBulk.confirm("update", updates.map(\.patched), yes: yes)
            let patched = Dictionary(plans.map { ($0.current.id ?? "", $0) }, uniquingKeysWith: { first, _ in first })
            try await CampaignBulk.each(resolved, verb: "updated") { campaign in
                guard let plan = patched[campaign.id ?? ""] else { return "no change" }
                if plan.changes.isEmpty { return "no change" }
                let saved = try await client.update(plan.patched)
                return "updated at \(saved.updatedAt ?? "?")"
            }
        }
    }
}

/// What `campaign patch` changes.
struct PatchChange {
    var priority: Int?
    var days: [CallingDay]?

    init(assignments: [String], callingHoursFile: String?) throws {
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw CommandFailure("--set \(assignment): expected field=value (priority=3)", code: 2) }
            switch parts[0].lowercased() {
            case "priority":
                guard let value = Int(parts[1]), (1...5).contains(value) else {
                    throw CommandFailure("--set priority=\(parts[1]): priority must be 1 to 5", code: 2)
                }
                priority = value
            default:
                throw CommandFailure("--set \(parts[0]): only priority can be set (calling hours: --calling-hours FILE)", code: 2)
            }
        }
        if let callingHoursFile { days = try Self.readDays(callingHoursFile) }
        guard priority != nil || days != nil else {
            throw CommandFailure("nothing to change: give --set priority=N or --calling-hours FILE", code: 2)
        }
    }

    /// The campaign with the change made; calling hours only where the campaign has them.
    func applied(to campaign: Campaign) throws -> Campaign {
        var patched = campaign
        if let priority { patched.priority = priority }
        if let days {
            guard var hours = campaign.dialingStrategy?.callingHours else {
                throw CommandFailure("it has no calling hours to replace")
            }
            hours.days = days
            patched.dialingStrategy?.callingHours = hours
        }
        return patched
    }

    /// A days array, alone or under `days` (beside a timezone, which is not applied).
    static func readDays(_ path: String) throws -> [CallingDay] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CommandFailure("cannot read \(path)", code: 2) }
        let document: JSONValue
        if let json = try? JSONValue.parse(Data(text.utf8)) { document = json } else {
            do { document = try YAMLBridge.parseAll(text).first ?? .null } catch {
                throw CommandFailure("\(path) is neither YAML nor JSON: \(error)", code: 2)
            }
        }
        let object = document.objectValue
        guard let items = document.arrayValue ?? object?["days"]?.arrayValue
                ?? object?["callingHours"]?.objectValue?["days"]?.arrayValue else {
            throw CommandFailure("\(path): expected a days array, or {days: [...], timezone: ...}", code: 2)
        }
        let days = try items.enumerated().map { index, item -> CallingDay in
            guard let entry = item.objectValue, let day = entry["day"]?.stringValue, let start = entry["start"]?.stringValue,
                  let end = entry["end"]?.stringValue else {
                throw CommandFailure("\(path): days[\(index)] needs day, start and end", code: 2)
            }
            return CallingDay(day: day, start: start, end: end)
        }
        guard !days.isEmpty else { throw CommandFailure("\(path): the days array is empty", code: 2) }
        return days
    }
}
