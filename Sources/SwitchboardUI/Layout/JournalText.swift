import CampaignAPI
import CampaignModel
import Foundation
import TerminalKit

/// The text of the `:audit` and `:snapshots` screens, shared by the view and the update (which
/// clamps their scrolling with it).
enum JournalText {
    static let auditColumns: [(title: String, width: Int)] = [("TIME (UTC)", 16), ("OPERATION", 17), ("RESULT", 10),
                                                              ("CAMPAIGN", 30), ("CHANGES", 40), ("MESSAGE", 30)]
    static let snapshotColumns: [(title: String, width: Int)] = [("TIME (UTC)", 16), ("BEFORE", 17), ("CAMPAIGN", 30),
                                                                 ("ID", 26), ("PROFILE", 12)]

    /// One audit entry's cells, in `auditColumns` order.
    static func auditCells(_ entry: AuditEntry) -> [String] {
        let result = (entry.succeeded ? "ok" : "FAILED") + (entry.status.map { " \($0)" } ?? "")
        let target: String
        if entry.campaignId != nil || entry.campaignName != nil {
            target = (entry.campaignName ?? "") + (entry.campaignId.map { " (\($0))" } ?? "")
        } else {
            target = "list " + (entry.contactListName ?? "") + (entry.contactListId.map { " (\($0))" } ?? "")
        }
        let changes = (entry.changes.map { "\($0.field): \($0.before ?? "–") → \($0.after ?? "–")" } + [entry.detail].compactMap { $0 })
            .joined(separator: "; ")
        let message = entry.succeeded ? (entry.message ?? "") : (entry.error ?? entry.message ?? "")
        return [shortTime(entry.time), entry.operation, result, target, changes, message].map(oneLine)
    }

    static func snapshotCells(_ stored: StoredSnapshot) -> [String] {
        let snapshot = stored.snapshot
        return [shortTime(snapshot.takenAt), snapshot.reason, snapshot.campaignName, snapshot.campaignId, snapshot.profile]
            .map(oneLine)
    }

    /// The open snapshot's JSON, a line each.
    static func snapshotLines(_ stored: StoredSnapshot) -> [String] {
        stored.snapshot.json.serialized(pretty: true).split(separator: "\n", omittingEmptySubsequences: false)
            .map { oneLine(String($0)) }
    }

    /// "2026-12-02 08:30" in UTC.
    static func shortTime(_ date: Date) -> String {
        let text = AuditTime.format(date)
        return text.prefix(10) + " " + text.dropFirst(11).prefix(5)
    }

    /// What the restore confirmation says: what will happen, and for an update the fields put back.
    static func restoreBody(_ proposal: RestoreProposal, say: (String, Tone) -> Void) {
        let name = oneLine(proposal.campaignName)
        say("Snapshot of \(shortTime(proposal.takenAt)) UTC, \(proposal.campaignId)", .dim)
        switch proposal.plan {
        case .recreate:
            say("Re-create \(name) from this snapshot: the platform gives it a NEW id (\(proposal.campaignId) no longer exists).",
                .label)
        case .update(_, _, let changes):
            say("Put \(name)'s values back (safe save: refused if it changed on the server since):", .label)
            for change in changes { say("  " + oneLine(change.description), .plain) }
        case .unchanged:
            say("\(name) already holds the snapshot's values; nothing to restore.", .plain)
        }
    }

    /// Text from a file, on one line: line breaks and tabs become spaces (the canvas drops
    /// other control characters).
    static func oneLine(_ text: String) -> String {
        text.contains(where: { $0.isNewline || $0 == "\t" })
            ? String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }) : text
    }

    /// Rows under the header of a journal table in `body`.
    static func tableRows(_ body: Rect) -> Int { max(0, body.height - 1) }
}


extension ScrollLimit {
    /// The audit log: its entries less the rows under the header.
    static func audit(_ state: AppState) -> Int {
        max(0, state.audit.entries.count - JournalText.tableRows(ScreenLayout(state).body))
    }

    /// The open snapshot's JSON.
    static func snapshotText(_ state: AppState) -> Int {
        guard case .snapshot(let name) = state.screen,
              let stored = state.snapshots.snapshots.first(where: { $0.name == name }) else { return 0 }
        return max(0, JournalText.snapshotLines(stored).count - ScreenLayout(state).body.height)
    }
}
