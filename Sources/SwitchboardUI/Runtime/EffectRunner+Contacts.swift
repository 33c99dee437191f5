import CampaignModel
import Foundation

/// The board's counts and the contacts screen's pages. A count reads its campaign's contacts
/// page by page, each page taking one of a few shared slots (so the rows on screen take turns),
/// and answers each page's tally as it lands; cancelled, it stops and answers nothing more.
extension EffectRunner {
    func runContacts(_ effect: Effect, send: @escaping @Sendable (Action) -> Void) async {
        switch effect {
        case .countContacts(let id, let generation):
            await count(id, generation: generation, send: send)
        case .loadContactsPage(let id, let page):
            let result: Result<CampaignContactsPage, UIError>
            do {
                result = .success(try await service.contactsPage(id, page, BoardState.pageSize))
            } catch {
                guard !Task.isCancelled else { return }
                result = .failure(Self.message(error))
            }
            guard !Task.isCancelled else { return }
            send(.contactsPageLoaded(campaignID: id, page: page, result))
        case .loadAllContacts(let id, let first):
            var page = max(1, first)
            while !Task.isCancelled {
                guard page <= Self.maxContactPages else {
                    send(.contactsPageLoaded(campaignID: id, page: page, .failure(Self.tooManyPages)))
                    return
                }
                do {
                    let contents = try await service.contactsPage(id, page, BoardState.pageSize)
                    guard !Task.isCancelled else { return }
                    send(.contactsPageLoaded(campaignID: id, page: page, .success(contents)))
                    if Self.isLast(contents, page: page) { return }
                    page += 1
                } catch {
                    guard !Task.isCancelled else { return }
                    send(.contactsPageLoaded(campaignID: id, page: page, .failure(Self.message(error))))
                    return
                }
            }
        default:
            break
        }
    }

    /// Counts one campaign: page 1 first; once it says how many pages there are, the rest are
    /// read a few at a time (the tallies add up in any order), each page taking one of the
    /// shared slots; without a page count, one page after the other until a short one.
    private func count(_ id: String, generation: Int, send: @escaping @Sendable (Action) -> Void) async {
        func answer(_ contents: CampaignContactsPage, page: Int, isLast: Bool) {
            // The tally is worked out here, off the loop: the update only adds it.
            send(.boardCountPage(id: id, generation: generation,
                                 BoardCountPage(tally: OutcomeTally(contents.results), page: page, isLast: isLast,
                                                totalResults: contents.totalResults)))
        }
        // The status first: a campaign the list still calls Active may have completed since.
        // A server without the status view only leaves the list's status in place.
        if let status = try? await service.status(id) {
            guard !Task.isCancelled else { return }
            send(.boardStatusLoaded(id: id, generation: generation, status))
        }
        var page = 1
        while true {
            guard page <= Self.maxContactPages else {
                send(.boardCountFailed(id: id, generation: generation, Self.tooManyPages))
                return
            }
            let contents: CampaignContactsPage
            switch await countPage(id, page) {
            case nil: return
            case .failure(let error)?:
                send(.boardCountFailed(id: id, generation: generation, error))
                return
            case .success(let read)?:
                contents = read
            }
            let last = Self.isLast(contents, page: page)
            answer(contents, page: page, isLast: last)
            if last { return }
            if page == 1, let total = contents.totalPages, total > 1 {
                await countRest(id, pages: 2...min(total, Self.maxContactPages), generation: generation, answer: answer, send: send)
                return
            }
            page += 1
        }
    }

    /// Pages `pages` of a count, `BoardState.countConcurrency` at a time; the page that completes
    /// the set is the last answered.
    private func countRest(_ id: String, pages: ClosedRange<Int>, generation: Int,
                           answer: (CampaignContactsPage, Int, Bool) -> Void, send: @escaping @Sendable (Action) -> Void) async {
        await withTaskGroup(of: (Int, Result<CampaignContactsPage, UIError>?).self) { group in
            var next = pages.lowerBound
            var remaining = pages.count
            for _ in 0..<min(BoardState.countConcurrency, pages.count) {
                let page = next
                group.addTask { (page, await countPage(id, page)) }
                next += 1
            }
            for await (page, result) in group {
                remaining -= 1
                switch result {
                case nil:
                    group.cancelAll()
                    return
                case .failure(let error)?:
                    group.cancelAll()
                    send(.boardCountFailed(id: id, generation: generation, error))
                    return
                case .success(let contents)?:
                    answer(contents, page, remaining == 0)
                }
                if next <= pages.upperBound {
                    let page = next
                    group.addTask { (page, await countPage(id, page)) }
                    next += 1
                }
            }
        }
    }

    /// One page of a count in one of the shared slots; nil once the count is cancelled.
    private func countPage(_ id: String, _ page: Int) async -> Result<CampaignContactsPage, UIError>? {
        do { try await countSlots.acquire() } catch { return nil }
        let result: Result<CampaignContactsPage, UIError>
        do {
            result = .success(try await service.contactsPage(id, page, BoardState.pageSize))
        } catch {
            result = .failure(Self.message(error))
        }
        await countSlots.release()
        return Task.isCancelled ? nil : result
    }

    /// Paging stops with an error past this many pages (a server that never says it is done).
    static let maxContactPages = 10_000
    static let tooManyPages = UIError("the server listed more than 10,000 pages of contacts and still says there are more")

    /// Whether `contents` (page `page`) ends the contacts: a short page, or the server's last.
    static func isLast(_ contents: CampaignContactsPage, page: Int) -> Bool {
        contents.results.isEmpty || contents.results.count < BoardState.pageSize || (contents.totalPages.map { page >= $0 } ?? false)
    }
}
