import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation

/// `switchboard lint`: every campaign's calling windows against the compliance rules.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check campaigns' calling hours against compliance rules (TCPA, state laws, TRAI).",
        discussion: """
            Each calling window is converted from the campaign's time zone into every recipient zone a \
            rule covers, on real dates (this week and the week after each daylight-saving change in \
            the coming year), and every window that falls outside the rule's hours is reported.

            Rules: the profile's `compliance: [us-federal, us-fl, …]` in config.yaml, or --rule. \
            Shipped: \(ComplianceRulesLoader.shipped.map(\.id).joined(separator: ", ")). A compliance.yaml \
            next to config.yaml (or --rules FILE) adds rules and replaces shipped ones by id. Holidays, \
            consent and exemptions are not modelled: these are warnings, not legal advice.

            Exit status: 0 when clean, and also with findings; 1 with findings under --strict (or on failure).
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Only campaigns matching, e.g. status=Active,type=voice,name=promo,priority=3 (| separates alternatives).")
    var selector: String?

    @Option(name: .customLong("rule"), help: "A rule id to check (repeatable); replaces the profile's compliance list.")
    var rules: [String] = []

    @Option(name: .customLong("rules"), help: "A rules file to read instead of compliance.yaml in the config directory.")
    var rulesFile: String?

    @Option(help: "Check the weeks from this date (YYYY-MM-DD, default today).")
    var on: String?

    @Option(name: .shortAndLong, help: "table or json.")
    var output: OutputFormat = .table

    @Flag(help: "Exit 1 when there is any finding.")
    var strict = false

    func validate() throws {
        if output == .yaml { throw ValidationError("-o must be table or json") }
        if let on, Self.date(on) == nil { throw ValidationError("--on must be a date like 2027-01-15") }
        if let selector {
            do { _ = try CampaignSelector(parsing: selector) } catch { throw ValidationError(error.description) }
        }
    }

    static func date(_ text: String) -> Date? {
        guard let day = try? Date.ISO8601FormatStyle().year().month().day().parse(text) else { return nil }
        return day.addingTimeInterval(12 * 3_600)
    }

    func run() async throws {
        let profile = try connection.resolve()
        let selected = try ComplianceCheck.rules(ids: rules, profile: profile, file: rulesFile)
        guard !selected.isEmpty else {
            throw CommandFailure("no compliance rules selected: set `compliance: [us-federal, …]` in profile \(profile.name) of "
                + "\(profile.configPath ?? ProfileLoader.defaultConfigPath().path), or pass --rule ID", code: 2)
        }
        let filter = try selector.map { text throws -> CampaignSelector in
            do { return try CampaignSelector(parsing: text) } catch { throw CommandFailure("\(error)", code: 2) }
        } ?? CampaignSelector()
        let client = try connection.client()
        let kind = filter.types.count == 1 ? CampaignType.tolerant(filter.types[0]) : nil
        var campaigns = try await fetchAll(client, type: kind).filter(filter.matches)
        for (index, campaign) in campaigns.enumerated() where campaign.dialingStrategy?.callingHours == nil {
            // A list row without its calling hours: read the full record.
            if let id = campaign.id, let full = try? await client.get(id) { campaigns[index] = full }
        }
        let lint = ComplianceLint(rules: selected)
        let reference = on.flatMap(Self.date) ?? Date()
        let report = campaigns.map { campaign in (campaign, ComplianceCheck.lines(for: campaign, lint: lint, referenceDate: reference)) }
        let findings = report.reduce(0) { $0 + $1.1.count }
        switch output {
        case .json:
            print(Self.json(report, lint: lint, reference: reference).serialized(pretty: true))
        default:
            for (campaign, lines) in report where !lines.isEmpty {
                print("\(campaign.name) (\(campaign.id ?? "no id"), \(campaign.type?.rawValue ?? "?")):")
                lines.forEach { print("  " + $0) }
            }
            let flagged = report.filter { !$0.1.isEmpty }.count
            print("\(findings) finding\(findings == 1 ? "" : "s") in \(flagged) of \(campaigns.count) campaign\(campaigns.count == 1 ? "" : "s")"
                + " (rules: \(selected.map(\.id).joined(separator: ", ")))")
        }
        if strict, findings > 0 {
            throw CommandFailure("\(findings) compliance finding\(findings == 1 ? "" : "s") (--strict)")
        }
    }

    static func json(_ report: [(Campaign, [String])], lint: ComplianceLint, reference: Date) -> JSONValue {
        .array(report.flatMap { campaign, _ -> [JSONValue] in
            let findings: [ComplianceFinding]
            do { findings = try lint.findings(for: campaign, referenceDate: reference) } catch {
                return [.object(JSONObject([("campaignId", .string(campaign.id ?? "")), ("campaign", .string(campaign.name)),
                                            ("error", .string((error as? ValidationFailure)?.issues.first?.description ?? "unreadable calling hours"))]))]
            }
            return findings.map { finding in
                .object(JSONObject([
                    ("campaignId", .string(campaign.id ?? "")), ("campaign", .string(campaign.name)),
                    ("type", .string(campaign.type?.rawValue ?? "")), ("rule", .string(finding.ruleId)),
                    ("citation", .string(finding.citation)), ("zone", .string(finding.zone)), ("day", .string(finding.day.code)),
                    ("start", .string(finding.window.startTime.formatted)), ("end", .string(finding.window.endTime.formatted)),
                    ("everyWeek", .bool(finding.everyWeek)), ("weekOf", .string(finding.weekOf)),
                    ("message", .string(finding.description)),
                ]))
            }
        })
    }
}
