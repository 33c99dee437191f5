import CampaignModel
import TerminalKit

/// The selected campaign, every field (`DetailText`), scrolled by `detailScroll`.
enum DetailPane {
    static func render(_ campaign: Campaign?, state: AppState, into canvas: inout Canvas, rect: Rect, title: Bool) {
        guard !rect.isEmpty else { return }
        var area = rect
        if title {
            let focused = state.focus == .detail
            let heading = "── Detail " + (focused ? "(j/k scroll, Tab back) " : "(Tab to scroll) ")
            canvas.put(heading + String(repeating: "─", count: max(0, rect.width)), x: rect.x, y: rect.y,
                       style: focused ? Theme.section : Theme.separator, maxX: rect.maxX)
            area = rect.splitTop(1).rest
        }
        guard let campaign else {
            canvas.put(state.list.visible.isEmpty ? "" : "No campaign selected", x: area.x + 1, y: area.y, style: Theme.dim,
                       maxX: area.maxX)
            return
        }
        let lines = DetailText.lines(for: campaign, state: state, width: area.width)
        let top = min(state.detailScroll, max(0, lines.count - area.height))
        for (offset, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            var x = area.x + 1
            for (text, tone) in line.spans {
                x = canvas.put(text, x: x, y: area.y + offset, style: Theme.style(tone), maxX: area.maxX)
            }
        }
        if lines.count > area.height {
            let marker = top + area.height < lines.count ? " ↓ more " : " end "
            canvas.put(marker, x: area.maxX - DisplayWidth.of(marker), y: area.maxY - 1, style: Theme.dim)
        }
    }
}
