import CampaignModel

/// The form ↔ campaign mapping: the texts a campaign shows in the fields, and the campaign the
/// fields make. Only fields the user changed are written over the campaign the form started
/// from, so an edit never rewrites what it did not touch ("9:10 AM" stays).
extension CampaignEditor {
    /// The campaign the form describes now.
    public var campaign: Campaign {
        var campaign = base
        let creating = mode == .create
        /// The text of a field the user changed (every field when creating).
        func changed(_ id: FieldID) -> String? {
            let now = text(id)
            return creating || now != initialTexts[id] || variant != initialVariant ? now : nil
        }
        func number(_ id: FieldID) -> Int?? { changed(id).map { Int($0) } }
        campaign.type = variant.type
        if let name = changed(.name) { campaign.name = name }
        if let description = changed(.description) { campaign.description = creating && description.isEmpty ? nil : description }
        if let priority = number(.priority) { campaign.priority = priority }
        if creating || contactLists != initialLists { campaign.contactLists = contactLists }
        if let dnc = changed(.dncList) {
            campaign.dncList = dnc.isEmpty ? nil : DNCListRef(id: base.dncList?.name == dnc ? base.dncList?.id : nil, name: dnc)
        }
        switch variant {
        case .smsSimple, .smsTemplate:
            campaign.format = .simple
            var message = base.message ?? SMSMessage(text: "")
            if let text = changed(.message) { message.text = text }
            if variant == .smsTemplate, let template = changed(.templateName) { message.templateName = template }
            if variant == .smsSimple, creating { message.templateName = nil }
            campaign.message = message
        case .smsAdvanced:
            campaign.format = .advanced
            if creating { campaign.message = nil }
            if let flow = changed(.experienceFlow), !flow.isEmpty || creating { campaign.experienceFlowName = flow }
        case .voiceAgentless, .voiceProgressive, .voicePreview:
            campaign.dialingMode = variant == .voiceAgentless ? .agentless : variant == .voiceProgressive ? .progressive : .preview
            if variant == .voiceAgentless {
                if let flow = changed(.experienceFlow), !flow.isEmpty || creating { campaign.experienceFlowName = flow }
                if let detection = changed(.machineDetection) { campaign.machineDetection = .tolerant(detection) }
            } else if let queue = changed(.queue) {
                campaign.queueName = queue
            }
            if variant == .voicePreview, let skips = number(.maxSkips) { campaign.maxSkips = skips }
        }
        var strategy = campaign.dialingStrategy ?? DialingStrategy()
        if let caller = changed(.callerId) { strategy.callerId = caller.isEmpty ? nil : caller }
        if variant.type == .voice {
            if let order = changed(.dialingOrder) { strategy.dialingOrder = .tolerant(order) }
            if let attempts = number(.maxAttempts) { strategy.maxAttemptsPerRecord = attempts }
            if let retry = number(.retryPeriod) { strategy.defaultRetryPeriod = retry }
            if let ring = number(.ringTime) { strategy.maxRingTime = ring }
        }
        // A record without calling hours (or without a strategy) stays without them until edited.
        let hours = callingHours
        if creating || base.dialingStrategy?.callingHours != nil || hours != initialHours { strategy.callingHours = hours }
        if creating || campaign.dialingStrategy != nil || strategy != DialingStrategy() { campaign.dialingStrategy = strategy }
        return campaign
    }

    /// The calling hours as they would be saved: untouched hours are kept exactly as read.
    public var callingHours: CallingHours {
        var hours = grid.callingHours
        if gridLocked != nil { hours.days = initialHours.days }
        if hours == gridHoursAtStart { return initialHours }
        guard gridLocked == nil, let before = try? WeekSchedule(days: initialHours.days) else { return hours }
        // A day whose windows did not change keeps its entries exactly as the server wrote them.
        hours.days = Weekday.allCases.flatMap { day -> [CallingDay] in
            if before.windows(on: day) == grid.schedule.windows(on: day) {
                return initialHours.days.filter { Weekday(code: $0.day) == day }
            }
            return grid.schedule.days.filter { Weekday(code: $0.day) == day }
        }
        return hours
    }

    private var gridHoursAtStart: CallingHours {
        var hours = initialHours
        if let schedule = try? WeekSchedule(days: initialHours.days) { hours.days = schedule.days }
        hours.frequency = hours.frequency ?? .weekly
        hours.timezone = hours.timezone ?? "UTC"
        return hours
    }

    /// The text each field shows for `campaign`.
    static func texts(of campaign: Campaign, variant: CampaignVariant) -> [FieldID: String] {
        let strategy = campaign.dialingStrategy
        let hours = strategy?.callingHours
        return [
            .kind: variant.rawValue,
            .name: campaign.name,
            .description: campaign.description ?? "",
            .priority: campaign.priority.map(String.init) ?? "",
            .dncList: campaign.dncList?.name ?? "",
            .message: campaign.message?.text ?? "",
            .templateName: campaign.message?.templateName ?? "",
            .experienceFlow: campaign.experienceFlowName ?? "",
            .machineDetection: campaign.machineDetection?.requestValue ?? MachineDetection.off.rawValue,
            .queue: campaign.effectiveQueue ?? "",
            .maxSkips: campaign.maxSkips.map(String.init) ?? "",
            .callerId: strategy?.callerId ?? "",
            .dialingOrder: strategy?.dialingOrder?.rawValue ?? DialingOrder.fifo.rawValue,
            .maxAttempts: strategy?.maxAttemptsPerRecord.map(String.init) ?? "",
            .retryPeriod: strategy?.defaultRetryPeriod.map(String.init) ?? "",
            .ringTime: strategy?.maxRingTime.map(String.init) ?? "",
            .frequency: hours?.frequency?.rawValue ?? "",
            .timezone: hours?.timezone ?? "",
        ]
    }

    /// The characters a field takes: digits for numbers, digits and "+" for a caller id.
    static func allowed(for id: FieldID) -> (@Sendable (Character) -> Bool)? {
        switch id {
        case .priority, .maxSkips, .maxAttempts, .retryPeriod, .ringTime: return { $0.isASCII && $0.isNumber }
        case .callerId: return { ($0.isASCII && $0.isNumber) || $0 == "+" }
        default: return nil
        }
    }
}
