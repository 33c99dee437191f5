import CampaignModel
import Foundation

extension EffectRunner {
    /// One campaign of a bulk run. An edit is a safe save: the campaign is fetched again, and
    /// if its `updatedAt` is no longer the one the list showed nothing is written (`.changed`);
    /// otherwise the change goes onto the record as fetched.
    func runBulk(_ request: BulkRequest, send: @escaping @Sendable (Action) -> Void) async {
        let campaign = request.campaign
        let result: Result<BulkDone, BulkFailure>
        do {
            switch request.operation {
            case .start:
                result = .success(BulkDone(message: try await service.start(campaign.id, campaign.type)))
            case .stop:
                result = .success(BulkDone(message: try await service.stop(campaign.id, campaign.type)))
            case .delete:
                try await service.delete(campaign.id, campaign.type)
                result = .success(BulkDone())
            case .priority, .callingHours:
                var current = try await service.get(campaign.id)
                if current.updatedAt != request.expectedUpdatedAt {
                    result = .failure(.changed)
                } else if case .priority(let priority) = request.operation {
                    current.priority = priority
                    result = .success(BulkDone(saved: try await service.update(current)))
                } else if case .callingHours(let days) = request.operation, current.dialingStrategy?.callingHours != nil {
                    current.dialingStrategy?.callingHours?.days = days
                    result = .success(BulkDone(saved: try await service.update(current)))
                } else {
                    result = .failure(.noCallingHours)
                }
            }
        } catch {
            result = .failure(.api(Self.message(error)))
        }
        send(.bulkFinished(request, result))
    }
}
