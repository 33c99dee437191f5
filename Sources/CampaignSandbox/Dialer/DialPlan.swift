import CampaignModel
import Foundation

/// How one run of a campaign works its contacts, as pure functions of a contact's position and
/// the calling time elapsed ("open seconds": seconds inside the calling windows since the run
/// began). Nothing ticks: the state of any contact at any moment is computed when asked.
///
/// The model: the dialer takes contacts in dialing order (FIFO, or LIFO from the end), one every
/// `slotSeconds` of calling time (the first after one slot); a contact's attempt k (0-based) comes `k × retrySeconds` of
/// calling time after its first, so attempts fall only inside windows and at least the retry
/// period apart. Each attempt's outcome is drawn from a hash of (run, position, attempt): a
/// contact stops at its first connected attempt, or after `maxAttempts`. About 46% of contacts
/// are reachable (each attempt connects with p = 0.78); the others never answer, are busy or
/// fail — so ~36% connect with one attempt and ~43–46% with two or more. SMS: one send, then
/// a delivery receipt (93% delivered) a minute or three of calling time later.
struct DialPlan: Sendable {
    enum Outcome: Equatable, Sendable {
        case connected, noAnswer, busy, failed, delivered, smsFailed

        /// `dialerOutcome` once final.
        var dialerOutcome: String {
            switch self {
            case .connected: "completed"
            case .noAnswer: "noAnswer"
            case .busy: "busy"
            case .failed, .smsFailed: "failed"
            case .delivered: "delivered"
            }
        }
    }

    /// One contact at one moment, as the contacts view reports it.
    struct ContactState: Equatable, Sendable {
        var attempts: Int
        /// Blank while attempts remain (or an SMS awaits its receipt).
        var dialerOutcome: String
        var botSessionId: String
        var dispositionCodes: [String]
        var botOutboundStatus: String
        var botOutboundStatusDetail: String

        var isFinal: Bool { !dialerOutcome.isEmpty }
        static let untouched = ContactState(attempts: 0, dialerOutcome: "", botSessionId: "", dispositionCodes: [],
                                            botOutboundStatus: "", botOutboundStatusDetail: "")
    }

    let isVoice: Bool
    /// Progressive and preview campaigns put an agent on the call.
    let withAgent: Bool
    let maxAttempts: Int
    let retrySeconds: Double
    let slotSeconds: Double
    let lifo: Bool
    let total: Int
    let runKey: UInt64

    static let dispositions = ["Requires Supervisor Attention", "Call Back Later", "Resolved", "Not Interested",
                               "Payment Promised", "Wrong Person"]

    init(campaign: Campaign, runKey: String, total: Int) {
        isVoice = campaign.type == .voice
        let strategy = campaign.dialingStrategy
        maxAttempts = isVoice ? min(100, max(1, strategy?.maxAttemptsPerRecord ?? 1)) : 1
        retrySeconds = Double(min(1_440, max(1, strategy?.defaultRetryPeriod ?? 30))) * 60
        withAgent = isVoice && (campaign.dialingMode == .progressive || campaign.dialingMode == .preview)
        switch (isVoice, campaign.dialingMode) {
        case (false, _): slotSeconds = 0.5            // 120 messages a minute
        case (true, .preview?): slotSeconds = 15      // an agent reads each record first
        case (true, .progressive?): slotSeconds = 5
        default: slotSeconds = 2                      // agentless: 30 calls a minute
        }
        lifo = strategy?.dialingOrder == .lifo
        self.total = max(0, total)
        self.runKey = StableHash.combine(StableHash.of(campaign.id ?? campaign.name), StableHash.of(runKey))
    }

    /// When in the dialing order a position comes.
    func dialIndex(of position: Int) -> Int { lifo ? total - 1 - position : position }

    /// Open seconds into the run at which a contact's attempt `k` is made (the first contact's
    /// first call once one slot of calling time has passed, so nothing is dialled while closed).
    func attemptTime(position: Int, attempt k: Int) -> Double {
        Double(dialIndex(of: position) + 1) * slotSeconds + Double(k) * retrySeconds
    }

    /// The outcome of attempt `k` of a contact.
    func outcome(position: Int, attempt k: Int) -> Outcome {
        let contact = StableHash.combine(runKey, UInt64(position))
        let draw = StableHash.unit(StableHash.combine(contact, UInt64(k) &+ 1))
        guard isVoice else { return draw < 0.93 ? .delivered : .smsFailed }
        let nature = StableHash.unit(contact)
        if nature < 0.46 {  // reachable
            if draw < 0.78 { return .connected }
            return draw < 0.93 ? .noAnswer : .busy
        }
        let kind = StableHash.unit(StableHash.mix(contact ^ 0xA5A5))
        let usual: Outcome = kind < 0.55 ? .noAnswer : (kind < 0.70 ? .busy : .failed)
        return draw < 0.85 ? usual : .noAnswer
    }

