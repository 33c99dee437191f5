import Foundation
import JWTKit

/// The claims Kore.ai expects in an app JWT.
struct AppClaims: JWTPayload {
    var appId: String
    var sub: SubjectClaim
    var iat: IssuedAtClaim
    var exp: ExpirationClaim

    func verify(using algorithm: some JWTAlgorithm) async throws { try exp.verifyNotExpired() }
}

/// Supplies the `auth` header: a ready-made token, or an HS256 JWT made from clientId and
/// clientSecret with a short life and renewed a minute before it expires.
public actor TokenProvider {
    public enum Source: Sendable {
        case signed(clientId: String, clientSecret: Secret)
        case fixed(Secret)
    }

    let source: Source
    let lifetime: TimeInterval
    private var keys: JWTKeyCollection?
    private var current: (token: Secret, expires: Date)?

    /// The shortest secret jwt-kit signs with (it asserts on shorter HMAC keys).
    public static let minimumSecretBytes = 32

    public init(source: Source, lifetime: TimeInterval = 600) throws(APIError) {
        if case .signed(_, let secret) = source, secret.revealed.utf8.count < Self.minimumSecretBytes {
            throw APIError(kind: .configuration, summary:
                "clientSecret is shorter than \(Self.minimumSecretBytes) bytes: copy the whole secret from the app's settings")
        }
        self.source = source
        self.lifetime = lifetime
    }

    /// A token valid for at least another minute.
    public func token(now: Date = Date()) async throws -> Secret {
        switch source {
        case .fixed(let token):
            return token
        case .signed(let clientId, let secret):
            if let current, current.expires.timeIntervalSince(now) > 60 { return current.token }
            let keys = try await signingKeys(secret)
            let expires = now.addingTimeInterval(lifetime)
            let claims = AppClaims(appId: clientId, sub: SubjectClaim(value: "switchboard"),
                                   iat: IssuedAtClaim(value: now), exp: ExpirationClaim(value: expires))
            let token = Secret(try await keys.sign(claims))
            current = (token, expires)
            return token
        }
    }

    /// The secrets this provider knows, for redaction.
    public var secrets: [Secret] {
        var list: [Secret] = []
        switch source {
        case .fixed(let token): list.append(token)
        case .signed(_, let secret): list.append(secret)
        }
        if let current { list.append(current.token) }
        return list
    }

    private func signingKeys(_ secret: Secret) async throws -> JWTKeyCollection {
        if let keys { return keys }
        let collection = JWTKeyCollection()
        await collection.add(hmac: HMACKey(from: secret.revealed), digestAlgorithm: .sha256)
        keys = collection
        return collection
    }
}
