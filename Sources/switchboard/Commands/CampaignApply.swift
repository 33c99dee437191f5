import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation

extension CampaignCommand {
    /// `campaign apply -f FILE`: create campaigns without an id, update those with one.
    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or update campaigns from a YAML or JSON file.",
            discussion: """
                The file holds one campaign, a list of them, {campaigns: [...]}, or several YAML
                documents. A campaign without an id is created; one with an id is updated. Every
                campaign is validated first and nothing is written if any breaks a documented rule
                in a field it changes (compared with the server's current record); a field left
                as the server holds it never refuses. Warnings go to stderr and write anyway.
                Before writing, a field-by-field diff against the server is printed.
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Option(name: .shortAndLong, help: "The file to apply; - reads standard input.")
        var file: String

        @Flag(help: "Print the diff and the exact request bodies; write nothing.")
        var dryRun = false

        @Flag(help: "Treat compliance findings (the profile's `compliance:` rules) as problems: nothing is written.")
        var strict = false

        func run() async throws {
            let campaigns = try CampaignFile.read(file)
            // An update is judged against the server's current record: fetch those first.
            var currents: [Campaign?] = Array(repeating: nil, count: campaigns.count)
            var client: CampaignClient?
            for (index, campaign) in campaigns.enumerated() {
                guard let id = campaign.id else { continue }
                let connected = try client ?? connection.client()
                client = connected
                do { currents[index] = try await connected.get(id) } catch let error as APIError where error.kind == .notFound {
                    throw CommandFailure("no campaign with id \(id) to update (\(campaign.name)); remove the id to create it")
                }
            }
            var problems: [String] = []
            var warnings: [String] = []
            // Compliance lint when the profile selects rules: warnings, or problems under --strict.
            let selectedRules = try ComplianceCheck.rules(ids: [], profile: try? connection.resolve(), file: nil)
            let complianceLint = selectedRules.isEmpty ? nil : ComplianceLint(rules: selectedRules)
            for (index, campaign) in campaigns.enumerated() {
                let label = "  [\(index)] \(campaign.name.isEmpty ? "(unnamed)" : campaign.name): "
                let merged = Self.merged(campaign, over: currents[index])
                let report = CampaignValidator.review(merged, comparedTo: currents[index])
                problems += report.blocking.map { label + $0.description }
                // A campaign the file leaves as it is will not be written: nothing to warn about.
                if let current = currents[index], CampaignDiff.changes(from: current, to: merged).isEmpty { continue }
                warnings += report.warnings.map { label + $0.description }
                let compliance = complianceLint.map { ComplianceCheck.lines(for: merged, lint: $0, referenceDate: Date()) } ?? []
                if strict { problems += compliance.map { label + "compliance: " + $0 } } else { warnings += compliance.map { label + "compliance: " + $0 } }
            }
            if !warnings.isEmpty {
                // Warnings never refuse: Switchboard's beliefs, and what unchanged fields hold.
                let header = "warning: \(warnings.count) warning\(warnings.count == 1 ? "" : "s") (not refused):"
                ErrorOutput.write([header] + warnings)
            }
            guard problems.isEmpty else {
                throw CommandFailure("\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was written", problems.joined(separator: "\n"))
            }
            let plans = zip(campaigns, currents).map { (campaign: $0, current: $1) }
            let writer = try client ?? connection.client()
            var unchanged = 0
            for (campaign, current) in plans {
                if let current {
                    let merged = Self.merged(campaign, over: current)
                    let changes = CampaignDiff.changes(from: current, to: merged)
                    if changes.isEmpty {
                        unchanged += 1
                        print("= \(campaign.name) (\(campaign.id ?? "")): no changes")
                        continue
                    }
                    print("~ update \(campaign.name) (\(campaign.id ?? "")):")
                    changes.forEach { print("    \($0)") }
                    if dryRun {
                        print("  PUT body:\n" + indent(CampaignRequestBody.body(for: merged, operation: .update).serialized(pretty: true)))
                    } else {
                        let saved = try await writer.update(merged)
                        print("  updated at \(saved.updatedAt ?? "?")")
                    }
                } else {
                    print("+ create \(campaign.name) (\(campaign.type?.rawValue ?? "?")):")
                    CampaignDiff.flatten(CampaignRequestBody.body(for: campaign, operation: .create)).forEach { print("    + \($0.0): \($0.1)") }
                    if dryRun {
                        print("  POST body:\n" + indent(CampaignRequestBody.body(for: campaign, operation: .create).serialized(pretty: true)))
                    } else {
                        let created = try await writer.create(campaign)
                        print("  created \(created.id ?? "")")
                    }
                }
            }
            let summary = "\(plans.count) campaign\(plans.count == 1 ? "" : "s"), \(unchanged) unchanged"
            print(dryRun ? "Dry run: \(summary); nothing was written." : "Applied: \(summary).")
        }

        /// The file's campaign as it would be sent over `current`: its type from the server when the
        /// file leaves it out.
        static func merged(_ campaign: Campaign, over current: Campaign?) -> Campaign {
            var merged = campaign
            merged.type = campaign.type ?? current?.type
            return merged
        }

        private func indent(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        }
    }
}

/// Reads campaigns from apply and export files.
enum CampaignFile {
    static func read(_ path: String) throws -> [Campaign] {
        let text: String
        if path == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CommandFailure("cannot read \(path)")
            }
            text = contents
        }
        // JSON is read as JSON: the YAML reader refuses characters JSON allows (DEL, C1), so a
        // `get -o json` of such a campaign could not be applied back.
        let documents: [JSONValue]
        if let json = try? JSONValue.parse(Data(text.utf8)) {
            documents = [json]
        } else {
            do { documents = try YAMLBridge.parseAll(text) } catch {
                throw CommandFailure("\(path) is neither YAML nor JSON: \(error)")
            }
        }
        var items: [JSONValue] = []
        for document in documents {
            if let array = document.arrayValue { items += array }
            else if let list = document.objectValue?["campaigns"]?.arrayValue { items += list }
            else if document != .null { items.append(document) }
        }
        guard !items.isEmpty else { throw CommandFailure("\(path) holds no campaigns") }
        return try items.enumerated().map { index, item in
            do { return try Campaign(json: item) } catch {
                throw CommandFailure("\(path): item \(index) is not a campaign: \(error)")
            }
        }
    }
}
