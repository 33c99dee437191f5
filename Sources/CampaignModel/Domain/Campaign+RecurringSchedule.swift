/// The recurring schedule a campaign record carries, when it carries one.
extension Campaign {
    /// Read from the record's `schedule` object: either its own `startDateTime`, `endDateTime`
    /// and `recurrenceObject` (the shape of the enable-schedule body), or such an object under
    /// `schedule.recurrence`. Nil when the record holds none or it does not pass the body's rules.
    public var recurringSchedule: RecurringSchedule? {
        guard let extras = schedule?.extras else { return nil }
        for candidate in [JSONValue.object(extras), extras["recurrence"], extras["recurringSchedule"]] {
            guard let candidate, candidate.objectValue?["recurrenceObject"] != nil else { continue }
            if let schedule = try? RecurringSchedule(json: candidate) { return schedule }
        }
        return nil
    }
}
