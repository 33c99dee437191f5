import CampaignModel
import Foundation
import TerminalKit

/// The one place the state changes. Pure: given a state and an action it changes the state and
/// returns the effects to run; it does no I/O and reads no clock.
public enum AppUpdate {
    /// Details fetched at once for the rows on screen.
    static let detailBatchLimit = 64

    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .input(let event):
            return handle(event, &state)
        case .tick(let now):
            state.now = now
            _ = state.list.refreshWindows(now: now)
            if let interval = state.refreshInterval, !state.load.isLoading,
               let last = state.load.lastFinished, now.timeIntervalSince(last) >= interval {
                return startLoad(&state)
            }
            return []
        case .campaignsPage(let generation, let campaigns, let loaded, let total):
            guard generation == state.load.generation else { return [] }
            state.load.loaded = loaded
            state.load.total = total
            // An empty list shows pages as they land; a refresh swaps the whole list at the end.
            guard state.load.showsPages else { return [] }
            state.list.append(campaigns, now: state.now)
            return detailsForVisibleRows(&state)
        case .campaignsLoaded(let generation, let result):
            guard generation == state.load.generation else { return [] }
            state.load.isLoading = false
            state.load.lastFinished = state.now
            switch result {
            case .success(let campaigns):
                state.list.replaceAll(campaigns, now: state.now)
                state.load.failure = nil
                state.load.isPartial = false
                state.load.loaded = campaigns.count
                state.load.total = campaigns.count
                state.clearConnectivityError()
            case .failure(let error):
                state.load.failure = error.message
                // Pages shown as they came are only part of the list; say so until a load completes.
                state.load.isPartial = state.load.isPartial || (state.load.showsPages && !state.list.rows.isEmpty)
                state.show(error)
            }
            return detailsForVisibleRows(&state)
        case .detailLoaded(let id, let result):
            state.detailsInFlight.remove(id)
            switch result {
            case .success(let campaign):
                state.detailErrors[id] = nil
                state.list.setDetail(campaign, now: state.now)
                state.clearConnectivityError()
            case .failure(let error):
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
        case .signal:
            state.finished = true
            return []
        case .editLoaded(let id, let result):
            return editLoaded(id: id, result, &state)
        case .saveConflict(let current):
            return saveConflict(current: current, &state)
        case .saveFinished(let result):
            return saveFinished(result, &state)
        case .createdDespiteFailure(let campaign, let failure):
            return createdDespiteFailure(campaign, failure: failure, &state)
        case .deleteFinished(let campaign, let result):
            return deleteFinished(campaign, result, &state)
        case .triggerFinished(let campaign, let start, let result):
            return triggerFinished(campaign, start: start, result, &state)
        case .draftsFound(let drafts):
            state.pendingDrafts = drafts
            return offerNextDraft(&state)
        case .draftFailed(let message):
            state.lastError = message
            return []
        }
    }

    /// Starts loading every campaign; the first load also runs at start-up.
    public static func startLoad(_ state: inout AppState) -> [Effect] {
        state.load.generation += 1
        state.load.isLoading = true
        state.load.loaded = 0
        state.load.total = 0
        state.load.showsPages = state.list.rows.isEmpty
        return [.loadCampaigns(generation: state.load.generation)]
    }

    /// Asks for the full record of each campaign on screen that lacks a current one. One batch
    /// is in flight at a time, so holding `j` through 100,000 rows never floods the server.
    static func detailsForVisibleRows(_ state: inout AppState) -> [Effect] {
        guard state.detailsInFlight.isEmpty else { return [] }
        let layout = ScreenLayout(state)
        let list = state.list
        var ids: [String] = []
        let end = min(list.visible.count, list.scrollTop + max(1, layout.listRows))
        var positions = Array(max(0, list.scrollTop)..<max(max(0, list.scrollTop), end))
        if case .campaignDetail(let id) = state.screen, let position = list.visible.firstIndex(where: { list.rows[$0].id == id }) {
            positions.insert(position, at: 0)
        }
        for position in positions {
            let id = list.rows[list.visible[position]].id
            guard !list.hasCurrentDetail(id), !state.detailsInFlight.contains(id), state.detailErrors[id] == nil,
                  !id.hasPrefix("#") else { continue }
            ids.append(id)
            if ids.count == detailBatchLimit { break }
        }
        guard !ids.isEmpty else { return [] }
        state.detailsInFlight.formUnion(ids)
        return [.loadDetails(ids)]
    }
}
