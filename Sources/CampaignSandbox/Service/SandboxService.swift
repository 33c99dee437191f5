import CampaignModel
import Foundation
import Logging
import Synchronization

/// The emulated Campaign Management API, independent of the HTTP server that carries it:
/// faults, then authentication, then the route table, then the operation.
public final class SandboxService: Sendable {
    let store: SandboxStore
    let authenticator: SandboxAuthenticator
    let faults: FaultInjector
    let configuration: SandboxConfiguration
    let logger: Logger
    /// The simulated clock and dialer behind the contacts view.
    let dialer: SandboxDialer
    /// True once closed: the background recording of seeded runs stops.
    private let closed = Mutex(false)

    /// Opens (or creates) the store and seeds it when empty.
    public init(configuration: SandboxConfiguration, logger: Logger = Logger(label: "sandbox")) async throws {
        guard configuration.credentials.clientSecret.utf8.count >= SandboxCredentials.minimumSecretBytes else {
            throw SandboxSetupError("The client secret must be at least \(SandboxCredentials.minimumSecretBytes) bytes long.")
        }
        self.configuration = configuration
        self.logger = logger
        dialer = SandboxDialer(clock: SimulatedClock(origin: configuration.simulatedNow?() ?? Date(), speed: configuration.speed,
                                                     override: configuration.simulatedNow))
        store = try SandboxStore(path: configuration.dataPath, cachesReads: configuration.cachesReads)
        authenticator = await SandboxAuthenticator(credentials: configuration.credentials)
        faults = FaultInjector(latency: configuration.latency, failRate: configuration.failRate,
                               rateLimitPerMinute: configuration.rateLimitPerMinute, window: configuration.rateLimitWindow)
        if try store.isEmpty() {
            let seed = SeedData(campaignCount: configuration.seedCampaigns, maxListContacts: configuration.maxSeededListContacts)
            try store.saveExperienceFlows(seed.flows)
            try store.save(seed.contactLists)
            for list in seed.contactLists { try store.setGeneratedCount(listId: list.id ?? "", list.totalRecordCount ?? 0) }
            try store.seed(seed, progress: configuration.seedProgress)
        }
        dialer.nextCompletion.withLock { $0 = nil }
        try dialer.noteCompletion(store.nextCompletion().map(Date.init(timeIntervalSince1970:)))
        // Seeded running campaigns get their runs (and completion times) now when few, else
        // in the background; until then each gets its own when it is read. (2,000 at once held
        // the start of a 100,000-campaign sandbox back by over a second.)
        if try recordSeededRuns(batch: 200, maxBatches: 1) == 200 {
            Task(executorPreference: SandboxExecutor.shared) { [weak self] in
                while let self, self.recordSeededBatch() {}
            }
        }
    }

    /// One background batch of seeded runs; false when done or closed.
    private func recordSeededBatch() -> Bool {
        closed.withLock { closed in
            guard !closed else { return false }
            return ((try? recordSeededRuns(batch: 200, maxBatches: 1)) ?? 0) == 200
        }
    }

    /// Closes the database cleanly.
    public func close() throws {
        closed.withLock { $0 = true }
        try store.close()
    }

    /// Answers one request. Never throws: every failure becomes a JSON error response.
    public func handle(_ request: SandboxRequest) async -> SandboxResponse {
        do {
            try await faults.apply()
            try await authenticator.authenticate(request.headers)
            switch APIRouteTable.match(method: request.method, path: request.path, query: request.query) {
            case .notFound:
                throw SandboxError.notFound("No API at \(request.path).")
            case .methodNotAllowed(let allowed):
                var error = SandboxError(status: 405, message: "\(request.method) is not allowed at \(request.path); use \(allowed.joined(separator: ", ")).")
                error.headers = [("Allow", allowed.joined(separator: ", "))]
                throw error
            case .route(let route, let parameters):
                guard parameters["streamId"] == configuration.credentials.streamId else {
                    throw SandboxError.notFound("No app with stream id \(parameters["streamId"] ?? "").")
                }
                return try await perform(route.operation, parameters: parameters, request: request)
            }
        } catch let error as SandboxError {
            return error.response
        } catch {
            logger.error("sandbox failure: \(error)")
            return SandboxError(status: 500, message: "The sandbox failed: \(error)").response
        }
    }

