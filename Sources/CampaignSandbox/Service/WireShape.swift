import CampaignModel

/// The shapes the documented responses give a campaign, quirks included: detail responses carry
/// `_id` (voice create says `id`), list results are a summary without the dialing strategy, and
/// the SMS list says `id` where the voice list says `_id`.
enum WireShape {
    /// A campaign in a detail response (get, create, update, delete).
    static func detail(_ campaign: Campaign, idKey: String = "_id") -> JSONValue {
        var object = campaign.resourceJSON.objectValue ?? JSONObject()
        object["campaignType"] = nil
        object["experienceFlowName"] = nil
        if idKey != "_id", let id = object["_id"] {
            object["_id"] = nil
            object[idKey] = id
        }
        return .object(object)
    }

    static let voiceListKeys = [
        "_id", "name", "description", "dncLists", "priority", "dialingMode", "status", "isFiltersEnabled", "createdAt",
        "updatedAt", "campaignInstanceUpdatedAt", "schedule", "connection", "contactLists", "experienceFlow",
        "campaignInstanceId",
    ]
    static let smsListKeys = [
        "name", "description", "status", "dncLists", "priority", "message", "experienceFlow", "createdAt", "updatedAt",
        "schedule", "campaignInstanceId", "id", "totalMessagesSent", "campaignInstanceUpdatedAt", "campaignExecutionType",
        "contactLists", "format",
    ]

    /// A campaign as one of the list's results.
    static func listItem(_ campaign: Campaign) -> JSONValue {
        let voice = campaign.type == .voice
        var detail = detail(campaign, idKey: voice ? "_id" : "id").objectValue ?? JSONObject()
        if voice, detail["connection"] == nil { detail["connection"] = detail["queue_name"] }
        if detail["campaignInstanceUpdatedAt"] == nil { detail["campaignInstanceUpdatedAt"] = detail["updatedAt"] }
        if !voice, detail["campaignExecutionType"] == nil { detail["campaignExecutionType"] = "NORMAL" }
        var item = JSONObject()
        for key in voice ? voiceListKeys : smsListKeys {
            if let value = detail[key] { item[key] = value }
        }
        return .object(item)
    }

    /// Top-level objects an update replaces whole instead of merging.
    static let replacedWhole: Set<String> = ["message", "dncLists"]

    /// `base` with `overlay` laid over it: objects merge key by key (except `replacedWhole` at the
    /// top), anything else is replaced.
    static func merge(_ base: JSONObject, _ overlay: JSONObject, topLevel: Bool = true) -> JSONObject {
        var result = base
        for (key, value) in overlay {
            if case .object(let inner) = value, case .object(let existing)? = result[key],
               !(topLevel && replacedWhole.contains(key)) {
                result[key] = .object(merge(existing, inner, topLevel: false))
            } else {
                result[key] = value
            }
        }
        return result
    }
}
