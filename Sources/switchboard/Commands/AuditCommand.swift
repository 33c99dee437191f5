import ArgumentParser
import CampaignAPI
import CampaignModel
import Foundation

/// `switchboard audit`: the write attempts this machine made, from the audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the audit log: every write attempt, who made it where, what changed and how it ended.",
        discussion: """
            The log is $XDG_STATE_HOME/switchboard/audit.jsonl (default ~/.local/state/switchboard/audit.jsonl),
            one JSON object a line, rotated to audit.1.jsonl … past 10 MB. Oldest first.
            """)

    @Option(help: "Only entries this recent: 30m, 2h, 3d, 1w (or seconds: 90s).")
    var since: AuditSince?

    @Option(help: "Only writes to this campaign (cd-…).")
    var campaign: String?

    @Option(name: .shortAndLong, help: "table or json (the log's own lines).")
    var output: OutputFormat = .table

    func run() async throws {
        let log = AuditLog.standard()
        let read = log.entries()
        if !read.problems.isEmpty { ErrorOutput.write(read.problems.prefix(5).map { "warning: \($0)" }) }
        let cutoff = since.map { Date().addingTimeInterval(-$0.seconds) }
        let entries = read.entries.filter { entry in
            (cutoff.map { entry.time >= $0 } ?? true) && (campaign.map { entry.campaignId == $0 } ?? true)
        }
        guard output == .table else { return print(JSONValue.array(entries.map(\.json)).serialized(pretty: true)) }
        if entries.isEmpty { return print("No audit entries\(since.map { " in the last \($0.text)" } ?? "") in \(log.url.path).") }
        print(AuditTable.render(entries, width: Table.terminalWidth()))
    }
}

/// A duration such as "2h": a whole number and one of s, m, h, d, w.
struct AuditSince: ExpressibleByArgument {
    let seconds: Double
    let text: String

    init?(argument: String) {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]
        guard let unit = argument.last.flatMap({ units[$0] }), let count = Int(argument.dropLast()), count >= 0,
              count <= 100 * 52 else { return nil }
        seconds = Double(count) * unit
        text = argument
    }
}

/// Audit entries as a table.
enum AuditTable {
    static func render(_ entries: [AuditEntry], width: Int) -> String {
        Table(columns: [
            .init(title: "TIME (UTC)", minWidth: 16, flexible: false), .init(title: "OPERATION", minWidth: 9, flexible: false),
            .init(title: "RESULT", minWidth: 6, flexible: false), .init(title: "TARGET", minWidth: 10, flexible: true),
            .init(title: "CHANGES", minWidth: 10, flexible: true, dropOrder: 3), .init(title: "MESSAGE", minWidth: 10, flexible: true, dropOrder: 2),
            .init(title: "MS", minWidth: 4, flexible: false, dropOrder: 1), .init(title: "PROFILE", minWidth: 7, flexible: true, dropOrder: 0),
        ], rows: entries.map { entry in
            [shortTime(entry.time), entry.operation, result(entry), target(entry), changes(entry),
             entry.succeeded ? (entry.message ?? "") : (entry.error ?? entry.message ?? ""), String(entry.durationMs), entry.profile]
        }).render(width: width)
    }

    static func result(_ entry: AuditEntry) -> String {
        (entry.succeeded ? "ok" : "FAILED") + (entry.status.map { " \($0)" } ?? "")
    }

    static func target(_ entry: AuditEntry) -> String {
        if entry.campaignId != nil || entry.campaignName != nil {
            return (entry.campaignName ?? "") + (entry.campaignId.map { " (\($0))" } ?? "")
        }
        return "list " + (entry.contactListName ?? "") + (entry.contactListId.map { " (\($0))" } ?? "")
    }

    static func changes(_ entry: AuditEntry) -> String {
        let fields = entry.changes.map { "\($0.field): \($0.before ?? "–") → \($0.after ?? "–")" }
        return (fields + [entry.detail].compactMap { $0 }).joined(separator: "; ")
    }

    /// "2026-12-02 08:30" in UTC.
    static func shortTime(_ date: Date) -> String {
        let text = AuditTime.format(date)
        return text.prefix(10) + " " + text.dropFirst(11).prefix(5)
    }
}
