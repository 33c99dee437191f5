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

    private func count(_ id: String, generation: Int, send: @escaping @Sendable (Action) -> Void) async {
        var page = 1
        while true {
            guard page <= Self.maxContactPages else {
                send(.boardCountFailed(id: id, generation: generation, Self.tooManyPages))
                return
            }
            do { try await countSlots.acquire() } catch { return }
            let contents: CampaignContactsPage
            do {
                contents = try await service.contactsPage(id, page, BoardState.pageSize)
            } catch {
                await countSlots.release()
                guard !Task.isCancelled else { return }
                send(.boardCountFailed(id: id, generation: generation, Self.message(error)))
                return
            }
            await countSlots.release()
            guard !Task.isCancelled else { return }
            let last = Self.isLast(contents, page: page)
            // The tally is worked out here, off the loop: the update only adds it.
            send(.boardCountPage(id: id, generation: generation,
                                 BoardCountPage(tally: OutcomeTally(contents.results), page: page, isLast: last,
                                                totalResults: contents.totalResults)))
            if last { return }
            page += 1
        }
    }

    /// Paging stops with an error past this many pages (a server that never says it is done).
    static let maxContactPages = 10_000
    static let tooManyPages = UIError("the server listed more than 10,000 pages of contacts and still says there are more")

    /// Whether `contents` (page `page`) ends the contacts: a short page, or the server's last.
    static func isLast(_ contents: CampaignContactsPage, page: Int) -> Bool {
        contents.results.isEmpty || contents.results.count < BoardState.pageSize || (contents.totalPages.map { page >= $0 } ?? false)
    }
}
