import CampaignModel
import Foundation

/// The campaign endpoints.
///
/// Judgement calls where the docs are silent, written down in the README too:
/// - names are unique, ignoring case: a second campaign with the same name is 409;
/// - an Active campaign cannot be edited or deleted (409 "stop it first"), as on the platform's
///   console, which locks a running campaign;
/// - PUT merges: fields the body leaves out keep their values, so a partial update loses nothing
///   (`message` and `dncLists` are replaced whole, so a template or DNC list can be dropped);
/// - start answers 409 while a campaign is Preparing or already Active; stop answers 409 unless it
///   is Active or Paused.
extension SandboxService {
    static let maxPageSize = 1_000
    /// The furthest a list may skip; beyond it a request is refused rather than overflowing.
    static let maxSkip = 1_000_000_000

    /// `skip`, else (`page` − 1) × `limit`; a 400 when it is past `maxSkip` (page 9223372036854775807).
    static func skip(of request: CampaignListRequest, limit: Int) throws -> Int {
        if let skip = request.skip {
            guard skip <= maxSkip else {
                throw SandboxError.invalid([ValidationIssue(path: "skip", message: "skip must be at most \(maxSkip).")])
            }
            return skip
        }
        let product = max(0, (request.page ?? 1) - 1).multipliedReportingOverflow(by: limit)
        guard !product.overflow, product.partialValue <= maxSkip else {
            throw SandboxError.invalid([ValidationIssue(path: "page", message: "page must be at most \(maxSkip / limit + 1) with limit \(limit).")])
        }
        return product.partialValue
    }

    func listCampaigns(body: Data) throws -> SandboxResponse {
        var request: CampaignListRequest
        do { request = try CampaignListRequest(json: parseBody(body, allowEmpty: true)) } catch let failure as ValidationFailure {
            throw SandboxError.invalid(failure.issues)
        }
        if request.sortBy.isEmpty { request.sortBy = [(.createdAt, .desc)] }
        let limit = request.limit ?? 50
        guard (1...Self.maxPageSize).contains(limit) else {
            throw SandboxError.invalid([ValidationIssue(path: "limit", message: "limit must be between 1 and \(Self.maxPageSize).")])
        }
        let skip = max(0, try Self.skip(of: request, limit: limit))
        let page = try store.list(request, skip: skip, limit: limit) { WireShape.listItem($0).serialized() }
        return Self.listResponse(items: page.items, skip: skip, limit: limit, total: page.total)
    }

