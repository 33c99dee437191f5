import CampaignModel
import Foundation

/// `H` with marks: the calling hours edited once in the grid of one marked campaign's form, then
/// applied to every marked campaign — the same local times (the days array copied as is) or, for
/// campaigns in other timezones, the same moments — reviewed per campaign before anything is sent.
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
        state.notice = "calling hours for \(campaigns.count) marked campaigns: edit, then Ctrl-S reviews them all"
    }

    /// Ctrl-S in a bulk hours edit: the form closes (nothing of it is saved) and the review lists
    /// every marked campaign's resulting days array.
    static func bulkHoursReview(_ state: inout AppState) -> [Effect] {
        guard let campaigns = state.bulk.hoursFor, let editor = state.editor else { return [] }
        let days = editor.campaign.dialingStrategy?.callingHours?.days ?? []
        let zone = editor.grid.timezone
        let draftKey = editor.draftKey
        closeEditor(&state)
        let effects: [Effect] = [.removeDraft(draftKey)] + afterMove(&state)
        // Campaigns in other timezones than the grid's: ask which reading of the hours is meant.
        let otherZones = campaigns.contains { hours(of: $0.id, state)?.timezone.map { $0 != zone } ?? false }
        if otherZones {
            state.dialog = Dialog(.bulkHoursMode(campaigns: campaigns, days: days, zone: zone))
            return effects
        }
        return effects + bulkHoursReview(campaigns, days: days, zone: zone, sameMoments: false, &state)
    }

    static func hours(of id: String, _ state: AppState) -> CallingHours? {
        (state.list.details[id] ?? state.list.campaign(id: id))?.dialingStrategy?.callingHours
    }

    /// The review: each campaign's resulting days array. Same local times: the grid's array as
    /// is. Same moments: the grid's windows moved by the difference between the grid's zone and
    /// the campaign's (at this moment); a window the move takes across midnight is split there,
    /// its rest on the next day.
    static func bulkHoursReview(_ campaigns: [CampaignRef], days: [CallingDay], zone: String, sameMoments: Bool,
                                _ state: inout AppState) -> [Effect] {
        let schedule = try? WeekSchedule(days: days)
        let lines = campaigns.map { ref -> BulkChangeLine in
            let campaign = state.list.details[ref.id] ?? state.list.campaign(id: ref.id)
            let hours = campaign?.dialingStrategy?.callingHours
            var own = days
            if sameMoments, let schedule, let target = hours?.timezone, target != zone,
               let from = IANAZones.zone(zone), let to = IANAZones.zone(target) {
                let minutes = (to.secondsFromGMT(for: state.now) - from.secondsFromGMT(for: state.now)) / 60
                own = schedule.shifted(byMinutes: minutes).days
            }
            var line = BulkChangeLine(campaign: ref, field: "days (\(hours?.timezone ?? "its timezone") kept)",
                                      before: hours.map { BulkText.days($0.days) } ?? "?", after: BulkText.days(own),
                                      expectedUpdatedAt: campaign?.updatedAt)
            line.days = own
            return line
        }
        state.dialog = Dialog(.bulkReview(.callingHours(days), lines))
        if sameMoments { state.notice = "same moments: each campaign's windows moved from \(zone) into its own timezone" }
        return []
    }
}
