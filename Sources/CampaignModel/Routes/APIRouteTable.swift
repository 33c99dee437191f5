import Foundation

/// What a request does, whichever documented path it came by.
public enum APIOperation: String, CaseIterable, Sendable, Codable {
    case listCampaigns, getCampaign, createCampaign, updateCampaign, deleteCampaign
    case startCampaign, stopCampaign, campaignStatus
    case listContactLists, getContactList, createContactList
    case enableSchedule, disableSchedule
    case campaignContacts, listContacts, updateContactList, deleteContactList, addContacts
}

/// One documented endpoint: method, path template and query. Templates name their parameters in
/// braces: `{streamId}`, `{campaignId}`, `{contactListId}`, `{accountId}`, `{campaignType}`,
/// `{campaignName}`. A query value without braces is fixed (`trigger=play`) and must match.
public struct APIRoute: Hashable, Sendable, CustomStringConvertible {
    public let operation: APIOperation
    public let method: String
    public let path: String
    public let query: [QueryItem]
    /// The doc page that shows this path.
    public let source: String

    public struct QueryItem: Hashable, Sendable {
        public let name: String
        public let value: String
        /// Whether `value` is a `{parameter}` rather than a fixed value.
        public var isParameter: Bool { value.hasPrefix("{") && value.hasSuffix("}") }
        public var parameterName: String { String(value.dropFirst().dropLast()) }
    }

    public init(_ operation: APIOperation, _ method: String, _ path: String, query: [(String, String)] = [],
                source: String) {
        self.operation = operation
        self.method = method
        self.path = path
        self.query = query.map { QueryItem(name: $0.0, value: $0.1) }
        self.source = source
    }

    public var description: String {
        let queryText = query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        return "\(method) \(path)" + (queryText.isEmpty ? "" : "?\(queryText)")
    }

    /// The path's segments; empty ones (as in the docs' `campaign//trigger`) are ignored.
    var segments: [Substring] { path.split(separator: "/") }

    /// Builds the path and query for the given parameters, percent-encoding each value.
    /// A missing query parameter is left out.
    public func resolve(_ parameters: [String: String]) -> (path: String, query: [(String, String)]) {
        let resolvedPath = "/" + segments.map { segment -> String in
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return String(segment) }
            let value = parameters[String(segment.dropFirst().dropLast())] ?? ""
            return value.addingPercentEncoding(withAllowedCharacters: .urlPathSegmentAllowed) ?? value
        }.joined(separator: "/")
        let resolvedQuery = query.compactMap { item -> (String, String)? in
            guard item.isParameter else { return (item.name, item.value) }
            guard let value = parameters[item.parameterName] else { return nil }
            return (item.name, value)
        }
        return (resolvedPath, resolvedQuery)
    }
}

extension CharacterSet {
    /// Characters allowed unescaped in one path segment.
    static let urlPathSegmentAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/;")
        return set
    }()
}

/// Every path the docs give, in one table, used by both the client and the sandbox.
///
/// The docs disagree on several paths — create with and without the `/campaign` prefix, a v1
/// `agentassist` delete and list, start and stop at three different shapes — so every variant is
/// listed. The first route of each operation is the one the client sends by default.
public enum APIRouteTable {
    static let v2 = "/campaign/api/v2/public/{streamId}/campaign"
    static let v2Bare = "/api/v2/public/{streamId}/campaign"
    static let v1 = "/agentassist/api/v1/public/{streamId}/campaign"
    static let account = ("accountId", "{accountId}")
    static let type = ("campaignType", "{campaignType}")

