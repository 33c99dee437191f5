import Foundation

/// The `{status, message, data}` wrapper every response uses. Some responses add `id`
/// (update voice, schedule) and start/stop put their fields beside `status` instead of in
/// `data`; those stay in `extras`.
public struct APIEnvelope: Equatable, Sendable {
    /// "success", or for start/stop the campaign's new status.
    public var status: String?
    public var message: String?
    public var data: JSONValue?
    public var id: String?
    public var extras = JSONObject()

    public init(status: String? = "success", message: String? = nil, data: JSONValue? = nil, id: String? = nil) {
        self.status = status
        self.message = message
        self.data = data
        self.id = id
    }

    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue else { throw WireFormatError("a response must be a JSON object") }
        var reader = ObjectReader(object)
        status = reader.string("status")
        message = reader.string("message")
        data = reader.take("data") { $0 }
        id = reader.string("id")
        extras = reader.rest
    }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("status", status)
        writer.set("message", message)
        writer.set("id", id)
        writer.set("data", data)
        writer.appendMissing(extras)
        return writer.value
    }

    /// The campaign in `data`.
    public func campaign() throws(WireFormatError) -> Campaign {
        guard let data else { throw WireFormatError("the response has no data") }
        return try Campaign(json: data)
    }
}

/// One page of `getAllCampaignDetails`. Paging numbers may arrive as numbers, numeric strings
/// or "" (read as absent).
public struct CampaignPage: Equatable, Sendable {
    public var results: [Campaign]
    public var skip: Int?
    public var limit: Int?
    public var hasMore: Bool?
    public var totalPages: Int?
    public var totalResults: Int?

    public init(results: [Campaign], skip: Int?, limit: Int?, hasMore: Bool?, totalPages: Int?, totalResults: Int?) {
        self.results = results
        self.skip = skip
        self.limit = limit
        self.hasMore = hasMore
        self.totalPages = totalPages
        self.totalResults = totalResults
    }

    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue else { throw WireFormatError("a list page must be a JSON object") }
        var reader = ObjectReader(object)
        guard let items = reader.take("results", { $0.arrayValue }) else {
            throw WireFormatError("a list page needs a results array")
        }
        var campaigns: [Campaign] = []
        for (index, item) in items.enumerated() {
            do { campaigns.append(try Campaign(json: item)) } catch {
                throw WireFormatError("results[\(index)]: \(error.message)")
            }
        }
        results = campaigns
        skip = reader.int("skip")
        limit = reader.int("limit")
        hasMore = reader.bool("hasMore")
        totalPages = reader.int("totalPages")
        totalResults = reader.int("totalResults")
    }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("results", .array(results.map(\.resourceJSON)))
        writer.set("skip", skip)
        writer.set("limit", limit)
        writer.set("hasMore", hasMore)
        writer.set("totalPages", totalPages)
        writer.set("totalResults", totalResults)
        return writer.value
    }
}

/// The reply to a start (`trigger=play`) or stop (`trigger=stop`).
public struct TriggerResult: Equatable, Sendable {
    /// The campaign's new status: Active or Stopped.
    public var status: CampaignStatus
    public var message: String?
    public var updatedAt: String?
    public var campaignInstanceId: String?
    public var totalCallsCompleted: Int?
    public var campaignExecutionType: String?

    public init(status: CampaignStatus, message: String?, updatedAt: String?, campaignInstanceId: String? = nil,
                totalCallsCompleted: Int? = nil, campaignExecutionType: String? = nil) {
        self.status = status
        self.message = message
        self.updatedAt = updatedAt
        self.campaignInstanceId = campaignInstanceId
        self.totalCallsCompleted = totalCallsCompleted
        self.campaignExecutionType = campaignExecutionType
    }

    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue, let status = object["status"]?.stringValue else {
            throw WireFormatError("a start/stop reply needs a status")
        }
        self.status = .tolerant(status)
        message = object["message"]?.stringValue
        updatedAt = object["updatedAt"]?.stringValue
        campaignInstanceId = object["campaignInstanceId"]?.stringValue
        totalCallsCompleted = object["totalCallsCompleted"]?.intValue
        campaignExecutionType = object["campaignExecutionType"]?.stringValue
    }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("status", status.rawValue)
        writer.set("message", message)
        writer.set("totalCallsCompleted", totalCallsCompleted)
        writer.set("updatedAt", updatedAt)
        writer.set("campaignInstanceId", campaignInstanceId)
        writer.set("campaignExecutionType", campaignExecutionType)
        return writer.value
    }
}

/// The `data` of the status endpoint.
public struct CampaignStatusInfo: Equatable, Sendable {
    public var id: String
    public var status: CampaignStatus
    public var name: String?

    public init(id: String, status: CampaignStatus, name: String?) {
        self.id = id
        self.status = status
        self.name = name
    }

    public init(json: JSONValue) throws(WireFormatError) {
        guard let object = json.objectValue,
              let id = (object["id"] ?? object["_id"])?.stringValue,
              let status = object["status"]?.stringValue
        else { throw WireFormatError("a status reply needs id and status") }
        self.init(id: id, status: .tolerant(status), name: object["name"]?.stringValue)
    }

    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("id", id)
        writer.set("status", status.rawValue)
        writer.set("name", name)
        return writer.value
    }
}
