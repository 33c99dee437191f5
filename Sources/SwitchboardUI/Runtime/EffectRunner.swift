import CampaignAPI
import CampaignModel
import Foundation

/// Runs effects against the Campaign API and answers with actions. The only part of the UI that
/// reaches the network, and it does so through `CampaignClient`.
public struct EffectRunner: Sendable {
    public let client: CampaignClient
    /// Details fetched at the same time.
    public var detailConcurrency = 6

    public init(client: CampaignClient) { self.client = client }

    /// Runs `effect`, sending every action it produces (pages as they land, then the result).
    public func run(_ effect: Effect, send: @escaping @Sendable (Action) -> Void) async {
        switch effect {
        case .loadCampaigns(let generation):
            // The list is asked per type, as the platform's list wants one.
            let progress = Locked<[CampaignType: PageCount]>([:])
            do {
                let all = try await withThrowingTaskGroup(of: [Campaign].self) { group in
                    for type in [CampaignType.sms, .voice] {
                        group.addTask {
                            try await client.listAll(CampaignListRequest(type: type)) { loaded, total, page in
                                let sum = progress.withLock { counts in
                                    counts[type] = PageCount(loaded: loaded, total: total)
                                    return counts.values.reduce((0, 0)) { ($0.0 + $1.loaded, $0.1 + $1.total) }
                                }
                                send(.campaignsPage(generation: generation, campaigns: page, loaded: sum.0, total: sum.1))
                            }
                        }
                    }
                    return try await group.reduce(into: []) { $0 += $1 }
                }
                send(.campaignsLoaded(generation: generation, .success(all)))
            } catch {
                send(.campaignsLoaded(generation: generation, .failure(Self.message(error))))
            }
        case .loadDetails(let ids):
            await withTaskGroup(of: Void.self) { group in
                var remaining = ids[...]
                func next() {
                    guard let id = remaining.popFirst() else { return }
                    group.addTask {
                        do {
                            send(.detailLoaded(id: id, .success(try await client.get(id))))
                        } catch {
                            send(.detailLoaded(id: id, .failure(Self.message(error))))
                        }
                    }
                }
                for _ in 0..<detailConcurrency { next() }
                while await group.next() != nil { next() }
            }
        case .loadContactLists:
            do {
                send(.contactListsLoaded(.success(try await client.contactLists())))
            } catch {
                send(.contactListsLoaded(.failure(Self.message(error))))
            }
        }
    }

    static func message(_ error: Error) -> UIError {
        if let api = error as? APIError { return UIError(api.description) }
        return UIError(String(describing: error))
    }
}

/// Campaigns loaded of a total, for one type.
struct PageCount: Sendable {
    var loaded: Int
    var total: Int
}
