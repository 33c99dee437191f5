import CampaignAPI
import CampaignModel
import Foundation

/// Runs effects against the Campaign API and answers with actions. The only part of the UI that
/// reaches the network, and it does so through `CampaignClient`.
public struct EffectRunner: Sendable {
    public let client: CampaignClient
    /// Where drafts are kept; nil keeps none.
    public let drafts: DraftStore?
    /// Details fetched at the same time.
    public var detailConcurrency = 6

    public init(client: CampaignClient, drafts: DraftStore? = nil) {
        self.client = client
        self.drafts = drafts
    }

    /// Runs the effects that must not wait (drafts), on the caller's thread; true if `effect`
    /// was one of them. A failure is answered with an action.
    public func runNow(_ effect: Effect, send: (Action) -> Void) -> Bool {
        switch effect {
        case .writeDraft(let draft):
            do { try drafts?.save(draft) } catch {
                send(.draftFailed("could not keep the draft on disk: \(error.localizedDescription)"))
            }
            return true
        case .removeDraft(let key):
            drafts?.remove(key: key)
            return true
        default:
            return false
        }
    }

    /// Runs `effect`, sending every action it produces (pages as they land, then the result).
    public func run(_ effect: Effect, send: @escaping @Sendable (Action) -> Void) async {
        switch effect {
        case .loadCampaigns(let generation):
            // The list is asked per type, as the platform's list wants one.
            // Each type finishes on its own, so that one failing still shows the other's pages.
            let progress = Locked<[CampaignType: PageCount]>([:])
            let results = await withTaskGroup(of: (CampaignType, Result<[Campaign], UIError>).self) { group in
                for type in [CampaignType.sms, .voice] {
                    group.addTask {
                        do {
                            return (type, .success(try await client.listAll(CampaignListRequest(type: type)) { loaded, total, page in
                                let sum = progress.withLock { counts in
                                    counts[type] = PageCount(loaded: loaded, total: total)
                                    return PageCount.sum(Array(counts.values))
                                }
                                send(.campaignsPage(generation: generation, campaigns: page, loaded: sum.loaded, total: sum.total))
                            }))
                        } catch {
                            return (type, .failure(Self.message(error)))
                        }
                    }
                }
                return await group.reduce(into: [(CampaignType, Result<[Campaign], UIError>)]()) { $0.append($1) }
            }
            let failures = results.compactMap { type, result -> UIError? in
                guard case .failure(let error) = result else { return nil }
                return UIError("\(type == .sms ? "SMS" : "voice") campaigns not loaded: \(error.message)",
                               isConnectivity: error.isConnectivity)
            }
            if let failure = failures.first {
                let message = failures.map(\.message).joined(separator: "; ")
                send(.campaignsLoaded(generation: generation, .failure(UIError(message, isConnectivity: failure.isConnectivity))))
            } else {
                let all = results.sorted { $0.0 == .sms && $1.0 != .sms }.flatMap { (try? $0.1.get()) ?? [] }
                send(.campaignsLoaded(generation: generation, .success(all)))
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
        case .fetchForEdit(let id):
            do {
                send(.editLoaded(id: id, .success(try await client.get(id))))
            } catch {
                send(.editLoaded(id: id, .failure(Self.message(error))))
            }
        case .save(let request):
            await save(request, send: send)
        case .deleteCampaign(let campaign):
            do {
                try await client.delete(campaign.id, type: campaign.type)
                send(.deleteFinished(campaign, .success("deleted “\(campaign.name)”")))
            } catch {
                send(.deleteFinished(campaign, .failure(Self.message(error))))
            }
        case .trigger(let campaign, let start):
            do {
                let result = start ? try await client.start(campaign.id, type: campaign.type)
                    : try await client.stop(campaign.id, type: campaign.type)
                let said = result.message.map { ": \($0)" } ?? ""
                send(.triggerFinished(campaign, start: start, .success("\(start ? "started" : "stopped") “\(campaign.name)”\(said)")))
            } catch {
                send(.triggerFinished(campaign, start: start, .failure(Self.message(error))))
            }
        case .writeDraft, .removeDraft:
            _ = runNow(effect, send: send)
        }
    }

    /// Safe save: an edit first fetches the campaign again and stops if someone else changed it.
    private func save(_ request: SaveRequest, send: @escaping @Sendable (Action) -> Void) async {
        do {
            if request.mode == .edit, !request.overwrite, let id = request.campaign.id {
                let current = try await client.get(id)
                if current.updatedAt != request.expectedUpdatedAt {
                    send(.saveConflict(current: current))
                    return
                }
            }
            let saved = request.mode == .create ? try await client.create(request.campaign)
                : try await client.update(request.campaign)
            send(.saveFinished(.success(saved)))
        } catch let error as APIError where request.mode == .create && [.server, .timeout].contains(error.kind) {
            // The create may have gone through before the answer was lost: look before retrying.
            await lookUpAfterFailedCreate(request.campaign, error: error, send: send)
        } catch let error as APIError {
            let retryable = [.server, .timeout, .cannotConnect, .rateLimited].contains(error.kind)
            send(.saveFinished(.failure(SaveFailure(
                message: "not saved — " + error.description + (retryable ? "; your changes are kept, Ctrl-S tries again" : ""),
                issues: error.issues, retryable: retryable))))
        } catch {
            send(.saveFinished(.failure(SaveFailure(message: "not saved — \(error)", retryable: true))))
        }
    }

    /// After a create that timed out or got a 5xx: lists the campaigns of its type and says
    /// whether one of that name now exists (it was created: the app opens it) or not (Ctrl-S
    /// tries again). When the list cannot be read either, it says so and offers no retry.
    private func lookUpAfterFailedCreate(_ campaign: Campaign, error: APIError,
                                         send: @escaping @Sendable (Action) -> Void) async {
        let name = campaign.name
        let what = "not saved — " + error.description
        do {
            let existing = try await client.listAll(CampaignListRequest(type: campaign.type ?? .sms))
            let found = existing.first { $0.name == name }
                ?? existing.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            if let found {
                send(.createdDespiteFailure(found, failure: error.description))
            } else {
                send(.saveFinished(.failure(SaveFailure(
                    message: what + "; no campaign named “\(name)” exists: it was not created — Ctrl-S tries again",
                    issues: error.issues, retryable: true))))
            }
        } catch let lookup {
            send(.saveFinished(.failure(SaveFailure(
                message: what + "; whether “\(name)” was created is unknown (the list failed too: "
                    + Self.message(lookup).message + ") — press r and look for it before saving again",
                issues: error.issues, retryable: false))))
        }
    }

    static func message(_ error: Error) -> UIError {
        if let api = error as? APIError {
            let connectivity: [APIError.Kind] = [.timeout, .cannotConnect, .server, .rateLimited]
            return UIError(api.description, isConnectivity: connectivity.contains(api.kind))
        }
        return UIError(String(describing: error))
    }
}

/// Campaigns loaded of a total, for one type.
struct PageCount: Sendable {
    var loaded: Int
    var total: Int

    /// Both types together; the server's totals are its own word, so the sum saturates rather
    /// than overflow.
    static func sum(_ counts: [PageCount]) -> PageCount {
        counts.reduce(PageCount(loaded: 0, total: 0)) { sum, count in
            PageCount(loaded: sum.loaded.saturatingAdd(count.loaded), total: sum.total.saturatingAdd(count.total))
        }
    }
}

extension Int {
    /// `self + other`, held at `Int.max` / `Int.min` instead of trapping.
    func saturatingAdd(_ other: Int) -> Int {
        let (result, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : result
    }
}
