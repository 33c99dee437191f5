import CampaignModel
import Foundation

/// `H` with marks: the calling hours edited once in the grid of one marked campaign's form, then
/// applied to every marked campaign as "same local times" (the days array copied as is, each
/// campaign keeping its own timezone), reviewed per campaign before anything is sent.
extension AppUpdate {
    static func bulkHours(_ state: inout AppState) -> [Effect] {
        guard state.bulk.run == nil else {
            state.notice = "a bulk action is still running — Esc stops sending the rest"
            return []
        }
        let campaigns = markedRefs(state)
        guard !campaigns.isEmpty else {
            state.notice = "mark campaigns first (Space, *)"
            return []
        }
        // The grid starts from the selected campaign's hours when it is marked, else the first marked.
        let template = state.list.selectedRow.map(\.id).flatMap { id in campaigns.first { $0.id == id } } ?? campaigns[0]
        state.list.select(id: template.id)
        state.bulk.hoursFor = campaigns
        return beginEdit(&state)
    }

    /// The form of a bulk hours edit opened: straight into its grid.
    static func bulkHoursOpened(_ state: inout AppState) {
        guard let campaigns = state.bulk.hoursFor, var editor = state.editor else { return }
        if let locked = editor.gridLocked {
            state.bulk.hoursFor = nil
            state.lastError = locked
            return
        }
        editor.focus(on: .callingHours)
        editor.grid.setCellMinutes(GridLayout.cellMinutes(forWidth: state.size.width))
        editor.showsGrid = true
        state.editor = editor
        state.notice = "calling hours for \(campaigns.count) marked campaigns (same local times): edit, then Ctrl-S reviews them all"
    }

    /// Ctrl-S in a bulk hours edit: the form closes (nothing of it is saved) and the review lists
    /// every marked campaign's resulting days array.
    static func bulkHoursReview(_ state: inout AppState) -> [Effect] {
        guard let campaigns = state.bulk.hoursFor, let editor = state.editor else { return [] }
        let days = editor.campaign.dialingStrategy?.callingHours?.days ?? []
        let draftKey = editor.draftKey
        closeEditor(&state)
        let after = BulkText.days(days)
        let lines = campaigns.map { ref -> BulkChangeLine in
            let campaign = state.list.details[ref.id] ?? state.list.campaign(id: ref.id)
            let hours = campaign?.dialingStrategy?.callingHours
            return BulkChangeLine(campaign: ref, field: "days (\(hours?.timezone ?? "its timezone") kept)",
                                  before: hours.map { BulkText.days($0.days) } ?? "?", after: after,
                                  expectedUpdatedAt: campaign?.updatedAt)
        }
        state.dialog = Dialog(.bulkReview(.callingHours(days), lines))
        return [.removeDraft(draftKey)] + afterMove(&state)
    }
}
