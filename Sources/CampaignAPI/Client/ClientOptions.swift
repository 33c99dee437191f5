import CampaignModel
import Foundation

/// Timeouts, retries and paging of a `CampaignClient`.
public struct ClientOptions: Sendable {
    /// Per request, the whole exchange: connection, head and body.
    public var timeout: Duration = .seconds(30)
    /// Attempts for an idempotent call, the first included.
    public var maxAttempts = 4
    /// First backoff; doubles each retry, with jitter, up to `maxBackoff`.
    public var baseBackoff: Duration = .milliseconds(250)
    public var maxBackoff: Duration = .seconds(8)
    /// The longest wait a `Retry-After` header can impose before a retry.
    public var maxRetryAfter: Duration = .seconds(120)
    /// The longest wait before retrying a failed connection attempt (refused connections are
    /// not retried at all).
    public var maxConnectBackoff: Duration = .milliseconds(500)    /// Page size and parallel page requests for `listAll`.
    public var pageSize = 500
    public var pageConcurrency = 4
    /// `listAll` stops with an error after this many pages, whatever the server says.
    public var maxPages = 1_000
    /// Records every write (audit line, snapshot before update/stop/delete); nil records nothing.
    public var journal: WriteJournal?
    public init() {}

    /// Operations that may be sent again without harm: reads, PUT and DELETE. Creates, starts,
    /// stops and schedule changes are sent once.
    public static let idempotent: Set<APIOperation> = [
        .listCampaigns, .getCampaign, .campaignStatus, .listContactLists, .getContactList, .updateCampaign, .deleteCampaign,
        .campaignContacts, .listContacts, .updateContactList, .deleteContactList,
    ]

    /// Statuses worth retrying for an idempotent call.
    public static let retryableStatuses: Set<Int> = [429, 500, 502, 503, 504]

    /// The wait before retry number `attempt` (1 = first retry): Retry-After when the server
    /// gave one, else exponential backoff with full jitter.
    /// Never traps, whatever the header said: the wait is clamped to `maxRetryAfter`.
    func backoff(attempt: Int, retryAfter: Double?) -> Duration {
        if let retryAfter, retryAfter.isFinite {
            return .milliseconds(Int(min(max(retryAfter, 0), Self.seconds(maxRetryAfter)) * 1000))
        }
        let ceiling = min(Self.seconds(maxBackoff), Self.seconds(baseBackoff) * pow(2, Double(min(max(attempt - 1, 0), 30))))
        return .milliseconds(Int(Double.random(in: ceiling / 2...max(ceiling / 2, ceiling)) * 1000))
    }

    /// The wait before retrying a connection that could not be made: short, with jitter.
    func connectBackoff(attempt: Int) -> Duration {
        let ceiling = min(Self.seconds(maxConnectBackoff), Self.seconds(baseBackoff) * pow(2, Double(min(max(attempt - 1, 0), 30))))
        return .milliseconds(Int(Double.random(in: ceiling / 2...max(ceiling / 2, ceiling)) * 1000))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
