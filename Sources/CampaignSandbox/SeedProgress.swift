/// The line `switchboard demo` shows while its sandbox seeds: "seeding 40,000 / 100,000 campaigns…".
public enum SeedProgress {
    /// The progress line for `written` of `total` campaigns, numbers grouped by thousands.
    public static func line(written: Int, total: Int) -> String {
        "seeding \(grouped(written)) / \(grouped(total)) campaigns…"
    }

    /// 100000 → "100,000", whatever the locale.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return number < 0 ? "-" + out : out
    }
}