    /// The list envelope around `items`, each a serialized list summary: the same text as
    /// serializing the whole envelope with the items as values, without rebuilding them.
    static func listResponse(items: [String], skip: Int, limit: Int, total: Int) -> SandboxResponse {
        let data = JSONValue.object(JSONObject([
            ("results", .array([])),
            ("skip", .number(Double(skip))),
            ("limit", .number(Double(limit))),
            ("hasMore", .bool(skip + items.count < total)),
            ("totalPages", .number(Double((total + limit - 1) / limit))),
            ("totalResults", .number(Double(total))),
        ]))
        var response = envelope("Campaign  retrieved successfully", data: data)
        // "status" and "message" come first and never hold this text: its first occurrence is data's.
        if !items.isEmpty, let empty = response.text.range(of: #""results":[]"#) {
            response.text.replaceSubrange(empty, with: #""results":["# + items.joined(separator: ",") + "]")
        }
        return response
    }

    func getCampaign(id: String) throws -> SandboxResponse {
        try store.promoteDueCampaigns()
        if let text = store.reads.text(.detail, id: id) { return SandboxResponse(text: text) }
        let generation = store.reads.generation
        let campaign = try requireCampaign(id).campaign
        let response = Self.envelope("Campaign \(campaign.name) retrieved successfully", data: WireShape.detail(campaign))
        store.reads.store(.detail, [id: response.text], readAt: generation)
        return response
    }

    func createCampaign(type: String?, body: Data) throws -> SandboxResponse {
        guard let typeText = type, CampaignType.tolerant(typeText).isKnown else {
            throw SandboxError.invalid([ValidationIssue(path: "campaignType", message: "Add campaignType=sms or campaignType=voice to the URL.")])
        }
        let queryType = CampaignType.tolerant(typeText)
        var campaign = try Campaign(json: parseBody(body))
        if let bodyType = campaign.type, bodyType != queryType {
            throw SandboxError.badRequest("The body says campaignType \(bodyType) but the URL says \(queryType).",
                                          [ValidationIssue(path: "campaignType", message: "The body's campaignType must match the URL's.")])
        }
        campaign.type = queryType
        try validateAndResolve(&campaign)
        let now = timestamp()
        campaign.id = "cd-" + UUID().uuidString.lowercased()
        campaign.lname = campaign.name.lowercased()
        campaign.createdAt = now
        campaign.updatedAt = now
        campaign.schedule = campaign.schedule ?? CampaignSchedule(isSchedulingEnabled: false)
        campaign.serverFields["isFiltersEnabled"] = false
        var readyAt: Date?
        if queryType == .voice {
            campaign.status = .preparing
            campaign.dialingStrategy?.useSystemMappings = false
            readyAt = Date().addingTimeInterval(configuration.preparingDelay.seconds)
        } else {
            campaign.status = .ready
            campaign.serverFields["isImported"] = false
        }
        guard try store.saveIfNameFree(StoredCampaign(campaign: campaign, readyAt: readyAt)) else {
            throw SandboxError.conflict("A campaign named \(campaign.name) already exists.")
        }
        let data = WireShape.detail(campaign, idKey: queryType == .voice ? "id" : "_id")
        return Self.envelope("Campaign \(campaign.name) creation in progress", data: data)
    }

    func updateCampaign(id: String, type: String?, body: Data) throws -> SandboxResponse {
        var stored = try requireCampaign(id)
        let current = stored.campaign
        guard let type, !type.isEmpty else {
            throw SandboxError.invalid([ValidationIssue(path: "campaignType", message: "Add campaignType=\(current.type?.rawValue ?? "sms") to the URL.")])
        }
        try checkType(type, matches: current)
        guard current.status != .active else {
            throw SandboxError.conflict("Campaign \(current.name) is running; stop it before editing it.")
        }
        guard let changes = try parseBody(body).objectValue else {
            throw SandboxError.badRequest("The body must be a JSON object.")
        }
        if let bodyType = changes["campaignType"]?.stringValue, CampaignType.tolerant(bodyType) != current.type {
            throw SandboxError.badRequest("The body says campaignType \(bodyType) but the campaign is \(current.type?.rawValue ?? "?").",
                                          [ValidationIssue(path: "campaignType", message: "A campaign cannot change type.")])
        }
        let merged = WireShape.merge(current.resourceJSON.objectValue ?? JSONObject(), changes)
        var campaign = try Campaign(json: .object(merged))
        // What the server owns stays the server's.
        campaign.id = current.id
        campaign.type = current.type
        campaign.status = current.status
        campaign.createdAt = current.createdAt
        campaign.campaignInstanceId = current.campaignInstanceId
        campaign.serverFields = current.serverFields
        try validateAndResolve(&campaign)
        campaign.lname = campaign.name.lowercased()
        campaign.updatedAt = timestamp(after: current.updatedAt)
        stored.campaign = campaign
        guard try store.saveIfNameFree(stored, except: id) else {
            throw SandboxError.conflict("A campaign named \(campaign.name) already exists.")
        }
        let voice = campaign.type == .voice
        return SandboxResponse(body: APIEnvelope(
            status: "success", message: "Campaign \(campaign.name) details updated successfully",
            data: WireShape.detail(campaign), id: voice ? campaign.id : nil).json)
    }

    func deleteCampaign(id: String, type: String?) throws -> SandboxResponse {
        let campaign = try requireCampaign(id).campaign
        try checkType(type, matches: campaign)
        guard campaign.status != .active else {
            throw SandboxError.conflict("Campaign \(campaign.name) is running; stop it before deleting it.")
        }
        try store.delete(id: id)
        return Self.envelope("Campaign \(campaign.name) deleted successfully", data: WireShape.detail(campaign))
    }

    func trigger(id: String, type: String?, start: Bool) throws -> SandboxResponse {
        var stored = try requireCampaign(id)
        let before = stored.campaign
        try checkType(type, matches: stored.campaign)
        let name = stored.campaign.name
        let status = stored.campaign.status ?? .ready
        if start {
            if status == .preparing { throw SandboxError.conflict("Campaign \(name) is still preparing; start it in a moment.") }
            if status == .active { throw SandboxError.conflict("Campaign \(name) is already running.") }
            stored.campaign.status = .active
            stored.campaign.campaignInstanceId = "cid-" + UUID().uuidString.lowercased()
        } else {
            guard status == .active || status == .paused else {
                throw SandboxError.conflict("Campaign \(name) is not running (it is \(status)).")
            }
            stored.campaign.status = .stopped
        }
        let now = timestamp(after: stored.campaign.updatedAt)
        stored.campaign.updatedAt = now
        stored.campaign.serverFields["campaignInstanceUpdatedAt"] = .string(now)
        try store.save([stored])
        try changeRun(started: start, before: before, after: stored.campaign)
        let voice = stored.campaign.type == .voice
        let result = TriggerResult(
            status: stored.campaign.status ?? .ready, message: start ? "Campaign Started" : "Campaign Stopped", updatedAt: now,
            campaignInstanceId: voice ? stored.campaign.campaignInstanceId : nil,
            totalCallsCompleted: voice && start ? 0 : nil,
            campaignExecutionType: !voice && !start ? "NORMAL" : nil)
        return SandboxResponse(body: result.json)
    }

    func status(id: String) throws -> SandboxResponse {
        let campaign = try requireCampaign(id).campaign
        let info = CampaignStatusInfo(id: id, status: campaign.status ?? .ready, name: campaign.name)
        return SandboxResponse(body: ["status": "success", "data": info.json])
    }

    /// Validates with the model's rules, then resolves contact lists, the DNC list and the
    /// experience flow by name; every problem is reported at once.
    private func validateAndResolve(_ campaign: inout Campaign) throws {
        var issues = CampaignValidator.validate(campaign).filter(\.isBlocking)  // the server refuses only documented rules
        for (index, name) in campaign.contactLists.enumerated() where !name.isEmpty {
            if try store.contactList(named: name) == nil {
                issues.append(ValidationIssue(path: "contactLists[\(index)]", message: "There is no contact list named \(name)."))
            }
        }
        if let dncName = campaign.dncList?.name, !dncName.isEmpty {
            if let list = try store.contactList(named: dncName) {
                campaign.dncList?.id = list.id
            } else {
                issues.append(ValidationIssue(path: "dncLists.name", message: "There is no DNC list named \(dncName)."))
            }
        }
        if let flowName = campaign.experienceFlowName, !flowName.isEmpty {
            if let flowId = try store.experienceFlowId(named: flowName) {
                campaign.experienceFlowId = flowId
                campaign.experienceFlowName = nil
            } else {
                issues.append(ValidationIssue(path: "experienceFlowName", message: "There is no experience flow named \(flowName)."))
            }
        }
        if !issues.isEmpty { throw SandboxError.invalid(issues) }
    }
}

extension Duration {
    /// The duration in seconds, fractions included.
    var seconds: TimeInterval {
        let (whole, attoseconds) = components
        return TimeInterval(whole) + TimeInterval(attoseconds) / 1e18
    }
}