    public static let routes: [APIRoute] = [
        APIRoute(.listCampaigns, "POST", "\(v2)/getAllCampaignDetails", query: [account], source: "get-all-campaigns-v2"),
        APIRoute(.listCampaigns, "POST", "\(v1)/getAllCampaignDetails", query: [account], source: "get-all-sms-campaigns (v1)"),
        APIRoute(.getCampaign, "GET", "\(v2)/{campaignId}", query: [account], source: "get-sms-campaign-by-id-v2"),
        APIRoute(.createCampaign, "POST", v2, query: [account, type], source: "create-sms-campaign-without-template-v2"),
        APIRoute(.createCampaign, "POST", v2Bare, query: [account, type], source: "create-sms-campaign-advanced-format-v2"),
        APIRoute(.updateCampaign, "PUT", "\(v2)/{campaignId}", query: [account, type], source: "update-sms-campaign-v2"),
        APIRoute(.deleteCampaign, "DELETE", "\(v2)/{campaignId}", query: [account, type], source: "delete-sms-campaign-v2"),
        APIRoute(.deleteCampaign, "DELETE", "\(v1)/{campaignId}", query: [type], source: "seed: delete SMS campaign (v1)"),
        APIRoute(.startCampaign, "POST", "\(v2)/trigger/{campaignId}", query: [account, type, ("trigger", "play")],
                 source: "stop-sms-campaign-v2 shape"),
        APIRoute(.startCampaign, "POST", "\(v2Bare)/trigger/{campaignId}", query: [account, type, ("trigger", "play")],
                 source: "start-voice-campaign-v2"),
        APIRoute(.startCampaign, "POST", "\(v2)/{campaignId}", query: [account, type, ("trigger", "play")],
                 source: "start-sms-campaign-v2"),
        APIRoute(.stopCampaign, "POST", "\(v2)/trigger/{campaignId}", query: [account, type, ("trigger", "stop")],
                 source: "stop-sms-campaign-v2"),
        APIRoute(.stopCampaign, "POST", "\(v2Bare)/trigger/{campaignId}", query: [account, type, ("trigger", "stop")],
                 source: "stop-voice-campaign-v2"),
        APIRoute(.stopCampaign, "POST", "\(v2)/{campaignId}", query: [account, type, ("trigger", "stop")],
                 source: "start-sms-campaign-v2 shape"),
        APIRoute(.campaignStatus, "POST", "\(v2)/{campaignId}/status", query: [account, ("view", "status")],
                 source: "get-campaign-status-v2"),
        APIRoute(.listContactLists, "POST", "\(v2)/contactList/getAllListDetails", query: [account, ("type", "call")],
                 source: "get-all-contact-lists-v2"),
        APIRoute(.getContactList, "GET", "\(v2)/contactList/{contactListId}", query: [account],
                 source: "get-contact-list-details-v2"),
        APIRoute(.createContactList, "POST", "\(v2)/contactList/createContactList", query: [account],
                 source: "create-contact-list-v2"),
        APIRoute(.enableSchedule, "POST", "\(v2)/schedule", query: [("enableSchedule", "true"), ("campaignName", "{campaignName}")],
                 source: "enable-voice-or-sms-campaign-schedule-daily/weekly"),
        APIRoute(.disableSchedule, "POST", "\(v2)/schedule", query: [("enableSchedule", "false"), ("campaignName", "{campaignName}")],
                 source: "disable-voice-or-sms-campaign-schedule"),
        // Appended so the indexes above stay put.
        APIRoute(.campaignContacts, "POST", "\(v2)/{campaignId}/status", query: [account, ("view", "contacts")],
                 source: "get-all-contact-details-voice-campaigns-v2"),
        APIRoute(.listContacts, "GET", "\(v2)/contactList/{contactListId}/getAllContacts",
                 query: [account, ("skip", "{skip}"), ("limit", "{limit}")], source: "get-all-contacts-of-a-contactlist-v2"),
        APIRoute(.updateContactList, "PUT", "\(v2)/contactList/{contactListId}", query: [account],
                 source: "update-contact-list-v2"),
        APIRoute(.deleteContactList, "DELETE", "\(v2)/contactList/{contactListId}", query: [account],
                 source: "delete-contact-list-details-v2"),
        APIRoute(.addContacts, "POST", "/api/1.1/public/{streamId}/campaign/contactList/addContacts",
                 source: "add-contacts-to-contact-list"),
    ]

    /// The route the client uses for an operation unless a profile overrides it.
    public static func preferred(_ operation: APIOperation) -> APIRoute {
        routes.first { $0.operation == operation }!
    }

    /// Query names whose fixed value picks the operation, so they must be present.
    static let discriminators: Set<String> = ["trigger", "enableSchedule"]

    /// The outcome of matching a request against the table.
    public enum Match: Equatable, Sendable {
        /// A route and the parameters taken from its path and query.
        case route(APIRoute, parameters: [String: String])
        /// The path exists but not with this method or fixed query: 405.
        case methodNotAllowed(allowed: [String])
        /// No route has this path: 404.
        case notFound
    }

    /// Finds the route for a request. Among routes that fit, the one with the most fixed path
    /// segments wins, so `…/campaign/getAllCampaignDetails` beats `…/campaign/{campaignId}`.
    public static func match(method: String, path: String, query: [String: String]) -> Match {
        let segments = path.split(separator: "/")
        var pathMatches: [(APIRoute, [String: String], Int)] = []
        for (route, template) in zip(routes, routeSegments) {
            guard let (parameters, fixed) = matchPath(template, segments) else { continue }
            pathMatches.append((route, parameters, fixed))
        }
        guard !pathMatches.isEmpty else { return .notFound }
        let fitting = pathMatches.filter { route, _, _ in
            route.method == method.uppercased() && route.query.allSatisfy { item in
                guard !item.isParameter else { return true }
                // Discriminators (trigger, enableSchedule) must be given; other fixed values
                // (view=status, type=call) must match only when given.
                guard let given = query[item.name] else { return !discriminators.contains(item.name) }
                return given.lowercased() == item.value.lowercased()
            }
        }
        guard let best = fitting.max(by: { $0.2 < $1.2 }) else {
            return .methodNotAllowed(allowed: Array(Set(pathMatches.map(\.0.method))).sorted())
        }
        let bestFixed = best.2
        // A route whose fixed query items also match beats one that merely allows the method.
        let chosen = fitting.filter { $0.2 == bestFixed }.max { lhs, rhs in
            lhs.0.query.filter { !$0.isParameter }.count < rhs.0.query.filter { !$0.isParameter }.count
        } ?? best
        var parameters = chosen.1
        for item in chosen.0.query where item.isParameter {
            if let value = query[item.name] { parameters[item.parameterName] = value }
        }
        return .route(chosen.0, parameters: parameters)
    }

    /// Each route's path segments, split once.
    private static let routeSegments: [[Substring]] = routes.map(\.segments)

    private static func matchPath(_ template: [Substring], _ segments: [Substring]) -> ([String: String], Int)? {
        guard template.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        var fixed = 0
        for (pattern, segment) in zip(template, segments) {
            if pattern.hasPrefix("{"), pattern.hasSuffix("}") {
                // Decoding is slow (Foundation): only a segment with a % needs it.
                parameters[String(pattern.dropFirst().dropLast())] =
                    segment.utf8.contains(UInt8(ascii: "%")) ? String(segment).removingPercentEncoding ?? String(segment) : String(segment)
            } else if pattern == segment {
                fixed += 1
            } else {
                return nil
            }
        }
        return (parameters, fixed)
    }
}
