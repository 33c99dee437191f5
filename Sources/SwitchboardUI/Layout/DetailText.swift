import CampaignModel
import Foundation
import TerminalKit

/// Every field of a campaign as lines, the calling hours as a week grid: the detail pane's text,
/// which the update counts to clamp its scrolling. Every section and label keeps its row whatever
/// the campaign (SMS or voice, summary or full record, with or without hours): moving the preview
/// from one campaign to the next rewrites values, not the pane.
enum DetailText {
    static func lines(for campaign: Campaign, state: AppState, width: Int) -> [TextLine] {
        let id = campaign.id ?? ""
        let full = state.list.details[id] != nil
        var lines: [TextLine] = [TextLine(campaign.name, .bold)]
        let kind = [campaign.type == .sms ? "SMS" : "Voice", campaign.modeOrFormat, campaign.status?.rawValue ?? "no status",
                    "priority \(campaign.priority.map(String.init) ?? "—")"]
        lines.append(TextLine(kind.joined(separator: " · "), .status(campaign.status?.rawValue ?? "")))
        let note = full ? "" : state.detailErrors[id].map { "details unavailable: \($0)" } ?? "loading details…"
        lines.append(TextLine(note, state.detailErrors[id] == nil ? .dim : .error))
        lines.append(.field("id", campaign.id))
        lines.append(.field("description", campaign.description))
        lines.append(.section("Audience"))
        lines.append(.field("contact lists", campaign.contactLists.isEmpty ? nil : campaign.contactLists.joined(separator: ", ")))
        lines.append(.field("DNC list", campaign.dncList.map { [$0.name, $0.id.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ") }))
        if campaign.type == .voice { lines += voice(campaign) } else { lines += sms(campaign) }
        lines += dialing(campaign.dialingStrategy ?? DialingStrategy())
        if let hours = campaign.dialingStrategy?.callingHours {
            lines += CallingHoursText.lines(hours, campaign: campaign, state: state, width: width)
        } else {
            lines += CallingHoursText.missing(full ? "no calling hours" : "calling hours come with the full record…")
        }
        lines.append(.section("Schedule"))
        lines.append(.field("scheduling", campaign.schedule?.isSchedulingEnabled.map { $0 ? "enabled" : "off" }))
        lines.append(.field("recurrence", campaign.schedule?.isRecurrenceEnabled.map { $0 ? "enabled" : "off" }))
        lines.append(.section("Record"))
        lines.append(.field("created", campaign.createdAt))
        lines.append(.field("updated", campaign.updatedAt))
        lines.append(.field("lower-case name", campaign.lname))
        lines.append(.field("instance", campaign.campaignInstanceId))
        var others = campaign.serverFields
        others.merge(campaign.extras)
        if !others.isEmpty {
            lines.append(.section("Other fields"))
            for (key, value) in others { lines.append(.field(key, value.serialized(pretty: false))) }
        }
        return lines
    }

    static func voice(_ campaign: Campaign) -> [TextLine] {
        [
            .section("Voice"),
            .field("dialing mode", campaign.dialingMode?.rawValue),
            .field("queue", campaign.effectiveQueue),
            .field("max skips", campaign.maxSkips.map(String.init)),
            .field("machine detect", campaign.machineDetection.map { $0.isOn ? "on (\($0.rawValue))" : "off" }),
            .field("experience flow", flow(campaign)),
        ]
    }

    /// As many lines as `voice`, so that the rows below stay put between SMS and voice.
    static func sms(_ campaign: Campaign) -> [TextLine] {
        let message = campaign.message
        return [
            .section("Message"),
            .field("format", campaign.format?.rawValue),
            .field("template", message?.usesTemplate == true ? message?.templateName : nil),
            .field("template id", message?.usesTemplate == true ? message?.templateId : nil),
            .field("text", message.map { $0.text.map { $0.replacingOccurrences(of: "\n", with: " ⏎ ") } ?? "(not base64: \($0.encoded))" }),
            .field("experience flow", flow(campaign)),
        ]
    }

    static func flow(_ campaign: Campaign) -> String? {
        let parts = [campaign.experienceFlowName, campaign.experienceFlowId].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    static func dialing(_ strategy: DialingStrategy) -> [TextLine] {
        [
            .section("Dialing strategy"),
            .field("caller id", strategy.callerId),
            .field("dialing order", strategy.dialingOrder?.rawValue),
            .field("max attempts", strategy.maxAttemptsPerRecord.map { "\($0) per record (1–100)" }),
            .field("retry period", strategy.defaultRetryPeriod.map { "\($0) min (1–1440)" }),
            .field("max ring time", strategy.maxRingTime.map { "\($0) s (5–120)" }),
            .field("system mappings", strategy.useSystemMappings.map { $0 ? "yes" : "no" }),
        ]
    }
}
