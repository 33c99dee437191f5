import Foundation
import Synchronization

/// JWTs whose signature and claims were already checked, by their exact text, so that a client
/// sending the same token on every request pays for one HMAC check, not one per request. An
/// entry is used only before the token's `exp`; after it the token goes through the full check
/// again (and gets its 401). Only tokens that passed are kept, at most `capacity` of them.
final class VerifiedTokenCache: Sendable {
    struct Entry: Sendable {
        let appId: String
        let expires: Date?
    }

    let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    init(capacity: Int = 256) { self.capacity = max(1, capacity) }

    /// The app id of `token` when it was verified before and has not expired at `now`.
    func appId(of token: String, now: Date = Date()) -> String? {
        entries.withLock { entries in
            guard let entry = entries[token] else { return nil }
            if let expires = entry.expires, now >= expires {
                entries[token] = nil
                return nil
            }
            return entry.appId
        }
    }

    /// Remembers a token that passed verification; forgets every entry when full.
    func remember(_ token: String, appId: String, expires: Date?) {
        entries.withLock { entries in
            if entries.count >= capacity, entries[token] == nil { entries.removeAll(keepingCapacity: true) }
            entries[token] = Entry(appId: appId, expires: expires)
        }
    }

    var count: Int { entries.withLock { $0.count } }
}
