import CampaignModel
import Foundation

/// What putting a snapshot back would do.
public enum RestorePlan: Sendable {
    /// The campaign is gone: it would be created again from the snapshot, under a new id.
    case recreate(Campaign)
    /// The campaign exists: these fields would be put back, through the safe save (the update
    /// is refused if the campaign changes after `current` was read).
    case update(current: Campaign, restored: Campaign, changes: [FieldChange])
    /// The campaign already holds the snapshot's values.
    case unchanged(Campaign)
}

/// What a restore did.
public enum RestoreOutcome: Sendable {
    /// Created again; the platform gave it a new id.
    case recreated(Campaign, oldId: String)
    case updated(Campaign)
    case unchanged(Campaign)
}

extension CampaignClient {
    /// Works out what restoring `snapshot` would do: re-create the campaign when its id is gone
    /// (`experienceFlowName` names the flow when the record gives it only by id), else put the
    /// snapshot's values back over the current record.
    public func restorePlan(_ snapshot: CampaignSnapshot, experienceFlowName: String? = nil) async throws -> RestorePlan {
        let saved: Campaign
        do { saved = try Campaign(json: snapshot.record) } catch {
            throw APIError(kind: .configuration, summary: "the snapshot's record is not a campaign: \(error)")
        }
        let current: Campaign
        do { current = try await get(snapshot.campaignId) } catch let error as APIError where error.kind == .notFound {
            let form = Self.cloneForm(of: saved, named: saved.name, experienceFlowName: experienceFlowName)
            let blocking = CampaignValidator.review(form, comparedTo: nil).blocking
            guard blocking.isEmpty else {
                var summary = "the snapshot cannot be created again: " + blocking.map(\.description).joined(separator: "; ")
                if blocking.contains(where: { $0.path == "experienceFlowName" }), let flowId = saved.experienceFlowId {
                    summary += " (the record names its flow only by id, \(flowId); give the flow's name)"
                }
                throw APIError(kind: .invalid, summary: summary, issues: blocking)
            }
            return .recreate(form)
        }
        var restored = saved
        restored.id = current.id
        restored.type = saved.type ?? current.type
        restored.updatedAt = current.updatedAt
        // An update leaves out what it does not name, so a description added since the snapshot
        // would stay: an empty one takes its place.
        if saved.description == nil, current.description != nil { restored.description = "" }
        let changes = CampaignDiff.changes(from: current, to: restored)
        return changes.isEmpty ? .unchanged(current) : .update(current: current, restored: restored, changes: changes)
    }

    /// Carries out `plan`, labelled "restore" in the audit log with `snapshotName`. An update
    /// first reads the campaign again and stops with a conflict if it changed since the plan.
    public func restore(_ plan: RestorePlan, oldId: String, snapshotName: String) async throws -> RestoreOutcome {
        try await WriteLabel.$current.withValue(WriteLabel(operation: "restore", detail: "snapshot \(snapshotName)")) {
            switch plan {
            case .recreate(let form):
                return .recreated(try await create(form), oldId: oldId)
            case .update(let current, let restored, _):
                let latest = try await get(current.id ?? oldId)
                guard latest.updatedAt == current.updatedAt else {
                    throw APIError(kind: .conflict, summary: "\(latest.name) changed on the server (updated \(latest.updatedAt ?? "?")) "
                        + "after the restore was planned; nothing was written: run the restore again to see the new differences")
                }
                return .updated(try await update(restored))
            case .unchanged(let current):
                return .unchanged(current)
            }
        }
    }
}
