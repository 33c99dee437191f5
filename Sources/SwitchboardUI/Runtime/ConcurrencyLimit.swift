/// At most `limit` holders at a time; the others wait their turn in order. A task cancelled while
/// it waits stops waiting at once and throws `CancellationError`.
actor ConcurrencyLimit {
    private let limit: Int
    private var holders = 0
    private var waiting: [(ticket: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextTicket = 0

    init(_ limit: Int) { self.limit = max(1, limit) }

    /// Waits for a place; every successful `acquire` must be followed by one `release`.
    func acquire() async throws {
        try Task.checkCancellation()
        if holders < limit {
            holders += 1
            return
        }
        nextTicket += 1
        let ticket = nextTicket
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiting.append((ticket, continuation))
                }
            }
        } onCancel: {
            Task { await self.giveUp(ticket) }
        }
    }

    /// Gives the place to the next waiting task, or frees it.
    func release() {
        if waiting.isEmpty {
            holders = max(0, holders - 1)
        } else {
            waiting.removeFirst().continuation.resume()
        }
    }

    private func giveUp(_ ticket: Int) {
        guard let index = waiting.firstIndex(where: { $0.ticket == ticket }) else { return }
        waiting.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
