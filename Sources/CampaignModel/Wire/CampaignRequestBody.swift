/// Request bodies for creating and updating campaigns, field for field as the API docs show
/// them: only what a client may set, keys in the docs' order, `priority` as a string, times of a
/// create in canonical "h:mm AM/PM" (an update sends the days as held, so what the server gave
/// goes back unchanged). Undocumented fields the server once sent (`extras`) ride along, so an
/// update never drops them; the SMS message is sent exactly as held (`SMSMessage.encoded`).
public enum CampaignRequestBody {
    /// Which operation the body is for.
    public enum Operation: Sendable { case create, update }

    /// The body for `operation`; the campaign's `type` and format or mode pick the shape.
    public static func body(for campaign: Campaign, operation: Operation) -> JSONValue {
        campaign.type == .voice ? voice(campaign, operation) : sms(campaign, operation)
    }

    private static func sms(_ campaign: Campaign, _ operation: Operation) -> JSONValue {
        var writer = common(campaign)
        let advanced = campaign.format == .advanced
        if advanced || operation == .update {
            // Advanced create and the update page: priority, format, campaignType, strategy.
            writer.set("priority", campaign.priority.map(String.init))
            writer.set("format", campaign.format?.rawValue)
            writer.set("campaignType", CampaignType.sms.rawValue)
        } else {
            // Simple and template create: campaignType, priority, format, message.
            writer.set("campaignType", CampaignType.sms.rawValue)
            writer.set("priority", campaign.priority.map(String.init))
            writer.set("format", campaign.format?.rawValue)
        }
        if !advanced { writer.set("message", campaign.message.map(requestMessage)) }
        writer.set("dialingStrategy", campaign.dialingStrategy?.json(forRequest: true, includeVoiceFields: false,
                                                                     canonicalTimes: operation == .create))
        writer.set("schedule", (campaign.schedule ?? CampaignSchedule()).json(forRequest: true))
        if advanced { writer.set("experienceFlowName", campaign.experienceFlowName) }
        writer.appendMissing(campaign.extras)
        return writer.value
    }

    private static func voice(_ campaign: Campaign, _ operation: Operation) -> JSONValue {
        var writer = common(campaign)
        writer.set("priority", campaign.priority.map(String.init))
        writer.set("dialingMode", campaign.dialingMode?.rawValue)
        writer.set("dialingStrategy", campaign.dialingStrategy?.json(forRequest: true, canonicalTimes: operation == .create))
        writer.set("schedule", (campaign.schedule ?? CampaignSchedule()).json(forRequest: true))
        switch campaign.dialingMode {
        case .agentless?:
            writer.set("experienceFlowName", campaign.experienceFlowName)
            writer.set("enableMachineDetect", campaign.machineDetection?.requestValue)
        case .progressive?:
            writer.set("queue_name", campaign.effectiveQueue)
        case .preview?:
            writer.set("queue_name", campaign.effectiveQueue)
            writer.set("maxSkips", campaign.maxSkips)
        default:
            writer.set("experienceFlowName", campaign.experienceFlowName)
            writer.set("queue_name", campaign.queueName)
            writer.set("maxSkips", campaign.maxSkips)
        }
        writer.set("campaignType", CampaignType.voice.rawValue)
        writer.appendMissing(campaign.extras)
        return writer.value
    }

    private static func common(_ campaign: Campaign) -> ObjectWriter {
        var writer = ObjectWriter()
        writer.set("name", campaign.name)
        writer.set("description", campaign.description)
        writer.set("contactLists", campaign.contactLists)
        if let dnc = campaign.dncList, dnc.name?.isEmpty == false {
            writer.set("dncLists", dnc.json(includeId: false))
        }
        return writer
    }

    private static func requestMessage(_ message: SMSMessage) -> JSONObject {
        var writer = ObjectWriter()
        writer.set("template_name", message.templateName)
        if let templateId = message.templateId, !templateId.isEmpty { writer.set("templateId", templateId) }
        writer.set("message", message.encoded)
        writer.appendMissing(message.extras)
        return writer.object
    }
}
