import AsyncHTTPClient
import CampaignModel
@testable import CampaignSandbox
import Foundation
import NIOCore
import Testing

extension SandboxHarness {
    /// The body exactly as it came over the wire, and the status.
    func raw(_ method: String, _ path: String, body: JSONValue? = nil) async throws -> (status: Int, text: String) {
        var components = URLComponents(url: sandbox.baseURL, resolvingAgainstBaseURL: false)!
        components.percentEncodedPath = path.replacingOccurrences(of: "{s}", with: credentials.streamId)
        components.queryItems = [URLQueryItem(name: "accountId", value: credentials.accountId)]
        var request = HTTPClientRequest(url: components.url!.absoluteString)
        request.method = .init(rawValue: method)
        for (name, value) in standardHeaders { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body.serialized()))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return (Int(response.status.code), String(decoding: buffer.readableBytesView, as: UTF8.self))
    }
}

@Suite("Sandbox read cache: the same bytes, and writes seen at once", .serialized)
struct SandboxReadCacheTests {
    static let v2 = SandboxHarness.v2

    static let listBodies: [JSONValue] = [
        [:],
        ["type": "sms", "limit": 50, "skip": 50],
        ["type": "voice", "limit": 7, "page": 3, "sortBy": ["name": "asc"]],
        ["limit": 1000, "sortBy": ["updatedAt": "desc"]],
        ["type": "voice", "filters": ["status": ["Ready", "Active"], "priority": [1, 2, 3]]],
        ["type": "sms", "skip": 100_000],
    ]