    /// The attempt (0-based) after which the contact is final: its first connected one, else the last.
    func finalAttempt(position: Int) -> Int {
        guard isVoice else { return 0 }
        for k in 0..<maxAttempts where outcome(position: position, attempt: k) == .connected { return k }
        return maxAttempts - 1
    }

    /// Calling time from an SMS send to its delivery receipt.
    func receiptDelay(position: Int) -> Double {
        isVoice ? 0 : 60 + 120 * StableHash.unit(StableHash.combine(runKey, UInt64(position), 0x5EC))
    }

    static let maxReceiptDelay: Double = 180

    /// Open seconds into the run at which a contact becomes final.
    func finalTime(position: Int) -> Double {
        attemptTime(position: position, attempt: finalAttempt(position: position)) + receiptDelay(position: position)
    }

    /// Open seconds into the run at which every contact is final: the latest final time, found
    /// by walking back from the last contact dialled only as far as one could still finish later
    /// (a handful of contacts, whatever the size of the list).
    func completionTime() -> Double {
        guard total > 0 else { return 0 }
        let latestPossibleDelay = Double(maxAttempts - 1) * retrySeconds + (isVoice ? 0 : Self.maxReceiptDelay)
        var latest = -Double.infinity
        var index = total - 1
        while index >= 0 {
            let start = Double(index + 1) * slotSeconds
            if start + latestPossibleDelay <= latest { break }
            let position = lifo ? total - 1 - index : index
            latest = max(latest, finalTime(position: position))
            index -= 1
        }
        return latest
    }

    /// A contact `open` seconds of calling time into the run (`.infinity`: the run is over).
    func state(position: Int, at open: Double) -> ContactState {
        var attempts = 0
        let last = finalAttempt(position: position)
        while attempts <= last, attemptTime(position: position, attempt: attempts) <= open { attempts += 1 }
        guard attempts > 0 else { return .untouched }
        let outcome = self.outcome(position: position, attempt: attempts - 1)
        let final = attempts > last && (isVoice || finalTime(position: position) <= open)
        let contact = StableHash.combine(runKey, UInt64(position), UInt64(attempts))
        var state = ContactState(attempts: attempts, dialerOutcome: final ? outcome.dialerOutcome : "",
                                 botSessionId: Self.objectId(contact), dispositionCodes: [],
                                 botOutboundStatus: "", botOutboundStatusDetail: "")
        switch outcome {
        case .connected:
            if withAgent {
                let agentEnded = StableHash.unit(contact ^ 0xA6) < 0.6
                state.botOutboundStatus = agentEnded ? "agentHangUp" : "userHangUp"
                state.botOutboundStatusDetail = agentEnded ? "agent_hangup" : "user_hangup"
                state.dispositionCodes = [Self.dispositions[Int(contact % UInt64(Self.dispositions.count))]]
            } else {
                state.botOutboundStatus = "userHangUp"
                state.botOutboundStatusDetail = contact % 3 == 0 ? "Client side" : "user_hangup"
                state.dispositionCodes = ["System Generated"]
            }
        case .noAnswer:
            state.botOutboundStatus = "noAnswer"
            state.botOutboundStatusDetail = "no_answer"
        case .busy:
            state.botOutboundStatus = "busy"
            state.botOutboundStatusDetail = "user_busy"
        case .failed:
            state.botOutboundStatus = "failed"
            state.botOutboundStatusDetail = contact % 2 == 0 ? "invalid_number" : "network_error"
        case .delivered, .smsFailed:
            if !final {
                state.botOutboundStatus = "sent"
                state.botOutboundStatusDetail = "awaiting_receipt"
            } else {
                state.botOutboundStatus = outcome == .delivered ? "delivered" : "failed"
                state.botOutboundStatusDetail = outcome == .delivered ? "delivered" : "carrier_rejected"
            }
        }
        return state
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// 24 hex digits, like the docs' `botSessionId` (a Mongo object id).
    static func objectId(_ seed: UInt64) -> String {
        var random = SeededRandom(seed: seed)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        for _ in 0..<24 { bytes.append(hex[Int(random.next() % 16)]) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
