import Foundation
import Synchronization

/// Serialized reads of single campaigns, kept in memory so that a repeated GET or list page does
/// not parse, rebuild and re-serialize the campaign's JSON: the detail response of a GET and the
/// summary a list page holds, each by campaign id, exactly the text first sent.
///
/// The store drops a campaign's entries whenever it writes that campaign. A read that began
/// before a write may finish after it: it captures `generation` before it reads and stores its
/// text only if no write happened since, so a stale text never outlives the write. Each kind
/// holds at most `capacity` entries and starts over when full.
final class CampaignReadCache: Sendable {
    enum Kind: Int, CaseIterable { case detail, listItem }

    private struct State {
        var generation = 0
        var entries: [[String: String]] = Array(repeating: [:], count: Kind.allCases.count)
    }

    let capacity: Int
    let enabled: Bool
    private let state = Mutex(State())

    init(capacity: Int = 10_000, enabled: Bool = true) {
        self.capacity = max(1, capacity)
        self.enabled = enabled
    }

    /// Counts writes; pass it back to `store` to keep a text only if nothing was written since.
    var generation: Int { state.withLock { $0.generation } }

    func text(_ kind: Kind, id: String) -> String? {
        guard enabled else { return nil }
        return state.withLock { $0.entries[kind.rawValue][id] }
    }

    /// The texts held for `ids` (those missing are absent).
    func texts(_ kind: Kind, ids: [String]) -> [String: String] {
        guard enabled else { return [:] }
        return state.withLock { state in
            var found: [String: String] = [:]
            for id in ids { if let text = state.entries[kind.rawValue][id] { found[id] = text } }
            return found
        }
    }

    /// Keeps texts read when the generation was `generation`, unless a write came since.
    func store(_ kind: Kind, _ texts: [String: String], readAt generation: Int) {
        guard enabled, !texts.isEmpty else { return }
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries[kind.rawValue].count + texts.count > capacity {
                state.entries[kind.rawValue].removeAll(keepingCapacity: true)
            }
            state.entries[kind.rawValue].merge(texts) { _, new in new }
        }
    }

    /// Called after a write committed: drops the entries of `ids`, or of every campaign when nil.
    func invalidate(_ ids: [String]?) {
        state.withLock { state in
            state.generation &+= 1
            guard let ids else {
                for index in state.entries.indices { state.entries[index].removeAll(keepingCapacity: true) }
                return
            }
            for index in state.entries.indices {
                for id in ids { state.entries[index][id] = nil }
            }
        }
    }

    /// Entries held, of both kinds.
    var count: Int { state.withLock { $0.entries.reduce(0) { $0 + $1.count } } }
}