    @Test("GET and list answers are byte for byte those of a sandbox that caches nothing, the first time and when repeated")
    func sameBytesAsUncached() async throws {
        try await withSandbox(seed: 250, configure: { $0.cachesReads = false }) { plain in
            try await withSandbox(seed: 250) { cached in
                let ids = try CampaignPage(json: #require(try await plain.list(["limit": 1000]).data)).results.compactMap(\.id)
                #expect(ids.count == 250)
                for id in ids + ["cd-no-such-campaign"] {
                    let expected = try await plain.raw("GET", "\(Self.v2)/\(id)")
                    for round in 1...2 {
                        let got = try await cached.raw("GET", "\(Self.v2)/\(id)")
                        #expect(got.status == expected.status && got.text == expected.text, "GET \(id), round \(round)")
                    }
                }
                #expect(cached.sandbox.service.store.reads.count > 0, "the cached sandbox did cache")
                for body in Self.listBodies {
                    let expected = try await plain.raw("POST", "\(Self.v2)/getAllCampaignDetails", body: body)
                    #expect(expected.status == 200)
                    for round in 1...2 {
                        let got = try await cached.raw("POST", "\(Self.v2)/getAllCampaignDetails", body: body)
                        #expect(got.text == expected.text, "list \(body.serialized()), round \(round)")
                    }
                    // The spliced page is the writer's own text: parsing and writing it again changes nothing.
                    #expect(try JSONValue.parse(expected.text).serialized() == expected.text)
                }
            }
        }
    }

    @Test("a list page spliced from serialized items equals the envelope serialized whole")
    func splicedListEqualsWhole() throws {
        let items: [JSONValue] = [
            ["id": "cd-1", "name": "A \"quoted\" name", "priority": "3", "results": []],
            ["_id": "cd-2", "name": "Über\nline", "dncLists": [["name": "DNC CL Dec 4"]]],
        ]
        for (count, skip, limit, total) in [(0, 0, 50, 0), (1, 0, 1, 2), (2, 10, 50, 12), (2, 0, 2, 2)] {
            let chosen = Array(items.prefix(count))
            let whole = APIEnvelope(status: "success", message: "Campaign  retrieved successfully", data: .object(JSONObject([
                ("results", .array(chosen)),
                ("skip", .number(Double(skip))), ("limit", .number(Double(limit))),
                ("hasMore", .bool(skip + count < total)), ("totalPages", .number(Double((total + limit - 1) / limit))),
                ("totalResults", .number(Double(total))),
            ]))).json.serialized()
            let spliced = SandboxService.listResponse(items: chosen.map { $0.serialized() }, skip: skip, limit: limit, total: total)
            #expect(spliced.text == whole)
        }
    }

    @Test("an update, a start, a delete and a voice campaign turning Ready show at once in GET and in the list")
    func writesInvalidate() async throws {
        try await withSandbox(seed: 30, configure: { $0.preparingDelay = .milliseconds(300) }) { harness in
            func get(_ id: String) async throws -> Reply { try await harness.send("GET", "\(Self.v2)/\(id)") }
            func listed(_ id: String) async throws -> JSONObject? {
                let page = try await harness.list(["limit": 1000])
                return page.data?.objectValue?["results"]?.arrayValue?.compactMap(\.objectValue)
                    .first { ($0["id"] ?? $0["_id"])?.stringValue == id }
            }
            let page = try CampaignPage(json: #require(try await harness.list(["limit": 1000]).data))
            let target = try #require(page.results.first { $0.status != .active && $0.type == .sms })
            let id = try #require(target.id)
            _ = try await get(id)
            _ = try await get(id)  // now held
            _ = try await listed(id)

            let updated = try await harness.send("PUT", "\(Self.v2)/\(id)", query: [("campaignType", "sms")],
                                                 body: ["description": "Changed after caching."])
            #expect(updated.status == 200, "\(updated.json.serialized())")
            #expect(try await get(id).data?.objectValue?["description"] == "Changed after caching.")
            #expect(try await listed(id)?["description"] == "Changed after caching.")

            let started = try await harness.send("POST", "\(Self.v2)/trigger/\(id)", query: [("campaignType", "sms"), ("trigger", "play")])
            #expect(started.status == 200)
            #expect(try await get(id).data?.objectValue?["status"] == "Active")
            #expect(try await listed(id)?["status"] == "Active")
            _ = try await harness.send("POST", "\(Self.v2)/trigger/\(id)", query: [("campaignType", "sms"), ("trigger", "stop")])
            #expect(try await get(id).data?.objectValue?["status"] == "Stopped")

            let deleted = try await harness.send("DELETE", "\(Self.v2)/\(id)", query: [("campaignType", "sms")])
            #expect(deleted.status == 200)
            #expect(try await get(id).status == 404)
            #expect(try await listed(id) == nil)

            let created = try await harness.create(Samples.valid("create-voice-campaign-progressive-v2"), type: "voice", name: "Cached Voice")
            let voiceId = try #require(created.data?.objectValue?["id"]?.stringValue)
            #expect(try await get(voiceId).data?.objectValue?["status"] == "Preparing")
            #expect(try await listed(voiceId)?["status"] == "Preparing")
            try await Task.sleep(for: .milliseconds(600))
            #expect(try await get(voiceId).data?.objectValue?["status"] == "Ready")
            #expect(try await listed(voiceId)?["status"] == "Ready")
        }
    }

    @Test("a text read before a write is not kept after it")
    func staleReadIsDropped() {
        let cache = CampaignReadCache()
        let before = cache.generation
        cache.invalidate(["cd-1"])  // a write lands while the read is under way
        cache.store(.detail, ["cd-1": "old"], readAt: before)
        #expect(cache.text(.detail, id: "cd-1") == nil)
        cache.store(.detail, ["cd-1": "new"], readAt: cache.generation)
        #expect(cache.text(.detail, id: "cd-1") == "new")
        cache.invalidate(nil)
        #expect(cache.count == 0)
    }

    @Test("the cache holds at most its capacity")
    func bounded() {
        let cache = CampaignReadCache(capacity: 3)
        for index in 0..<10 { cache.store(.listItem, ["cd-\(index)": "\(index)"], readAt: cache.generation) }
        #expect(cache.count <= 3)
        #expect(cache.text(.listItem, id: "cd-9") == "9")
    }
}
