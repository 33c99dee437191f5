import TerminalKit

extension ScreenKeys {
    /// Marks on the campaign list: `s`, `x`, `d` then act on every marked campaign.
    public static let marks: [Binding<Command>] = [
        Binding("mark", [.character(" ")], "mark or unmark the campaign, then move down", .mark),
        Binding("mark-all", [.character("*")], "mark every campaign the filter shows", .markAll),
        Binding("clear-marks", [.character("M")], "clear every mark", .clearMarks),
        Binding("bulk-priority", [.character("P")], "set the priority of every marked campaign (reviewed first)", .bulkPriority),
        Binding("bulk-hours", [.character("H")], "edit calling hours once for every marked campaign (reviewed first)",
                .bulkHours),
    ]
}
