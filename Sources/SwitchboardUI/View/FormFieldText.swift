import CampaignModel

/// What a form field shows on its one line: the text typed, or for the fields that are not
/// text (contact lists, timezone, the calling-hours grid, the frequency) a summary of them.
enum FormFieldText {
    static func display(_ field: FormField, in editor: CampaignEditor) -> String {
        switch field.kind {
        case .contactLists: return editor.contactLists.joined(separator: ", ")
        case .timezone: return editor.grid.timezone
        case .grid: return CallingHoursSummary.text(editor.grid.schedule)
        case .select where field.id == .frequency: return editor.grid.frequency.rawValue
        default: return editor.text(field.id)
        }
    }
}

/// One line for a week of calling hours: "MO–FR 9:00 AM–6:00 PM, SA 10:00 AM–2:00 PM".
enum CallingHoursSummary {
    static func text(_ schedule: WeekSchedule) -> String {
        guard !schedule.isEmpty else { return "no calling windows" }
        var groups: [(days: [Weekday], windows: String)] = []
        for day in Weekday.allCases {
            let windows = schedule.windows(on: day).map(\.description).joined(separator: ", ")
            guard !windows.isEmpty else { continue }
            if let last = groups.last, last.windows == windows, last.days.last?.next == day, day != .monday {
                groups[groups.count - 1].days.append(day)
            } else {
                groups.append(([day], windows))
            }
        }
        return groups.map { group in
            let days = group.days.count == 1 ? group.days[0].code : "\(group.days[0].code)–\(group.days.last!.code)"
            return "\(days) \(group.windows)"
        }.joined(separator: "; ")
    }
}
