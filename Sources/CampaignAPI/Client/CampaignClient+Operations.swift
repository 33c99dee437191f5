import CampaignModel
import Foundation

/// The documented operations, typed.
extension CampaignClient {
    /// One page of `getAllCampaignDetails`.
    public func listPage(_ request: CampaignListRequest) async throws -> CampaignPage {
        let data = try envelopeData(await send(.listCampaigns, body: request.json), operation: .listCampaigns)
        return try wire { try CampaignPage(json: data) }
    }

    /// Every campaign matching `request`'s filters, in the server's order, each once.
    /// `progress` receives (loaded, total, page) for each page in order, as `forEachPage` says.
    public func listAll(_ request: CampaignListRequest,
                        progress: (@Sendable (_ loaded: Int, _ total: Int, _ page: [Campaign]) -> Void)? = nil) async throws -> [Campaign] {
        var all: [Campaign] = []
        try await forEachPage(request) { loaded, total, page in
            all.append(contentsOf: page)
            progress?(loaded, total, page)
        }
        return all
    }

    /// Reads every page matching `request`'s filters, in the server's order, and hands each to
    /// `body` as (loaded so far, total, the page's campaigns not seen on an earlier page). Nothing
    /// is kept between pages but one 8-byte hash per id (to drop repeats), so a caller that keeps
    /// only what it needs holds only that. Answers how many campaigns were handed over.
    ///
    /// Pages are read until one says `hasMore: false` or comes back empty (without `hasMore`,
    /// until a short page); after the first page, `pageConcurrency` pages are asked for at a
    /// time. The server's `totalResults` is never trusted to size anything: it only feeds the
    /// total, clamped; the last call's total is the number loaded. More than `maxPages` pages is
    /// an error.
    @discardableResult
    public func forEachPage(_ request: CampaignListRequest,
                            _ body: (_ loaded: Int, _ total: Int, _ page: [Campaign]) throws -> Void) async throws -> Int {
        let requestedSize = max(1, options.pageSize)
        let maxPages = max(1, options.maxPages)
        var stride = requestedSize
        var loaded = 0
        var seen = Set<UInt64>()
        var pageIndex = 0
        while true {
            let window = pageIndex == 0 ? 1 : max(1, options.pageConcurrency)
            guard pageIndex < maxPages else {
                throw APIError(kind: .badResponse, summary: "the server listed more than \(maxPages) pages of campaigns and still "
                    + "says there are more; stopped there")
            }
            let indices = Array(pageIndex..<min(pageIndex + window, maxPages))
            let pages = try await fetchPages(request, indices: indices, size: requestedSize, stride: stride)
            for (offset, page) in pages.enumerated() {
                let fresh = page.results.filter { campaign in campaign.id.map { seen.insert(Self.idHash($0)).inserted } ?? true }
                loaded += fresh.count
                let last = page.results.isEmpty || page.hasMore == false || (page.hasMore == nil && page.results.count < stride)
                let ceiling = maxPages.multipliedReportingOverflow(by: stride)
                let claimed = min(max(page.totalResults ?? 0, 0), ceiling.overflow ? Int.max : ceiling.partialValue)
                try body(loaded, last ? loaded : max(loaded, claimed), fresh)
                if last { return loaded }
                if pageIndex == 0, offset == 0, page.results.count < requestedSize {
                    // The server caps the page size below what was asked: step by what it gives.
                    stride = page.results.count
                }
            }
            pageIndex += indices.count
        }
    }

    /// A 64-bit FNV-1a hash of a campaign id: repeats across pages are found without keeping the
    /// ids (two different ids among 100,000 collide with odds of about one in 10⁹).
    static func idHash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The pages at `indices` (0 = first), fetched together, in index order.
    private func fetchPages(_ request: CampaignListRequest, indices: [Int], size: Int, stride: Int) async throws -> [CampaignPage] {
        try await withThrowingTaskGroup(of: (Int, CampaignPage).self) { group in
            for index in indices {
                var pageRequest = request
                pageRequest.limit = size
                pageRequest.skip = index * stride
                pageRequest.page = index * stride / size + 1
                group.addTask { (index, try await self.listPage(pageRequest)) }
            }
            var pages: [Int: CampaignPage] = [:]
            while let (index, page) = try await group.next() { pages[index] = page }
            return indices.compactMap { pages[$0] }
        }
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
