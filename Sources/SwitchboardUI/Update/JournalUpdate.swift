import CampaignAPI
import TerminalKit
import Foundation

/// The `:audit` and `:snapshots` screens: opening them (a read through the runner), what the
/// reads found, scrolling, Enter on a snapshot.
extension AppUpdate {
    static func openAudit(_ state: inout AppState) -> [Effect] {
        if state.screen != .audit { state.stack = [.campaigns, .audit] }
        state.audit.loading = true
        state.audit.scroll = 0
        return [.loadAudit]
    }

    static func openSnapshots(_ state: inout AppState) -> [Effect] {
        if state.screen != .snapshots { state.stack = [.campaigns, .snapshots] }
        state.snapshots.loading = true
        return [.loadSnapshots]
    }

    static func auditLoaded(_ load: AuditLoad, _ state: inout AppState) -> [Effect] {
        state.audit.loading = false
        switch load {
        case .noJournal:
            state.audit.entries = []
            state.audit.message = "the demo keeps no audit log: writes are recorded only with a profile (switchboard ui)"
        case .read(let entries, let path, let exists, let unreadable):
            state.audit.entries = entries.reversed()
            state.audit.message = !exists ? "no audit log yet at \(path)"
                : entries.isEmpty ? "the audit log at \(path) holds no entries" : nil
            if unreadable > 0 { state.notice = "\(unreadable) line\(unreadable == 1 ? "" : "s") of the audit log could not be read" }
        }
        state.audit.scroll = min(state.audit.scroll, ScrollLimit.audit(state))
        return []
    }

    static func snapshotsLoaded(_ load: SnapshotsLoad, _ state: inout AppState) -> [Effect] {
        state.snapshots.loading = false
        switch load {
        case .noJournal:
            state.snapshots.snapshots = []
            state.snapshots.message = "the demo keeps no snapshots: they are written only with a profile (switchboard ui)"
        case .read(let snapshots, let directory, let unreadable):
            state.snapshots.snapshots = snapshots.reversed()
            state.snapshots.message = snapshots.isEmpty ? "no snapshots in \(directory)" : nil
            if unreadable > 0 { state.notice = "\(unreadable) file\(unreadable == 1 ? "" : "s") in \(directory) could not be read" }
        }
        state.snapshots.selected = min(state.snapshots.selected, max(0, state.snapshots.snapshots.count - 1))
        if case .snapshot(let name) = state.screen, !state.snapshots.snapshots.contains(where: { $0.name == name }) {
            state.stack.removeLast()
        }
        return []
    }

    /// Enter on the snapshot list: the selected snapshot's JSON.
    static func openSnapshot(_ state: inout AppState) -> [Effect] {
        guard state.screen == .snapshots, let stored = state.snapshots.selectedSnapshot else { return [] }
        state.stack.append(.snapshot(name: stored.name))
        state.snapshots.textScroll = 0
        return []
    }

    /// j/k and friends on the journal screens; `moved` is the scroll's arithmetic.
    static func journalScroll(_ moved: (Int, Int) -> Int, _ state: inout AppState) {
        switch state.screen {
        case .audit:
            let limit = ScrollLimit.audit(state)
            state.audit.scroll = min(max(0, moved(state.audit.scroll, limit + 1)), limit)
        case .snapshots:
            let count = state.snapshots.snapshots.count
            state.snapshots.selected = max(0, min(moved(state.snapshots.selected, count), count - 1))
        case .snapshot:
            let limit = ScrollLimit.snapshotText(state)
            state.snapshots.textScroll = min(max(0, moved(state.snapshots.textScroll, limit + 1)), limit)
        default:
            break
        }
    }
}

/// Restoring a snapshot: `r`, the plan, the confirmation (Cancel first), the outcome.
extension AppUpdate {
    static func snapshotKey(_ key: Key, _ state: inout AppState) -> [Effect] {
        guard let command = state.keymap.action(for: key, in: SnapshotKeys.table) else { return screenKey(key, &state) }
        state.notice = nil
        if command.isMutating, state.readOnly {
            state.notice = "read-only: started with --readonly, nothing can be changed"
            return []
        }
        let stored: StoredSnapshot?
        if case .snapshot(let name) = state.screen {
            stored = state.snapshots.snapshots.first { $0.name == name }
        } else {
            stored = state.snapshots.selectedSnapshot
        }
        guard let stored else {
            state.notice = "no snapshot to restore"
            return []
        }
        guard stored.snapshot.profile == state.connection.profile else {
            state.lastError = "\(stored.name) was taken on profile \(stored.snapshot.profile); this is profile "
                + "\(state.connection.profile): restore it there"
            return []
        }
        state.notice = "checking “\(stored.snapshot.campaignName)” on the server…"
        return [.planRestore(stored)]
    }

    static func restorePlanned(_ name: String, _ result: Result<RestoreProposal, UIError>, _ state: inout AppState) -> [Effect] {
        switch result {
        case .success(let proposal):
            state.notice = nil
            if case .unchanged = proposal.plan {
                state.notice = "“\(proposal.campaignName)” already holds the snapshot's values; nothing to restore"
            } else {
                state.dialog = Dialog(.restore(proposal))
            }
        case .failure(let error):
            state.show(UIError("cannot restore \(name): \(error.message)", isConnectivity: error.isConnectivity))
        }
        return []
    }

    static func restoreFinished(_ proposal: RestoreProposal, _ result: Result<RestoreResult, UIError>,
                                _ state: inout AppState) -> [Effect] {
        let name = proposal.campaignName
        switch result {
        case .success(.recreated(let newId)):
            state.notice = "restored “\(name)”: re-created as \(newId) (the platform gives a new id; \(proposal.campaignId) is gone)"
        case .success(.updated):
            state.notice = "restored “\(name)” (\(proposal.campaignId)) to the snapshot of \(JournalText.shortTime(proposal.takenAt)) UTC"
        case .success(.unchanged):
            state.notice = "“\(name)” already holds the snapshot's values; nothing was written"
        case .failure(let error):
            state.show(UIError("restore of “\(name)” failed: \(error.message)", isConnectivity: error.isConnectivity))
        }
        // A restore writes a snapshot and an audit line of its own, and changes the campaign list.
        state.snapshots.loading = true
        return [.loadSnapshots] + (state.load.isLoading ? [] : startLoad(&state))
    }
}
