import CampaignModel
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests of a hostile or broken server: each request is
/// handed to a script that writes whatever bytes it likes (a redirect, an odd header, a body that
/// trickles, nothing at all). Plain POSIX sockets on threads, so nothing in the way is clever.
final class StubServer: Sendable {
    /// A request as read off the socket.
    struct Request: Sendable {
        let method: String
        let target: String
        /// Header names in lower case.
        let headers: [String: String]
        let body: Data

        /// The target without its query.
        var path: String { String(target.prefix { $0 != "?" }) }
        /// `skip` of a list request's body.
        var skip: Int { (try? JSONValue.parse(body))?.objectValue?["skip"]?.intValue ?? 0 }
    }

    /// One accepted connection; the script writes to it. Writes after the client left are ignored.
    final class Connection: Sendable {
        let socket: Int32
        let server: StubServer

        init(socket: Int32, server: StubServer) {
            self.socket = socket
            self.server = server
        }

        /// Writes bytes; false when the peer is gone or the server stopped.
        @discardableResult
        func write(_ data: Data) -> Bool {
            guard !server.isStopped else { return false }
            return data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let sent = send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                    if sent <= 0 { return false }
                    offset += sent
                }
                return true
            }
        }

        @discardableResult
        func write(_ text: String) -> Bool { write(Data(text.utf8)) }

        /// A whole response with Content-Length and `Connection: close`.
        func reply(status: Int, reason: String = "Stub", headers: [(String, String)] = [], body: String = "") {
            write(StubServer.response(status: status, reason: reason, headers: headers, body: body))
        }

        /// Sleeps in small steps; false once the server stops.
        func pause(_ seconds: Double) -> Bool {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                if server.isStopped { return false }
                usleep(10_000)
            }
            return !server.isStopped
        }
    }

    typealias Script = @Sendable (Request, Connection) -> Void

    let port: Int
    private let listener: Int32
    private let script: Script
    private let stopped = Atomic(false)
    private let received = Mutex<[Request]>([])

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var isStopped: Bool { stopped.load(ordering: .relaxed) }
    /// Every request received so far, in order.
    var requests: [Request] { received.withLock { $0 } }

    /// Listens on a free loopback port and answers each request with `script`.
    init(_ script: @escaping Script) throws {
        self.script = script
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Stops accepting and makes every script's writes and pauses end.
    func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A port on which nothing listens: connecting to it is refused.
    static func refusingPort() throws -> Int {
        let server = try StubServer { _, _ in }
        let port = server.port
        server.stop()
        return port
    }

    static func response(status: Int, reason: String = "Stub", headers: [(String, String)] = [], body: String = "") -> String {
        var head = "HTTP/1.1 \(status) \(reason)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n"
        return head + body
    }

    /// A list reply in the documented envelope.
    static func listBody(ids: [String], hasMore: Bool?, totalResults: String, type: String = "sms") -> String {
        let results = ids.map { #"{"id": "\#($0)", "_id": "\#($0)", "name": "Campaign \#($0)", "status": "Ready", "campaignType": "\#(type)"}"# }
        let more = hasMore.map { #""hasMore": \#($0), "# } ?? ""
        return #"{"status": "success", "data": {"results": [\#(results.joined(separator: ", "))], \#(more)"totalResults": \#(totalResults)}}"#
    }

    private func acceptLoop() {
        while !isStopped {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if isStopped { return }
                continue
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard let request = readRequest(client) else { return }
        received.withLock { $0.append(request) }
        script(request, Connection(socket: client, server: self))
        shutdown(client, Int32(SHUT_WR))
    }

    private func readRequest(_ client: Int32) -> Request? {
        var bytes = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let separator = Data("\r\n\r\n".utf8)
        while bytes.range(of: separator) == nil {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            bytes.append(contentsOf: buffer[0..<count])
        }
        let headEnd = bytes.range(of: separator)!
        let head = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = head.first?.split(separator: " ") ?? []
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(bytes[headEnd.upperBound...])
        let length = Int(headers["content-length"] ?? "") ?? 0
        while body.count < length {
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            body.append(contentsOf: buffer[0..<count])
        }
        return Request(method: requestLine.first.map(String.init) ?? "", target: requestLine.dropFirst().first.map(String.init) ?? "/",
                       headers: headers, body: body)
    }
}
