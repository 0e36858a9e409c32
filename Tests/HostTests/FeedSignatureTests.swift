import Foundation
@testable import Host
import Kernel
import Testing

/// Feed signatures checked on the connection side: a real signed frame (Robinhood chain 4663, the
/// only real `signatureV2` frame found; Tests/KernelTests/Fixtures/feed/PROVENANCE.md) passes, the
/// same message with one field changed is dropped and counted, and nothing else is lost.
@Suite(.serialized) struct FeedSignatureTests {
    static let signer = try! Address(hex: "0xDaa526086787d9DEbE1D7F3FFdb1fE50cf8687F4")
    static let chainId: UInt64 = 4663

    static func signedFrame() throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("KernelTests/Fixtures/feed/orbit4663_frame_seq20842309_signed.json")
        return Array(try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines).utf8)
    }

    /// The signed frame with its sequence number moved on by one: the signature no longer covers it.
    static func forgedFrame() throws -> [UInt8] {
        let text = String(decoding: try signedFrame(), as: UTF8.self)
        return Array(text.replacingOccurrences(of: "\"sequenceNumber\":20842309", with: "\"sequenceNumber\":20842310").utf8)
    }

    @Test func theCheckRejectsOnlyTheForgedMessage() throws {
        let check = FeedSignatureCheck(signer: Self.signer, chainId: Self.chainId)
        #expect(check.rejected(in: try Self.signedFrame()).isEmpty)
        #expect(check.rejected(in: try Self.forgedFrame()) == [20_842_310])
        let otherSigner = FeedSignatureCheck(signer: Address(precompile: 1), chainId: Self.chainId)
        #expect(otherSigner.rejected(in: try Self.signedFrame()) == [20_842_309])
    }

    @Test(.timeLimit(.minutes(1)))
    func aForgedMessageIsDroppedAndCountedOverTheWire() async throws {
        let frames = [
            RecordedFrame(receivedAtUnixNanos: 1, bytes: try Self.signedFrame()),
            RecordedFrame(receivedAtUnixNanos: 2, bytes: try Self.forgedFrame()),
        ]
        let server = FeedReplayServer(frames: frames)
        try await server.start()
        var configuration = FeedClientConfiguration(urls: [server.url])
        configuration.signer = Self.signer
        configuration.chainId = Self.chainId
        let client = FeedClient(configuration: configuration, decoder: FeedDecoder(chainId: Self.chainId), logger: quietLogger)
        let collector = DeliveryCollector()
        let network = Task { await client.run() }
        let decodeLoop = Task { for await delivery in client.deliveries() { collector.add(delivery) } }
        try await waitUntil("both frames read") { client.stats.snapshot.badSignatures >= 1 && collector.count >= 1 }
        #expect(collector.sequenceNumbers == [20_842_309])
        #expect(client.stats.snapshot.badSignatures == 1)
        network.cancel()
        await network.value
        await decodeLoop.value
        await server.stop()
    }
}
