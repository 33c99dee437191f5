import CampaignModel
import Foundation

/// The contacts a seeded list holds, made on demand from the list's id and a contact's position:
/// the same list gives the same contacts on every machine, and none is ever stored. Only
/// contacts added later (`addContacts`) live in the database, after these.
///
/// A generated phone number is `1` + an area code of the list + seven digits that are an
/// invertible function of the position, so "is this number already in the list?" is answered
/// without looking at the others.
struct GeneratedContacts: Sendable {
    /// How many contacts the list generates (positions 0..<count).
    let count: Int
    let listKey: UInt64
    /// Three digits, 200…999.
    let areaCode: Int
    let lineOffset: Int
    /// When position 0 was created; position i is i milliseconds later.
    let createdAt: Date

    /// Seven-digit lines: at most this many generated contacts per list.
    static let lineSpace = 10_000_000
    /// Odd and not a multiple of 5, so multiplying by it permutes 0..<10^7.
    static let lineStride = 3_141_593
    /// `lineStride`'s inverse modulo 10^7.
    static let lineStrideInverse: Int = {
        // Extended Euclid.
        var (oldR, r) = (lineStride, lineSpace)
        var (oldS, s) = (1, 0)
        while r != 0 {
            let quotient = oldR / r
            (oldR, r) = (r, oldR - quotient * r)
            (oldS, s) = (s, oldS - quotient * s)
        }
        return ((oldS % lineSpace) + lineSpace) % lineSpace
    }()

    init(listId: String, count: Int, createdAt: Date) {
        self.count = min(max(0, count), Self.lineSpace)
        listKey = StableHash.of(listId)
        areaCode = 200 + Int(listKey % 800)
        lineOffset = Int((listKey >> 20) % UInt64(Self.lineSpace))
        self.createdAt = createdAt
    }

    /// The phone number at a position: 11 digits, no `+`, as the docs' samples write them.
    func phoneNumber(at position: Int) -> String {
        let line = (position * Self.lineStride % Self.lineSpace + lineOffset) % Self.lineSpace
        return "1\(areaCode)" + Self.padded(line, to: 7)
    }

    /// The position whose phone number this is, when the list generates it.
    func position(ofPhoneNumber number: String) -> Int? {
        let digits = number.hasPrefix("+") ? String(number.dropFirst()) : number
        guard digits.utf8.count == 11, digits.hasPrefix("1\(areaCode)"), let line = Int(digits.suffix(7)) else { return nil }
        let shifted = (line - lineOffset + Self.lineSpace) % Self.lineSpace
        let position = shifted * Self.lineStrideInverse % Self.lineSpace
        return position < count ? position : nil
    }

    /// The contact's `_id`: "cc-" and a UUID-shaped string.
    func contactId(at position: Int) -> String {
        var random = SeededRandom(seed: listKey ^ (UInt64(position) &* 0x9E37_79B9_7F4A_7C15))
        return "cc-" + random.uuid()
    }

    func created(at position: Int) -> Date { createdAt.addingTimeInterval(Double(position) / 1000) }

    /// `created(at:)` as the API writes it ("2025-12-09T04:28:44.832Z"), without Foundation's
    /// formatter (a page of contacts would spend most of its time there).
    func createdText(at position: Int) -> String {
        Self.isoText(millisecondsSince1970: Int64((createdAt.timeIntervalSince1970 * 1000).rounded()) + Int64(position))
    }

    /// UTC "yyyy-MM-ddTHH:mm:ss.SSSZ" for a time in milliseconds (days to civil date: Howard Hinnant's algorithm).
    static func isoText(millisecondsSince1970 ms: Int64) -> String {
        let (days, dayMs) = (ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000, ((ms % 86_400_000) + 86_400_000) % 86_400_000)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let millis = dayMs % 1_000, seconds = dayMs / 1_000
        let millisText = millis < 10 ? "00\(millis)" : (millis < 100 ? "0\(millis)" : "\(millis)")
        return "\(year)-\(two(month))-\(two(day))T\(two(seconds / 3_600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)).\(millisText)Z"
    }

    static func padded(_ value: Int, to width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// A stable 64-bit hash (FNV-1a then a SplitMix finalizer): Swift's `hashValue` changes from run
/// to run, this does not.
enum StableHash {
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return mix(hash)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func combine(_ values: UInt64...) -> UInt64 {
        values.reduce(0x51_7CC1_B727_220A) { mix($0 ^ $1) }
    }

    /// A number in 0..<1 drawn from `value`.
    static func unit(_ value: UInt64) -> Double { Double(value >> 11) / Double(1 << 53) }
}
