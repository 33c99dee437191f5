import CampaignModel
import Foundation

/// Marks on the campaign list and the bulk actions over them: one confirmation, then one request
/// per campaign, `BulkState.concurrency` at a time, each answering into its row.
extension AppUpdate {
    // MARK: Marks

    /// Space: marks or unmarks the selected campaign and moves down.
    static func toggleMark(_ state: inout AppState) -> [Effect] {
        guard state.screen == .campaigns, let row = state.list.selectedRow else { return [] }
        if state.bulk.marked.remove(row.id) == nil { state.bulk.marked.insert(row.id) }
        return scroll(.down, &state)
    }

    /// `*`: marks every campaign the filter shows.
    static func markAll(_ state: inout AppState) -> [Effect] {
        guard state.screen == .campaigns else { return [] }
        let list = state.list
        state.bulk.marked.formUnion(list.visible.map { list.rows[$0].id })
        state.notice = "\(state.bulk.marked.count.grouped) marked"
        return []
    }

    /// `M`: no mark, no result left.
    static func clearMarks(_ state: inout AppState) -> [Effect] {
        state.bulk.marked = []
        if state.bulk.run == nil { state.bulk.results = [:] }
        state.notice = "marks cleared"
        return []
    }

    /// After a load: campaigns gone from the list lose their marks and results.
    static func pruneMarks(_ state: inout AppState) {
        guard !state.bulk.marked.isEmpty || !state.bulk.results.isEmpty else { return }
        let list = state.list
        state.bulk.keepOnly { list.campaign(id: $0) != nil }
    }

    /// The marked campaigns, by name.
    static func markedRefs(_ state: AppState) -> [CampaignRef] {
        state.bulk.marked.compactMap { id -> CampaignRef? in
            guard let campaign = state.list.campaign(id: id) else { return nil }
            return CampaignRef(id: id, name: campaign.name, type: campaign.type ?? .sms, status: campaign.status)
        }.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
    }

    // MARK: Confirmation

    /// `s`, `x`, `d` with marks: one dialog over every marked campaign.
    static func confirmBulk(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard state.bulk.run == nil else {
            state.notice = "a bulk action is still running — Esc stops sending the rest"
            return []
        }
        let campaigns = markedRefs(state)
        switch command {
        case .delete: state.dialog = Dialog(.bulk(.delete, campaigns))
        case .start: state.dialog = Dialog(.bulk(.start, campaigns))
        case .stop: state.dialog = Dialog(.bulk(.stop, campaigns))
        default: break
        }
        return []
    }

    /// `P`: the new priority for every marked campaign.
    static func bulkPriority(_ state: inout AppState) -> [Effect] {
        guard state.bulk.run == nil else {
            state.notice = "a bulk action is still running — Esc stops sending the rest"
            return []
        }
        let campaigns = markedRefs(state)
        guard !campaigns.isEmpty else {
            state.notice = "mark campaigns first (Space, *)"
            return []
        }
        state.dialog = Dialog(.bulkPriority(campaigns))
        return []
    }

    /// A bulk dialog's button (the first is always Cancel).
    static func pressBulk(_ dialog: Dialog, _ index: Int, _ state: inout AppState) -> [Effect] {
        guard index != 0 else {
            state.notice = "nothing sent"
            return []
        }
        switch dialog.kind {
        case .bulk(let operation, let campaigns):
            return startBulk(operation, campaigns.map { BulkRequest(campaign: $0, operation: operation) }, &state)
        case .bulkPriority(let campaigns):
            guard let priority = BulkDialog.priority(dialog.typed.text) else { return [] }
            let lines = campaigns.map { ref -> BulkChangeLine in
                let row = state.list.campaign(id: ref.id)
                return BulkChangeLine(campaign: ref, field: "priority", before: row?.priority.map(String.init) ?? "—",
                                      after: String(priority), expectedUpdatedAt: row?.updatedAt)
            }
            state.dialog = Dialog(.bulkReview(.priority(priority), lines))
            return []
        case .bulkReview(let operation, let lines):
            // A campaign that already holds the value is done: unmarked, not sent.
            for line in lines where !line.changes { state.bulk.marked.remove(line.campaign.id) }
            let requests = lines.filter(\.changes).map {
                BulkRequest(campaign: $0.campaign, operation: $0.days.map(BulkOperation.callingHours) ?? operation,
                            expectedUpdatedAt: $0.expectedUpdatedAt)
            }
            return startBulk(operation, requests, &state)
        case .bulkHoursMode(let campaigns, let days, let zone):
            return bulkHoursReview(campaigns, days: days, zone: zone, sameMoments: index == 2, &state)
        default:
            return []
        }
    }

