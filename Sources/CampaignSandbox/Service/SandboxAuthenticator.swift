import Foundation
import JWTKit

/// The claims of a Kore.ai app JWT: `appId` is the client id; `sub`, `iat` and `exp` are optional.
struct AppTokenPayload: JWTPayload {
    var appId: String
    var sub: SubjectClaim?
    var iat: IssuedAtClaim?
    var exp: ExpirationClaim?

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp?.verifyNotExpired()
    }
}

/// Checks the `auth`, `iid` and `accountId` headers of every request.
struct SandboxAuthenticator: Sendable {
    let keys: JWTKeyCollection
    let credentials: SandboxCredentials
    /// Tokens already verified: the same token on every request is checked once.
    let verified = VerifiedTokenCache()

    init(credentials: SandboxCredentials) async {
        precondition(credentials.clientSecret.utf8.count >= SandboxCredentials.minimumSecretBytes)
        self.credentials = credentials
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: credentials.clientSecret), digestAlgorithm: .sha256)
    }

    /// Throws a 401 naming the first thing wrong.
    func authenticate(_ headers: [String: String]) async throws(SandboxError) {
        guard let token = headers["auth"], !token.isEmpty else {
            throw .unauthorized("The auth header is missing: send the app's JWT in it.")
        }
        guard headers["iid"]?.isEmpty == false else { throw .unauthorized("The iid header is missing.") }
        guard let account = headers["accountid"], !account.isEmpty else {
            throw .unauthorized("The accountId header is missing.")
        }
        let appId = try await verifiedAppId(token)
        guard appId == credentials.clientId else {
            throw .unauthorized("The JWT's appId is not this app's client id.")
        }
        guard account == credentials.accountId else {
            throw .unauthorized("The accountId header does not match this account.")
        }
    }

    /// The token's `appId` once its signature and `exp` pass, from the cache when it was seen before.
    private func verifiedAppId(_ token: String) async throws(SandboxError) -> String {
        if let appId = verified.appId(of: token) { return appId }
        let payload: AppTokenPayload
        do {
            payload = try await keys.verify(token, as: AppTokenPayload.self)
        } catch let error as JWTError where error.errorType == .claimVerificationFailure {
            throw .unauthorized("The JWT has expired: make a new one.")
        } catch {
            throw .unauthorized("The JWT is not valid: it must be HS256, signed with the app's client secret.")
        }
        verified.remember(token, appId: payload.appId, expires: payload.exp?.value)
        return payload.appId
    }
}
