/// The calling-hours grid's geometry. The grid view draws with it; the update picks the cell
/// size with it when the terminal is resized or the grid opens.
enum GridLayout {
    /// Columns of the day labels ("MO") left of the cells.
    static let labelWidth = 4

    /// Quarter-hour columns when 96 of them fit, else half-hour, else hour.
    static func cellMinutes(forWidth width: Int) -> Int {
        width >= labelWidth + 96 + 2 ? 15 : width >= labelWidth + 48 + 2 ? 30 : 60
    }
}
