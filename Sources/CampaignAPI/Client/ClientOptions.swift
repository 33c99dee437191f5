import CampaignModel
import Foundation

/// Timeouts, retries and paging of a `CampaignClient`.
public struct ClientOptions: Sendable {
    /// Per request, connection included.
    public var timeout: Duration = .seconds(30)
    /// Attempts for an idempotent call, the first included.
    public var maxAttempts = 4
    /// First backoff; doubles each retry, with jitter, up to `maxBackoff`.
    public var baseBackoff: Duration = .milliseconds(250)
    public var maxBackoff: Duration = .seconds(8)
    /// Page size and parallel page requests for `listAll`.
    public var pageSize = 500
    public var pageConcurrency = 4

    public init() {}

    /// Operations that may be sent again without harm: reads, PUT and DELETE. Creates, starts,
    /// stops and schedule changes are sent once.
    public static let idempotent: Set<APIOperation> = [
        .listCampaigns, .getCampaign, .campaignStatus, .listContactLists, .getContactList, .updateCampaign, .deleteCampaign,
    ]

    /// Statuses worth retrying for an idempotent call.
    public static let retryableStatuses: Set<Int> = [429, 500, 502, 503, 504]

    /// The wait before retry number `attempt` (1 = first retry): Retry-After when the server
    /// gave one, else exponential backoff with full jitter.
    func backoff(attempt: Int, retryAfter: Double?) -> Duration {
        if let retryAfter { return .milliseconds(Int(min(retryAfter, 120) * 1000)) }
        let ceiling = min(Double(maxBackoff.components.seconds) + Double(maxBackoff.components.attoseconds) / 1e18,
                          (Double(baseBackoff.components.attoseconds) / 1e18 + Double(baseBackoff.components.seconds))
                              * pow(2, Double(attempt - 1)))
        return .milliseconds(Int(Double.random(in: ceiling / 2...ceiling) * 1000))
    }
}