    // MARK: The run

    static func startBulk(_ operation: BulkOperation, _ requests: [BulkRequest], _ state: inout AppState) -> [Effect] {
        guard !requests.isEmpty else { return [] }
        state.bulk.run = BulkRun(operation: operation, total: requests.count, queue: requests)
        state.bulk.results = [:]
        for request in requests { state.bulk.results[request.campaign.id] = .pending }
        state.notice = nil
        return sendNextBulk(&state)
    }

    /// Puts requests on the wire until `BulkState.concurrency` are there.
    static func sendNextBulk(_ state: inout AppState) -> [Effect] {
        guard var run = state.bulk.run else { return [] }
        var effects: [Effect] = []
        while run.inFlight.count < BulkState.concurrency, !run.queue.isEmpty {
            let next = run.queue.removeFirst()
            run.inFlight.insert(next.campaign.id)
            state.bulk.results[next.campaign.id] = .sending
            effects.append(.bulk(next))
        }
        state.bulk.run = run
        return effects
    }

    /// Esc during a run: what is not sent yet stays unsent (and marked); what is on the wire
    /// finishes and reports. Nil when no run has anything left to send.
    static func stopBulk(_ state: inout AppState) -> [Effect]? {
        guard var run = state.bulk.run, !run.queue.isEmpty else { return nil }
        for request in run.queue { state.bulk.results[request.campaign.id] = nil }
        run.notSent += run.queue.count
        run.queue = []
        state.bulk.run = run
        state.notice = "stopped sending: \(run.notSent) not sent" + (run.inFlight.isEmpty ? "" : ", \(run.inFlight.count) on the wire finish")
        return run.isOver ? finishBulk(&state) : []
    }

    /// One campaign answered: its row shows the result; a success is unmarked, a failure stays
    /// marked (so a retry is one key).
    static func bulkFinished(_ request: BulkRequest, _ result: Result<BulkDone, BulkFailure>, _ state: inout AppState) -> [Effect] {
        let id = request.campaign.id
        guard var run = state.bulk.run, run.inFlight.remove(id) != nil else { return [] }
        var effects: [Effect] = []
        switch result {
        case .success(let done):
            run.succeeded += 1
            state.bulk.marked.remove(id)
            state.bulk.results[id] = .succeeded(done.message ?? request.operation.doneVerb)
            if request.operation == .delete {
                state.bulk.results[id] = nil
                state.list.remove(id: id, now: state.now)
                state.stack.removeAll { $0 == .campaignDetail(id: id) }
                effects = afterMove(&state)
            } else if let saved = done.saved {
                let selected = state.list.selectedRow?.id
                state.list.upsert(saved, now: state.now)
                if let selected { state.list.select(id: selected) }
            }
            state.clearConnectivityError()
        case .failure(let failure):
            run.failed += 1
            switch failure {
            case .changed: state.bulk.results[id] = .failed("changed on the server since listed — r, then retry")
            case .noCallingHours: state.bulk.results[id] = .failed("it has no calling hours to replace")
            case .api(let error): state.bulk.results[id] = .failed(error.message)
            }
        }
        state.bulk.run = run
        effects += sendNextBulk(&state)
        if state.bulk.run?.isOver == true { effects += finishBulk(&state) }
        return effects
    }

    /// The run is over: the tally in the status bar, and the list read again.
    static func finishBulk(_ state: inout AppState) -> [Effect] {
        guard let run = state.bulk.run else { return [] }
        state.bulk.run = nil
        var text = "\(run.operation.doneVerb) \(run.succeeded) of \(run.total)"
        if run.failed > 0 { text += " · \(run.failed) failed (still marked: the same key retries)" }
        if run.notSent > 0 { text += " · \(run.notSent) not sent" }
        state.notice = text
        return state.load.isLoading ? [] : startLoad(&state)
    }
}
