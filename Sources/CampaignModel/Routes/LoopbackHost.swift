import Foundation

/// Whether a host names this machine, decided by parsing it, never by its prefix: `localhost`,
/// an IPv4 address in 127.0.0.0/8, or the IPv6 `::1` (brackets allowed, and `::ffff:127.x.y.z`).
/// `127.evil.example` is a name like any other and is not loopback.
public enum LoopbackHost {
    public static func contains(_ host: String) -> Bool {
        var bare = host.trimmingCharacters(in: .whitespaces)
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        if bare.hasSuffix("."), !bare.contains(":") { bare.removeLast() }
        if bare.lowercased() == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, bare, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, bare, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
        let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
        return Array(bytes[0..<12]) == mappedPrefix && bytes[12] == 127
    }
}
