import CampaignAPI
import CampaignModel
import Foundation

/// The calls the UI makes to the Campaign API, as closures: `.live(client)` sends them through a
/// `CampaignClient`; tests build one from closures of their own (every closure left out throws
/// `CampaignService.Unimplemented`, so an unexpected call fails the test loudly).
///
/// Every closure may throw `APIError` (what the runner words for the user) or
/// `CancellationError` (its task was cancelled).
public struct CampaignService: Sendable {
    /// (loaded so far, total the server claims, the page that just arrived).
    public typealias ListProgress = @Sendable (_ loaded: Int, _ total: Int, _ page: [Campaign]) -> Void

    /// Every campaign of one type, handed to `progress` page by page and kept nowhere; answers
    /// how many were listed.
    public var list: @Sendable (_ type: CampaignType, _ progress: @escaping ListProgress) async throws -> Int
    /// One campaign in full.
    public var get: @Sendable (_ id: String) async throws -> Campaign
    public var create: @Sendable (_ campaign: Campaign) async throws -> Campaign
    public var update: @Sendable (_ campaign: Campaign) async throws -> Campaign
    public var delete: @Sendable (_ id: String, _ type: CampaignType) async throws -> Void
    /// Starts a campaign; answers the server's message, if it gave one.
    public var start: @Sendable (_ id: String, _ type: CampaignType) async throws -> String?
    /// Stops a campaign; answers the server's message, if it gave one.
    public var stop: @Sendable (_ id: String, _ type: CampaignType) async throws -> String?
    public var contactLists: @Sendable () async throws -> [ContactList]
    /// One page (1-based) of a campaign's contacts view, at most `limit` (≤ 100) contacts.
    public var contactsPage: @Sendable (_ campaignID: String, _ page: Int, _ limit: Int) async throws -> CampaignContactsPage
    /// A campaign's status as the server has it now (`status?view=status`).
    public var status: @Sendable (_ campaignID: String) async throws -> CampaignStatus
    /// Where the audit log and snapshots are read (`:audit`, `:snapshots`); nil keeps none (the demo).
    public var journal: JournalAccess?

    /// A call the service was not given.
    public struct Unimplemented: Error, CustomStringConvertible {
        public let name: String
        public init(name: String) { self.name = name }
        public var description: String { "CampaignService.\(name) was called but not provided" }
    }

    public init(
        list: @escaping @Sendable (_ type: CampaignType, _ progress: @escaping ListProgress) async throws -> Int
            = { _, _ in throw Unimplemented(name: "list") },
        get: @escaping @Sendable (_ id: String) async throws -> Campaign = { _ in throw Unimplemented(name: "get") },
        create: @escaping @Sendable (_ campaign: Campaign) async throws -> Campaign = { _ in throw Unimplemented(name: "create") },
        update: @escaping @Sendable (_ campaign: Campaign) async throws -> Campaign = { _ in throw Unimplemented(name: "update") },
        delete: @escaping @Sendable (_ id: String, _ type: CampaignType) async throws -> Void
            = { _, _ in throw Unimplemented(name: "delete") },
        start: @escaping @Sendable (_ id: String, _ type: CampaignType) async throws -> String?
            = { _, _ in throw Unimplemented(name: "start") },
        stop: @escaping @Sendable (_ id: String, _ type: CampaignType) async throws -> String?
            = { _, _ in throw Unimplemented(name: "stop") },
        contactLists: @escaping @Sendable () async throws -> [ContactList] = { throw Unimplemented(name: "contactLists") },
        contactsPage: @escaping @Sendable (_ campaignID: String, _ page: Int, _ limit: Int) async throws -> CampaignContactsPage
            = { _, _, _ in throw Unimplemented(name: "contactsPage") },
        status: @escaping @Sendable (_ campaignID: String) async throws -> CampaignStatus = { _ in throw Unimplemented(name: "status") }
    ) {
        self.list = list
        self.get = get
        self.create = create
        self.update = update
        self.delete = delete
        self.start = start
        self.stop = stop
        self.contactLists = contactLists
        self.contactsPage = contactsPage
        self.status = status
    }

    /// The service over the real API. `CampaignClient` stops its HTTP exchange when the calling
    /// task is cancelled and throws `CancellationError`.
    public static func live(_ client: CampaignClient) -> CampaignService {
        CampaignService(
            list: { type, progress in try await client.forEachPage(CampaignListRequest(type: type), progress) },
            get: { id in try await client.get(id) },
            create: { campaign in try await client.create(campaign) },
            update: { campaign in try await client.update(campaign) },
            delete: { id, type in try await client.delete(id, type: type) },
            start: { id, type in try await client.start(id, type: type).message },
            stop: { id, type in try await client.stop(id, type: type).message },
            contactLists: { try await client.contactLists() },
            contactsPage: { id, page, limit in try await client.contactsPage(id, page: page, limit: limit) },
            status: { id in try await client.status(id).status })
    }
}
