import CampaignAPI
import CampaignModel
import Foundation

/// The compliance rules a command checks: the ids given on the command line, else the profile's
/// `compliance:` list; looked up among the shipped rules extended by `--rules FILE` (or the
/// user's compliance.yaml next to config.yaml).
enum ComplianceCheck {
    /// The selected rules; empty when nothing selects any (lint off).
    static func rules(ids: [String], profile: ResolvedProfile?, file: String?) throws -> [ComplianceRule] {
        let chosen = ids.isEmpty ? (profile?.compliance ?? []) : ids
        guard !chosen.isEmpty else { return [] }
        do {
            return try ComplianceRulesLoader.select(chosen, from: ComplianceRulesLoader.load(file: file))
        } catch let error as ComplianceRulesFileError {
            throw CommandFailure(error.description)
        }
    }

    /// The findings for one campaign as lines, or the reason its calling hours cannot be checked.
    static func lines(for campaign: Campaign, lint: ComplianceLint, referenceDate: Date) -> [String] {
        do { return try lint.findings(for: campaign, referenceDate: referenceDate).map(\.description) } catch {
            return ["calling hours not checked: \(error.issues.first?.description ?? "unreadable")"]
        }
    }
}
