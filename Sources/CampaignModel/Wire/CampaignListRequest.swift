import Foundation

/// The body of `getAllCampaignDetails`: paging, type, sort, filters and a date range.
public struct CampaignListRequest: Equatable, Sendable {
    /// A field the list can be sorted by.
    public enum SortField: String, CaseIterable, Sendable { case name, createdAt, updatedAt }
    /// Sort direction.
    public enum SortOrder: String, CaseIterable, Sendable { case asc, desc }

    public var limit: Int?
    public var skip: Int?
    public var page: Int?
    public var type: CampaignType?
    /// Sort keys in priority order.
    public var sortBy: [(field: SortField, order: SortOrder)]
    public var statuses: [CampaignStatus]
    public var priorities: [Int]
    public var dialingModes: [DialingMode]
    /// ISO-8601 bounds on `createdAt`.
    public var startDate: String?
    public var endDate: String?

    public init(limit: Int? = 50, skip: Int? = 0, page: Int? = 1, type: CampaignType?,
                sortBy: [(field: SortField, order: SortOrder)] = [(.createdAt, .desc)],
                statuses: [CampaignStatus] = [], priorities: [Int] = [], dialingModes: [DialingMode] = [],
                startDate: String? = nil, endDate: String? = nil) {
        self.limit = limit
        self.skip = skip
        self.page = page
        self.type = type
        self.sortBy = sortBy
        self.statuses = statuses
        self.priorities = priorities
        self.dialingModes = dialingModes
        self.startDate = startDate
        self.endDate = endDate
    }

    public static func == (lhs: CampaignListRequest, rhs: CampaignListRequest) -> Bool {
        lhs.json == rhs.json
    }

    /// The body in the docs' key order; empty filters are left out.
    public var json: JSONValue {
        var writer = ObjectWriter()
        writer.set("limit", limit)
        writer.set("skip", skip)
        writer.set("page", page)
        writer.set("startDate", startDate)
        writer.set("endDate", endDate)
        writer.set("type", type?.rawValue)
        if !sortBy.isEmpty {
            writer.set("sortBy", JSONObject(sortBy.map { ($0.field.rawValue, JSONValue.string($0.order.rawValue)) }))
        }
        var filters = ObjectWriter()
        if !statuses.isEmpty { filters.set("status", statuses.map(\.rawValue)) }
        if !priorities.isEmpty { filters.set("priority", .array(priorities.map { .number(Double($0)) })) }
        if !dialingModes.isEmpty { filters.set("dialingMode", dialingModes.map(\.rawValue)) }
        if !filters.object.isEmpty { writer.set("filters", filters.object) }
        return writer.value
    }

    /// Reads a body tolerantly: numbers or numeric strings, "" as absent, priorities as "5" or 5.
    /// Problems that make the request meaningless are returned with their field paths.
    public init(json: JSONValue) throws(ValidationFailure) {
        guard let object = json.objectValue else {
            throw ValidationFailure([ValidationIssue(path: "", message: "The list request must be a JSON object.")])
        }
        var issues: [ValidationIssue] = []
        func paging(_ key: String) -> Int? {
            guard let value = object[key], value != .string(""), value != .null else { return nil }
            guard let number = value.intValue, number >= 0 else {
                issues.append(ValidationIssue(path: key, message: "\(key) must be a whole number of 0 or more."))
                return nil
            }
            return number
        }
        self.init(limit: paging("limit"), skip: paging("skip"), page: paging("page"), type: nil, sortBy: [])
        if let text = object["type"]?.stringValue, !text.isEmpty {
            type = .tolerant(text)
            if type?.isKnown != true {
                issues.append(ValidationIssue(path: "type", message: "type must be \"sms\" or \"voice\"."))
            }
        }
        if let sort = object["sortBy"]?.objectValue {
            for (key, value) in sort {
                guard let field = SortField(rawValue: key),
                      let order = value.stringValue.flatMap({ SortOrder(rawValue: $0.lowercased()) })
                else {
                    issues.append(ValidationIssue(
                        path: "sortBy.\(key)", message: "Sort by name, createdAt or updatedAt, each \"asc\" or \"desc\"."))
                    continue
                }
                sortBy.append((field, order))
            }
        }
        if let filters = object["filters"]?.objectValue {
            statuses = (filters["status"]?.arrayValue ?? []).compactMap { $0.stringValue.map(CampaignStatus.tolerant) }
            priorities = (filters["priority"]?.arrayValue ?? []).compactMap(\.intValue)
            dialingModes = (filters["dialingMode"]?.arrayValue ?? []).compactMap { $0.stringValue.map(DialingMode.tolerant) }
        }
        for key in ["startDate", "endDate"] {
            guard let text = object[key]?.stringValue, !text.isEmpty else { continue }
            if ISOTimestamp.parse(text) == nil {
                issues.append(ValidationIssue(path: key, message: "\(key) must be an ISO-8601 time such as 2025-12-01T00:00:00.000Z."))
            } else if key == "startDate" { startDate = text } else { endDate = text }
        }
        if !issues.isEmpty { throw ValidationFailure(issues) }
    }
}
