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
                campaign is validated first and nothing is written if any is invalid. Before
                writing, a field-by-field diff against the server is printed.
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Option(name: .shortAndLong, help: "The file to apply; - reads standard input.")
        var file: String

        @Flag(help: "Print the diff and the exact request bodies; write nothing.")
        var dryRun = false

        func run() async throws {
            let campaigns = try CampaignFile.read(file)
            var problems: [String] = []
            for (index, campaign) in campaigns.enumerated() {
                for issue in CampaignValidator.validate(campaign) {
                    problems.append("  [\(index)] \(campaign.name.isEmpty ? "(unnamed)" : campaign.name): \(issue.description)")
                }
            }
            guard problems.isEmpty else {
                throw CommandFailure("\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was written", problems.joined(separator: "\n"))
            }
            let client = try connection.client()
            var plans: [(campaign: Campaign, current: Campaign?)] = []
            for campaign in campaigns {
                if let id = campaign.id {
                    do { plans.append((campaign, try await client.get(id))) } catch let error as APIError where error.kind == .notFound {
                        throw CommandFailure("no campaign with id \(id) to update (\(campaign.name)); remove the id to create it")
                    }
                } else {
                    plans.append((campaign, nil))
                }
            }
            var unchanged = 0
            for (campaign, current) in plans {
                if let current {
                    var merged = campaign
                    merged.type = campaign.type ?? current.type
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
                        let saved = try await client.update(merged)
                        print("  updated at \(saved.updatedAt ?? "?")")
                    }
                } else {
                    print("+ create \(campaign.name) (\(campaign.type?.rawValue ?? "?")):")
                    CampaignDiff.flatten(CampaignRequestBody.body(for: campaign, operation: .create)).forEach { print("    + \($0.0): \($0.1)") }
                    if dryRun {
                        print("  POST body:\n" + indent(CampaignRequestBody.body(for: campaign, operation: .create).serialized(pretty: true)))
                    } else {
                        let created = try await client.create(campaign)
                        print("  created \(created.id ?? "")")
                    }
                }
            }
            let summary = "\(plans.count) campaign\(plans.count == 1 ? "" : "s"), \(unchanged) unchanged"
            print(dryRun ? "Dry run: \(summary); nothing was written." : "Applied: \(summary).")
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
        let documents: [JSONValue]
        do { documents = try YAMLBridge.parseAll(text) } catch {
            throw CommandFailure("\(path) is neither YAML nor JSON: \(error)")
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
