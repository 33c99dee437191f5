import CampaignAPI
import CampaignModel
import Foundation

/// Runs effects against the Campaign API and answers with actions that carry data (what the
/// server said, what failed and how); the words the user reads are made in the update. The only
/// part of the UI that reaches the network, and it does so through a `CampaignService`.
///
/// Work whose task is cancelled (a superseded load, a detail that scrolled away) answers nothing.
public struct EffectRunner: Sendable {
    public let service: CampaignService
    /// Where drafts are kept; nil keeps none.
    public let drafts: DraftStore?
    /// Details fetched at the same time.
    public let detailConcurrency: Int
    private let detailSlots: ConcurrencyLimit
    /// Board counts reading a page at the same time (`BoardState.countConcurrency`).
    let countSlots = ConcurrencyLimit(BoardState.countConcurrency)

    public init(service: CampaignService, drafts: DraftStore? = nil, detailConcurrency: Int = 6) {
        self.service = service
        self.drafts = drafts
        self.detailConcurrency = detailConcurrency
        detailSlots = ConcurrencyLimit(detailConcurrency)
    }

    /// The runner over the real API.
    public init(client: CampaignClient, drafts: DraftStore? = nil) {
        self.init(service: .live(client), drafts: drafts)
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
    /// The store's own effects (quit, repaint, suspend, cancel) do nothing here.
    public func run(_ effect: Effect, send: @escaping @Sendable (Action) -> Void) async {
        switch effect {
        case .loadCampaigns(let generation):
            await loadCampaigns(generation: generation, send: send)
        case .loadDetail(let id):
            await loadDetail(id, send: send)
        case .loadContactLists:
            do {
                send(.contactListsLoaded(.success(try await service.contactLists())))
            } catch {
                send(.contactListsLoaded(.failure(Self.message(error))))
            }
        case .loadAudit:
            send(.auditLoaded(service.journal?.readAudit() ?? .noJournal))
        case .loadSnapshots:
            send(.snapshotsLoaded(service.journal?.readSnapshots() ?? .noJournal))
        case .planRestore(let stored):
            await planRestore(stored, send: send)
        case .restore(let proposal):
            await restore(proposal, send: send)
        case .fetchForEdit(let id):
            do {
                send(.editLoaded(id: id, .success(try await service.get(id))))
            } catch {
                send(.editLoaded(id: id, .failure(Self.message(error))))
            }
        case .save(let request):
            await save(request, send: send)
        case .deleteCampaign(let campaign):
            do {
                try await service.delete(campaign.id, campaign.type)
                send(.deleteFinished(campaign, failure: nil))
            } catch {
                send(.deleteFinished(campaign, failure: Self.message(error)))
            }
        case .trigger(let campaign, let start):
            do {
                let said = start ? try await service.start(campaign.id, campaign.type)
                    : try await service.stop(campaign.id, campaign.type)
                send(.triggerFinished(campaign, start: start, .success(said)))
            } catch {
                send(.triggerFinished(campaign, start: start, .failure(Self.message(error))))
            }
        case .writeDraft, .removeDraft:
            _ = runNow(effect, send: send)
        case .wake(let id, let delay):
            // Cancelled (a newer wake, or the program ending): no answer.
            guard (try? await Task.sleep(for: delay)) != nil, !Task.isCancelled else { return }
            send(.woke(id))
        case .countContacts, .loadContactsPage, .loadAllContacts:
            await runContacts(effect, send: send)
        case .bulk(let request):
            await runBulk(request, send: send)
        case .quit, .repaint, .suspend, .cancel:
            break
        }
    }

    /// The list is asked per type, as the platform's list wants one. Each type finishes on its
    /// own, so that one failing still shows the other's pages.
    private func loadCampaigns(generation: Int, send: @escaping @Sendable (Action) -> Void) async {
        let progress = Locked<[CampaignType: PageCount]>([:])
        let results = await withTaskGroup(of: (CampaignType, Result<Int, UIError>).self) { group in
            for type in [CampaignType.sms, .voice] {
                group.addTask {
                    do {
                        return (type, .success(try await service.list(type) { loaded, total, page in
                            guard !Task.isCancelled else { return }
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
            return await group.reduce(into: [(CampaignType, Result<Int, UIError>)]()) { $0.append($1) }
        }
        // A newer load took over: this one says nothing more.
        guard !Task.isCancelled else { return }
        let failures = results.sorted { $0.0 == .sms && $1.0 != .sms }.compactMap { type, result -> (CampaignType, UIError)? in
            guard case .failure(let error) = result else { return nil }
            return (type, error)
        }
        if !failures.isEmpty {
            send(.campaignsLoaded(generation: generation, .failure(ListLoadFailure(failures))))
        } else {
            let listed = results.reduce(0) { $0 + ((try? $1.1.get()) ?? 0) }
            send(.campaignsLoaded(generation: generation, .success(listed)))
        }
    }

    /// One campaign's full record, at most `detailConcurrency` at a time. Cancelled while waiting
    /// for its turn or while on the wire, it answers nothing.
    private func loadDetail(_ id: String, send: @escaping @Sendable (Action) -> Void) async {
        do { try await detailSlots.acquire() } catch { return }
        guard !Task.isCancelled else {
            await detailSlots.release()
            return
        }
        let result: Result<Campaign, UIError>
        do {
            result = .success(try await service.get(id))
        } catch {
            result = .failure(Self.message(error))
        }
        await detailSlots.release()
        guard !Task.isCancelled else { return }
        send(.detailLoaded(id: id, result))
    }

    /// Safe save: an edit first fetches the campaign again and stops if someone else changed it.
    private func save(_ request: SaveRequest, send: @escaping @Sendable (Action) -> Void) async {
        do {
            if request.mode == .edit, !request.overwrite, let id = request.campaign.id {
                let current = try await service.get(id)
                if current.updatedAt != request.expectedUpdatedAt {
                    send(.saveConflict(current: current))
                    return
                }
            }
            let saved = request.mode == .create ? try await service.create(request.campaign)
                : try await service.update(request.campaign)
            send(.saveFinished(.success(saved)))
        } catch let error as APIError where request.mode == .create && [.server, .timeout].contains(error.kind) {
            // The create may have gone through before the answer was lost: look before retrying.
            await lookUpAfterFailedCreate(request.campaign, failure: Self.saveFailure(error), send: send)
        } catch let error as APIError {
            send(.saveFinished(.failure(Self.saveFailure(error))))
        } catch {
            send(.saveFinished(.failure(SaveFailure(kind: nil, description: "\(error)", retryable: true))))
        }
    }

    /// What a save failure is, as data: trying again may help after a 5xx, a timeout, no
    /// connection or a rate limit.
    static func saveFailure(_ error: APIError) -> SaveFailure {
        let retryable = [.server, .timeout, .cannotConnect, .rateLimited].contains(error.kind)
        return SaveFailure(kind: error.kind, description: error.description, issues: error.issues, retryable: retryable)
    }

    /// After a create that timed out or got a 5xx: lists the campaigns of its type and answers
    /// what it found: a campaign of that name (it was created), none, or a failed list.
    private func lookUpAfterFailedCreate(_ campaign: Campaign, failure: SaveFailure,
                                         send: @escaping @Sendable (Action) -> Void) async {
        let name = campaign.name
        do {
            // Only the matches are kept while the pages go by: the exact name, else the first
            // that differs only in case.
            let matches = Locked<(exact: Campaign?, folded: Campaign?)>((nil, nil))
            _ = try await service.list(campaign.type ?? .sms) { _, _, page in
                matches.withLock { found in
                    if found.exact == nil { found.exact = page.first { $0.name == name } }
                    if found.folded == nil { found.folded = page.first { $0.name.caseInsensitiveCompare(name) == .orderedSame } }
                }
            }
            let found = matches.withLock { $0.exact ?? $0.folded }
            send(.createLookedUp(name: name, failure: failure, found.map(CreateLookup.found) ?? .notFound))
        } catch let lookup {
            send(.createLookedUp(name: name, failure: failure, .failed(Self.message(lookup))))
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
