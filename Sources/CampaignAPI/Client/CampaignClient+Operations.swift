import CampaignModel
import Foundation

/// The documented operations, typed.
extension CampaignClient {
    /// One page of `getAllCampaignDetails`.
    public func listPage(_ request: CampaignListRequest) async throws -> CampaignPage {
        let data = try envelopeData(await send(.listCampaigns, body: request.json), operation: .listCampaigns)
        return try wire { try CampaignPage(json: data) }
    }

    /// Every campaign matching `request`'s filters: the first page tells the total, the rest are
    /// fetched `pageConcurrency` at a time. `progress` receives (loaded, total, page) as pages land,
    /// in the order they land.
    /// Campaigns are returned in the server's order, each once.
    public func listAll(_ request: CampaignListRequest,
                        progress: (@Sendable (_ loaded: Int, _ total: Int, _ page: [Campaign]) -> Void)? = nil) async throws -> [Campaign] {
        let pageSize = max(1, options.pageSize)
        var first = request
        first.limit = pageSize
        first.skip = 0
        first.page = 1
        let firstPage = try await listPage(first)
        let total = firstPage.totalResults ?? firstPage.results.count
        progress?(firstPage.results.count, total, firstPage.results)
        guard firstPage.results.count < total, !firstPage.results.isEmpty else { return firstPage.results }
        let offsets = Array(stride(from: firstPage.results.count, to: total, by: pageSize))
        var pages: [Int: [Campaign]] = [:]
        var loaded = firstPage.results.count
        try await withThrowingTaskGroup(of: (Int, [Campaign]).self) { group in
            var next = 0
            func enqueue() {
                guard next < offsets.count else { return }
                let offset = offsets[next]
                next += 1
                var pageRequest = request
                pageRequest.limit = pageSize
                pageRequest.skip = offset
                pageRequest.page = offset / pageSize + 1
                group.addTask { (offset, try await self.listPage(pageRequest).results) }
            }
            for _ in 0..<max(1, options.pageConcurrency) { enqueue() }
            while let (offset, results) = try await group.next() {
                pages[offset] = results
                loaded += results.count
                progress?(min(loaded, total), total, results)
                enqueue()
            }
        }
        var seen = Set<String>()
        var all = firstPage.results
        all.reserveCapacity(total)
        for campaign in all { if let id = campaign.id { seen.insert(id) } }
        for offset in offsets {
            for campaign in pages[offset] ?? [] where campaign.id.map({ seen.insert($0).inserted }) ?? true {
                all.append(campaign)
            }
        }
        return all
    }

    public func get(_ id: String) async throws -> Campaign {
        let data = try envelopeData(await send(.getCampaign, parameters: ["campaignId": id]), operation: .getCampaign)
        return try wire { try Campaign(json: data) }
    }

    /// Creates a campaign; sent exactly once.
    public func create(_ campaign: Campaign) async throws -> Campaign {
        guard let type = campaign.type else {
            throw APIError(kind: .configuration, summary: "say whether the campaign is sms or voice (campaignType)")
        }
        let body = CampaignRequestBody.body(for: campaign, operation: .create)
        let data = try envelopeData(await send(.createCampaign, parameters: ["campaignType": type.rawValue], body: body),
                                    operation: .createCampaign)
        return try wire { try Campaign(json: data) }
    }

    /// Updates a campaign by its id.
    public func update(_ campaign: Campaign) async throws -> Campaign {
        guard let id = campaign.id, let type = campaign.type else {
            throw APIError(kind: .configuration, summary: "an update needs the campaign's id and type")
        }
        let body = CampaignRequestBody.body(for: campaign, operation: .update)
        let data = try envelopeData(await send(.updateCampaign, parameters: ["campaignId": id, "campaignType": type.rawValue], body: body),
                                    operation: .updateCampaign)
        return try wire { try Campaign(json: data) }
    }

    /// Deletes a campaign; returns it as it was.
    @discardableResult
    public func delete(_ id: String, type: CampaignType) async throws -> Campaign {
        let data = try envelopeData(await send(.deleteCampaign, parameters: ["campaignId": id, "campaignType": type.rawValue]),
                                    operation: .deleteCampaign)
        return try wire { try Campaign(json: data) }
    }

    public func start(_ id: String, type: CampaignType) async throws -> TriggerResult {
        let json = try await send(.startCampaign, parameters: ["campaignId": id, "campaignType": type.rawValue])
        return try wire { try TriggerResult(json: json) }
    }

    public func stop(_ id: String, type: CampaignType) async throws -> TriggerResult {
        let json = try await send(.stopCampaign, parameters: ["campaignId": id, "campaignType": type.rawValue])
        return try wire { try TriggerResult(json: json) }
    }

    public func status(_ id: String) async throws -> CampaignStatusInfo {
        let data = try envelopeData(await send(.campaignStatus, parameters: ["campaignId": id]), operation: .campaignStatus)
        return try wire { try CampaignStatusInfo(json: data) }
    }

    public func contactLists() async throws -> [ContactList] {
        let data = try envelopeData(await send(.listContactLists), operation: .listContactLists)
        guard let items = data.arrayValue else {
            throw APIError(kind: .badResponse, summary: "the contact-list reply has no list in data")
        }
        return try wire { try items.map { try ContactList(json: $0) } }
    }

    public func contactList(_ id: String) async throws -> ContactList {
        let data = try envelopeData(await send(.getContactList, parameters: ["contactListId": id]), operation: .getContactList)
        return try wire { try ContactList(json: data) }
    }

    public func createContactList(name: String, description: String?, allowDuplicates: Bool) async throws -> ContactList {
        let body = ContactList.createBody(name: name, description: description, allowDuplicates: allowDuplicates)
        let data = try envelopeData(await send(.createContactList, body: body), operation: .createContactList)
        return try wire { try ContactList(json: data) }
    }

    /// Enables a recurring schedule; returns the server's message.
    public func enableSchedule(campaignName: String, _ schedule: RecurringSchedule) async throws -> String {
        let json = try await send(.enableSchedule, parameters: ["campaignName": campaignName], body: schedule.json)
        return try wire { try APIEnvelope(json: json) }.message ?? ""
    }

    public func disableSchedule(campaignName: String) async throws -> String {
        let json = try await send(.disableSchedule, parameters: ["campaignName": campaignName], body: [:])
        return try wire { try APIEnvelope(json: json) }.message ?? ""
    }

    // MARK: Helpers

    private func envelopeData(_ json: JSONValue, operation: APIOperation) throws -> JSONValue {
        let envelope = try wire { try APIEnvelope(json: json) }
        guard let data = envelope.data else {
            throw APIError(kind: .badResponse, summary: "the server's \(operation.rawValue) reply has no data")
        }
        return data
    }

    private func wire<T>(_ read: () throws -> T) throws -> T {
        do { return try read() } catch let error as WireFormatError {
            throw APIError(kind: .badResponse, summary: "unexpected reply from the server: \(error.message)")
        }
    }
}