    private func perform(_ operation: APIOperation, parameters: [String: String], request: SandboxRequest) async throws -> SandboxResponse {
        let id = parameters["campaignId"] ?? ""
        try completeDueCampaigns()
        switch operation {
        case .listCampaigns: return try listCampaigns(body: request.body)
        case .getCampaign: return try getCampaign(id: id)
        case .createCampaign: return try createCampaign(type: parameters["campaignType"], body: request.body)
        case .updateCampaign: return try updateCampaign(id: id, type: parameters["campaignType"], body: request.body)
        case .deleteCampaign: return try deleteCampaign(id: id, type: parameters["campaignType"])
        case .startCampaign: return try trigger(id: id, type: parameters["campaignType"], start: true)
        case .stopCampaign: return try trigger(id: id, type: parameters["campaignType"], start: false)
        case .campaignStatus: return try status(id: id)
        case .listContactLists: return try listContactLists(type: request.query["type"])
        case .getContactList: return try getContactList(id: parameters["contactListId"] ?? "")
        case .createContactList: return try createContactList(body: request.body)
        case .enableSchedule: return try schedule(name: parameters["campaignName"], enable: true, body: request.body)
        case .disableSchedule: return try schedule(name: parameters["campaignName"], enable: false, body: request.body)
        case .listContacts: return try listContacts(listId: parameters["contactListId"] ?? "", query: request.query)
        case .updateContactList: return try updateContactList(listId: parameters["contactListId"] ?? "", body: request.body)
        case .deleteContactList: return try deleteContactList(listId: parameters["contactListId"] ?? "")
        case .addContacts: return try addContacts(body: request.body)
        case .campaignContacts: return try campaignContacts(id: id, body: request.body)
        }
    }

    // MARK: Shared helpers

    /// Parses a JSON body; malformed JSON is a 400 with the position.
    func parseBody(_ body: Data, allowEmpty: Bool = false) throws(SandboxError) -> JSONValue {
        if allowEmpty, body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return [:] }
        do { return try JSONValue.parse(body) } catch {
            throw .badRequest("The body is not valid JSON: \(error.description).")
        }
    }

    func requireCampaign(_ id: String) throws -> StoredCampaign {
        guard let stored = try store.campaign(id: id) else { throw SandboxError.notFound("No campaign with id \(id).") }
        return stored
    }

    /// Checks the `campaignType` query against the campaign; absent passes.
    func checkType(_ type: String?, matches campaign: Campaign) throws(SandboxError) {
        guard let type, !type.isEmpty else { return }
        guard CampaignType.tolerant(type) == campaign.type else {
            throw .badRequest("campaignType=\(type) does not match campaign \(campaign.id ?? "") of type \(campaign.type?.rawValue ?? "?").",
                              [ValidationIssue(path: "campaignType", message: "This campaign is \(campaign.type?.rawValue ?? "?"), not \(type).")])
        }
    }

    /// Now, as the API writes it; strictly after `previous` so that `updatedAt` always moves.
    func timestamp(after previous: String? = nil) -> String {
        var now = Date()
        if let previous = previous.flatMap(ISOTimestamp.parse), now <= previous {
            now = previous.addingTimeInterval(0.001)
        }
        return ISOTimestamp.format(now)
    }

    static func envelope(_ message: String, data: JSONValue? = nil, id: String? = nil) -> SandboxResponse {
        SandboxResponse(body: APIEnvelope(status: "success", message: message, data: data, id: id).json)
    }
}

/// Why the sandbox could not start.
public struct SandboxSetupError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
