import CampaignAPI
import Foundation

/// Restoring a snapshot: the plan (what the server holds now), then, once confirmed, the write.
extension EffectRunner {
    func planRestore(_ stored: StoredSnapshot, send: @escaping @Sendable (Action) -> Void) async {
        guard let journal = service.journal else {
            return send(.restorePlanned(stored.name, .failure(UIError("the demo keeps no snapshots to restore"))))
        }
        do {
            let plan = try await journal.plan(stored.snapshot)
            send(.restorePlanned(stored.name, .success(RestoreProposal(
                snapshotName: stored.name, campaignName: stored.snapshot.campaignName, campaignId: stored.snapshot.campaignId,
                takenAt: stored.snapshot.takenAt, plan: RestoreProposal.Plan(plan)))))
        } catch is CancellationError {
        } catch {
            send(.restorePlanned(stored.name, .failure(Self.message(error))))
        }
    }

    func restore(_ proposal: RestoreProposal, send: @escaping @Sendable (Action) -> Void) async {
        guard let journal = service.journal, let plan = proposal.plan.restorePlan else {
            return send(.restoreFinished(proposal, .success(.unchanged)))
        }
        do {
            switch try await journal.restore(plan, proposal.campaignId, proposal.snapshotName) {
            case .recreated(let created, _): send(.restoreFinished(proposal, .success(.recreated(newId: created.id ?? "?"))))
            case .updated: send(.restoreFinished(proposal, .success(.updated)))
            case .unchanged: send(.restoreFinished(proposal, .success(.unchanged)))
            }
        } catch {
            send(.restoreFinished(proposal, .failure(Self.message(error))))
        }
    }
}
