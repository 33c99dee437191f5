import CampaignModel
import TerminalKit

/// How far each scrolling text goes: its lines less the rows that show them. The update keeps
/// the offsets within these (so one `k` after `G` moves at once); the views draw the same lines
/// in the same rows.
enum ScrollLimit {
    /// The detail of the campaign on screen: the preview beside or under the list, or the
    /// detail screen. Zero on other screens.
    static func detail(_ state: AppState) -> Int {
        let layout = ScreenLayout(state)
        let campaign: Campaign?
        let area: Rect?
        switch state.screen {
        case .campaigns:
            campaign = state.previewCampaign
            area = layout.previewText
        case .campaignDetail(let id):
            campaign = state.list.campaign(id: id)
            area = layout.body
        default:
            return 0
        }
        guard let campaign, let area, !area.isEmpty else { return 0 }
        return max(0, DetailText.lines(for: campaign, state: state, width: area.width).count - area.height)
    }

    /// The open dialog's text.
    static func dialog(_ state: AppState) -> Int {
        guard let dialog = state.dialog else { return 0 }
        let layout = DialogLayout(area: ScreenLayout(state).body)
        guard layout.fits else { return 0 }
        return layout.maxScroll(lines: DialogText.body(dialog, state: state, width: layout.textWidth).count)
    }

    /// The help screen's keys.
    static func help(_ state: AppState) -> Int {
        let lines = HelpText.lines(readOnly: state.readOnly, keymap: state.keymap).count
        return HelpLayout(area: ScreenLayout(state).body, lines: lines).maxScroll
    }
}
