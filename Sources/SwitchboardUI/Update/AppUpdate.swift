import CampaignModel
import Foundation
import TerminalKit

/// The one place the state changes. Pure: given a state and an action it changes the state and
/// returns the effects to run; it does no I/O and reads no clock.
public enum AppUpdate {
    /// Details fetched at once for the rows on screen.
    static let detailBatchLimit = 64

    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        defer { clampScrolls(&state) }
        switch action {
        case .input(let event):
            return handle(event, &state)
        case .tick(let now):
            state.now = now
            _ = state.list.refreshWindows(now: now)
            let board = boardTick(&state)
            if let interval = state.refreshInterval, !state.load.isLoading,
               let last = state.load.lastFinished, now.timeIntervalSince(last) >= interval {
                return board + startLoad(&state)
            }
            return board
        case .campaignsPage(let generation, let campaigns, let loaded, let total):
            guard generation == state.load.generation else { return [] }
            state.load.loaded = loaded
            state.load.total = total
            // An empty list shows pages as they land; a refresh gathers its rows aside and swaps
            // the whole list at the end. Either way only rows are kept, never the pages.
            guard state.load.showsPages else {
                state.load.staged.append(campaigns, now: state.now, recomputing: false)
                return []
            }
            state.list.append(campaigns, now: state.now)
            return detailsForVisibleRows(&state)
        case .campaignsLoaded(let generation, let result):
            guard generation == state.load.generation else { return [] }
            state.load.isLoading = false
            state.load.lastFinished = state.now
            switch result {
            case .success:
                // A first load already shows every page it received; a refresh takes the rows it
                // gathered.
                state.load.staged.compact()
                if state.load.showsPages { state.list.compact() } else { state.list.adopt(state.load.staged) }
                state.load.staged = CampaignListState()
                state.load.failure = nil
                state.load.isPartial = false
                state.load.loaded = state.list.rows.count
                state.load.total = state.list.rows.count
                state.clearConnectivityError()
                pruneMarks(&state)
            case .failure(let failure):
                state.load.staged = CampaignListState()
                let message = failure.failures.map { "\($0.type == .sms ? "SMS" : "voice") campaigns not loaded: \($0.error.message)" }
                    .joined(separator: "; ")
                let error = UIError(message, isConnectivity: failure.isConnectivity)
                state.load.failure = error.message
                // Pages shown as they came are only part of the list; say so until a load completes.
                state.load.isPartial = state.load.isPartial || (state.load.showsPages && !state.list.rows.isEmpty)
                state.show(error)
            }
            return detailsForVisibleRows(&state)
        case .detailLoaded(let id, let result):
            let wasInFlight = state.detailsInFlight.remove(id) != nil
            switch result {
            case .success(let campaign):
                state.detailErrors[id] = nil
                state.list.setDetail(campaign, now: state.now)
                state.clearConnectivityError()
            case .failure(let error):
                // A fetch cancelled because its row left the screen records no error.
                guard wasInFlight else { return [] }
                state.detailErrors[id] = error.message
                state.show(error)
            }
            // One batch at a time: when it is done, fetch what is on screen now.
            return state.detailsInFlight.isEmpty ? detailsForVisibleRows(&state) : []
        case .contactListsLoaded(let result):
            state.contactListsLoading = false
            switch result {
            case .success(let lists):
                state.clearConnectivityError()
                state.contactLists = lists
                state.contactListSelected = min(state.contactListSelected, max(0, lists.count - 1))
                if var picker = state.editor?.picker, picker.purpose != .timezone {
                    let names = lists.map(\.name)
                    picker.items = picker.purpose == .dncList ? [Picker.none] + names
                        : names + picker.chosen.filter { !names.contains($0) }
                    picker.loading = false
                    state.editor?.picker = picker
                }
            case .failure(let error):
                state.show(error)
                state.editor?.picker?.loading = false
            }
            return []
        case .auditLoaded(let load):
            return auditLoaded(load, &state)
        case .snapshotsLoaded(let load):
            return snapshotsLoaded(load, &state)
        case .restorePlanned(let name, let result):
            return restorePlanned(name, result, &state)
        case .restoreFinished(let proposal, let result):
            return restoreFinished(proposal, result, &state)
        case .signal:
            return [.quit]
        case .editLoaded(let id, let result):
            return editLoaded(id: id, result, &state)
        case .saveConflict(let current):
            return saveConflict(current: current, &state)
        case .saveFinished(let result):
            return saveFinished(result, &state)
        case .createLookedUp(let name, let failure, let lookup):
            return createLookedUp(name: name, failure: failure, lookup, &state)
        case .deleteFinished(let campaign, let failure):
            return deleteFinished(campaign, failure: failure, &state)
        case .triggerFinished(let campaign, let start, let result):
            return triggerFinished(campaign, start: start, result, &state)
        case .draftsFound(let drafts):
            state.pendingDrafts = drafts
            return offerNextDraft(&state)
        case .boardCountPage, .boardCountFailed, .boardStatusLoaded, .contactsPageLoaded, .woke(.boardKeysSettled):
            return boardAction(action, &state)
        case .woke(.keysSettled):
            state.previewHold.settle()
            return detailsForVisibleRows(&state)
        case .woke:
            return []
        case .bulkFinished(let request, let result):
            return bulkFinished(request, result, &state)
        case .draftFailed(let message):
            state.lastError = message
            return []
        }
    }

    /// Starts loading every campaign; the first load also runs at start-up.
    /// A load still running is cancelled: the new one supersedes it.
    public static func startLoad(_ state: inout AppState) -> [Effect] {
        let superseded: [Effect] = state.load.isLoading ? [.cancel(.campaignLoad)] : []
        state.load.generation += 1
        state.load.isLoading = true
        state.load.loaded = 0
        state.load.total = 0
        state.load.showsPages = state.list.rows.isEmpty
        state.load.staged = CampaignListState()
        return superseded + [.loadCampaigns(generation: state.load.generation)]
    }

    /// Asks for the full record of each campaign on screen that lacks a current one. One batch
    /// is in flight at a time, so holding `j` through 100,000 rows never floods the server; the
    /// fetches of rows that left the screen are cancelled, and once none is left in flight the
    /// rows on screen now are asked for.
    static func detailsForVisibleRows(_ state: inout AppState) -> [Effect] {
        let layout = ScreenLayout(state)
        let list = state.list
        let end = min(list.visible.count, list.scrollTop + max(1, layout.listRows))
        var positions = Array(max(0, list.scrollTop)..<max(max(0, list.scrollTop), end))
        if case .campaignDetail(let id) = state.screen, let position = list.visible.firstIndex(where: { list.rows[$0].id == id }) {
            positions.insert(position, at: 0)
        }
        let onScreen = boardDetailIDs(state) ?? positions.map { list.rows[list.visible[$0]].id }
        var effects: [Effect] = []
        if !state.detailsInFlight.isEmpty {
            let gone = state.detailsInFlight.subtracting(onScreen).sorted()
            state.detailsInFlight.subtract(gone)
            effects = gone.map { .cancel(.detail($0)) }
            guard state.detailsInFlight.isEmpty else { return effects }
        }
        var ids: [String] = []
        for id in onScreen {
            guard !list.hasCurrentDetail(id), !state.detailsInFlight.contains(id), state.detailErrors[id] == nil,
                  !id.hasPrefix("#") else { continue }
            ids.append(id)
            if ids.count == detailBatchLimit { break }
        }
        state.detailsInFlight.formUnion(ids)
        return effects + ids.map(Effect.loadDetail)
    }
}
