extension AppUpdate {
    /// Keeps every scroll offset within its text after any action: a resize, details that
    /// arrived, a dialog's `j` past its end. Offsets at zero cost nothing to check.
    static func clampScrolls(_ state: inout AppState) {
        switch state.screen {
        case .campaigns, .campaignDetail:
            if state.detailScroll > 0 { state.detailScroll = min(state.detailScroll, ScrollLimit.detail(state)) }
        case .help:
            if state.helpScroll > 0 { state.helpScroll = min(state.helpScroll, ScrollLimit.help(state)) }
        case .audit:
            if state.audit.scroll > 0 { state.audit.scroll = min(state.audit.scroll, ScrollLimit.audit(state)) }
        case .snapshot:
            if state.snapshots.textScroll > 0 {
                state.snapshots.textScroll = min(state.snapshots.textScroll, ScrollLimit.snapshotText(state))
            }
        default:
            break
        }
        if let scroll = state.dialog?.scroll, scroll > 0 {
            let limit = ScrollLimit.dialog(state)
            state.dialog?.scroll = min(scroll, limit)
        }
    }
}
