extension AppUpdate {
    /// Keeps every scroll offset within its text after any action: a resize, details that
    /// arrived, a dialog's `j` past its end. Offsets at zero cost nothing to check.
    static func clampScrolls(_ state: inout AppState) {
        switch state.screen {
        case .campaigns, .campaignDetail:
            if state.detailScroll > 0 { state.detailScroll = min(state.detailScroll, ScrollLimit.detail(state)) }
        case .help:
            if state.helpScroll > 0 { state.helpScroll = min(state.helpScroll, ScrollLimit.help(state)) }
        default:
            break
        }
        if let scroll = state.dialog?.scroll, scroll > 0 {
            let limit = ScrollLimit.dialog(state)
            state.dialog?.scroll = min(scroll, limit)
        }
    }
}
