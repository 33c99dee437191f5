import CampaignModel
import TerminalKit

/// The words of the bulk dialogs, and the marks' part of the status bar.
enum BulkText {
    static func dialogBody(_ dialog: Dialog, say: (String, Tone) -> Void, blank: () -> Void) {
        switch dialog.kind {
        case .bulk(let operation, let campaigns):
            say("\(operation.buttonVerb) these \(campaigns.count) campaign\(campaigns.count == 1 ? "" : "s")?", .label)
            for campaign in campaigns {
                say("  \(campaign.name) · \(campaign.type.rawValue) · \(campaign.status?.rawValue ?? "unknown")", .plain)
            }
            switch operation {
            case .start:
                say("Each starts contacting its lists, within its calling hours.", .plain)
            case .stop:
                let voice = campaigns.filter { $0.type == .voice }
                if !voice.isEmpty {
                    // The single stop dialog's wording (the platform's "Stop a Voice Campaign").
                    say("Stopping a voice campaign resets the campaign's data; rerunning it later creates a new instance "
                        + "of the campaign (\(voice.count) voice campaign\(voice.count == 1 ? "" : "s") here).", .plain)
                }
                let active = voice.filter { $0.status == .active }
                if !active.isEmpty {
                    say("⚠ \(active.count) of them \(active.count == 1 ? "is an ACTIVE voice campaign" : "are ACTIVE voice campaigns"): "
                        + "calling people right now.", .warning)
                }
            case .delete:
                if campaigns.contains(where: { $0.status == .active }) {
                    say("⚠ Some are ACTIVE: deleting ends their calls mid-run; a server may refuse until they are stopped.",
                        .warning)
                }
                say("This cannot be undone.", .plain)
            case .priority, .callingHours:
                break
            }
            say("One request per campaign, \(BulkState.concurrency) at a time; Esc stops sending the rest.", .dim)
            if let count = dialog.nameToType {
                say("Type the number of campaigns (\(count)) to enable \(dialog.buttons[1]):", .plain)
                blank()
            }
        case .bulkHoursMode(let campaigns, _, let zone):
            say("The grid's hours are in \(zone); not every marked campaign is in that timezone:", .label)
            for campaign in campaigns { say("  \(campaign.name)", .plain) }
            say("Same local times: 9:00 AM stays 9:00 AM in each campaign's own timezone.", .plain)
            say("Same moments: each window moves into the campaign's timezone (its offset now); a window that then "
                + "crosses midnight is split there, the rest on the next day. The review shows every days array.", .plain)
        case .bulkPriority(let campaigns):
            say("Review shows each campaign's change before anything is sent.", .dim)
            say("New priority (1–5) for \(campaigns.count) marked campaign\(campaigns.count == 1 ? "" : "s"):", .label)
            blank()
        case .bulkReview(let operation, let lines):
            let changed = lines.filter(\.changes).count
            say("\(changed) of \(lines.count) campaigns change; each is saved on its own, refused if changed on the server since listed:",
                .label)
            if case .callingHours(let days) = operation {
                say("Each campaign keeps its own timezone; the days array each is sent:", .dim)
                for line in lines {
                    say((line.changes ? "~ " : "= ") + line.campaign.name + " — " + line.field + (line.changes ? ", days array sent:" : ": already so (not sent)"),
                        line.changes ? .plain : .dim)
                    if line.changes {
                        for day in line.days ?? days { say(#"    {"day":"\#(day.day)","start":"\#(day.start)","end":"\#(day.end)"}"#, .plain) }
                    }
                }
                return
            }
            for line in lines {
                say(line.changes ? "  ~ \(line.campaign.name): \(line.field) \(line.before) → \(line.after)"
                    : "  = \(line.campaign.name): \(line.field) already \(line.after) (not sent)", line.changes ? .plain : .dim)
            }
        default:
            break
        }
    }

    /// A days array in one line, to compare campaigns' hours.
    static func days(_ days: [CallingDay]) -> String {
        days.map { "\($0.day) \($0.start)–\($0.end)" }.joined(separator: ", ")
    }

    /// "3 marked", and the run's progress line, for the status bar.
    static func statusParts(_ state: AppState) -> [String] {
        var parts: [String] = []
        if let run = state.bulk.run { parts.append(run.progressText) }
        // The selected row's whole result (its status cell shows only the start of it).
        if state.screen == .campaigns, let row = state.list.selectedRow, let result = state.bulk.results[row.id] {
            switch result {
            case .succeeded, .failed: parts.append("\(row.name): \(result.cellText)")
            case .pending, .sending: break
            }
        }
        if !state.bulk.marked.isEmpty { parts.append("\(state.bulk.marked.count.grouped) marked") }
        return parts
    }
}
