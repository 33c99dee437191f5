import CampaignModel
import Foundation
import TerminalKit

/// Every field of a campaign as lines, the calling hours as a week grid: the detail pane's text,
/// which the update counts to clamp its scrolling.
enum DetailText {
    static func lines(for campaign: Campaign, state: AppState, width: Int) -> [TextLine] {
        let id = campaign.id ?? ""
        let full = state.list.details[id] != nil
        var lines: [TextLine] = [TextLine(campaign.name, .bold)]
        let kind = [campaign.type == .sms ? "SMS" : "Voice", campaign.modeOrFormat, campaign.status?.rawValue ?? "no status",
                    "priority \(campaign.priority.map(String.init) ?? "—")"]
        lines.append(TextLine(kind.joined(separator: " · "), .status(campaign.status?.rawValue ?? "")))
        if !full {
            let note = state.detailErrors[id].map { "details unavailable: \($0)" } ?? "loading details…"
            lines.append(TextLine(note, state.detailErrors[id] == nil ? .dim : .error))
        }
        lines.append(.field("id", campaign.id))
        lines.append(.field("description", campaign.description))
        lines.append(.section("Audience"))
        lines.append(.field("contact lists", campaign.contactLists.isEmpty ? nil : campaign.contactLists.joined(separator: ", ")))
        lines.append(.field("DNC list", campaign.dncList.map { [$0.name, $0.id.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ") }))
        if campaign.type == .voice { lines += voice(campaign) } else { lines += sms(campaign) }
        if let strategy = campaign.dialingStrategy {
            lines += dialing(strategy)
            if let hours = strategy.callingHours { lines += CallingHoursText.lines(hours, campaign: campaign, state: state, width: width) }
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

    static func sms(_ campaign: Campaign) -> [TextLine] {
        var lines: [TextLine] = [.section("Message"), .field("format", campaign.format?.rawValue)]
        if let message = campaign.message {
            if message.usesTemplate {
                lines.append(.field("template", message.templateName))
                lines.append(.field("template id", message.templateId))
            }
            lines.append(.field("text", message.text.map { $0.replacingOccurrences(of: "\n", with: " ⏎ ") } ?? "(not base64: \(message.encoded))"))
        }
        if campaign.format == .advanced || campaign.experienceFlowId != nil || campaign.experienceFlowName != nil {
            lines.append(.field("experience flow", flow(campaign)))
        }
        return lines
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
