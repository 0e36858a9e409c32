import Foundation
@testable import Host
import Kernel
import Synchronization

/// The local chain server (`scripts/localchain/server.py`: a real EVM with genuine DEX bytecode,
/// JSON-RPC over HTTP and WebSocket on one port) run for one test:
///
///     let chain = try await LocalChain.start(seed: 7)
///     defer { chain.stop() }
///     let head = try await chain.mine(3)
///
/// `start` launches it with the project's `.venv` Python and reads its start line. Each server of
/// a test process gets a port no earlier one had (`PortSequence`): a client a finished test left
/// running (a sync loop still polling a stopped chain) can never reach a later test's server and
/// take the fault that test armed, as it could when the system handed a freed port out again.
/// `mine`, `reorg` and `fault` steer it through its `local_*` methods (never faulty themselves);
/// `stop` (or the last reference going away) closes its standard input, which ends it.
final class LocalChain: Sendable {
    /// Why the server could not be started or steered.
    struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        let description: String
    }

    /// `http://127.0.0.1:<port>`.
    let http: String
    /// `ws://127.0.0.1:<port>`.
    let ws: String
    /// The TCP port it listens on.
    var port: Int { Int(http.split(separator: ":").last ?? "") ?? 0 }
    /// The chain id it serves.
    let chainID: UInt64
    /// The head when it started.
    let startHead: UInt64
    /// The whole start line (`pools`, `tokens`, `multicall` too).
    let startLine: JSONFields
    private let process: Process
    private let input: FileHandle
    /// A client for the `local_*` methods, apart from the clients under test.
    private let admin: JSONRPCClient

    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private init(process: Process, input: FileHandle, startLine: JSONFields) throws(Failure) {
        do {
            http = try startLine.read("http", .string)
            ws = try startLine.read("ws", .string)
            chainID = try startLine.read("chainId", .integer(UInt64.self))
            startHead = try startLine.read("head", .object).read("number", .integer(UInt64.self))
        } catch {
            throw Failure(description: "start line: \(error)")
        }
        self.startLine = startLine
        self.process = process
        self.input = input
        var configuration = RPCConfiguration()
        configuration.endpoints = [http]
        configuration.timeout = .seconds(60)
        admin = JSONRPCClient(configuration: configuration)
    }

    deinit { stop() }

    /// Starts a server of `seed` serving `chainID` (extra command-line `arguments` are passed on,
    /// e.g. `["--pools", "uniswap-v2=1"]`), once it has printed its start line; on the next
    /// port of the sequence when one is taken by another process.
    static func start(seed: Int = 1, chainID: UInt64 = 42161, arguments: [String] = []) async throws -> LocalChain {
        var failure: Failure?
        for _ in 0..<8 {
            do {
                return try await launch(port: PortSequence.next(), seed: seed, chainID: chainID, arguments: arguments)
            } catch {
                failure = error
            }
        }
        throw failure ?? Failure(description: "the server did not start")
    }

    private static func launch(port: Int, seed: Int, chainID: UInt64, arguments: [String]) async throws(Failure) -> LocalChain {
        let python = packageRoot.appendingPathComponent(".venv/bin/python")
        let script = packageRoot.appendingPathComponent("scripts/localchain/server.py")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(description: "no Python at \(python.path) (the project's .venv)")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, "--port", String(port), "--seed", String(seed), "--chain-id", String(chainID)] + arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run \(python.path): \(error)")
        }
        let line = await readLine(stdout.fileHandleForReading)
        do {
            let fields = try JSONValue.parse(line).fields(at: "")
            return try LocalChain(process: process, input: stdin.fileHandleForWriting, startLine: fields)
        } catch {
            try? stdin.fileHandleForWriting.close()
            process.terminate()
            throw Failure(description: "the server did not start on port \(port) (\(error)): \(String(decoding: line, as: UTF8.self))")
        }
    }

    /// Ports for the servers of one test process, each used once: from a base below Linux's
    /// ephemeral range (32768 up, which `--port 0` and outgoing connections draw from), spread by
    /// process id so that concurrent test processes rarely start on the same ports.
    enum PortSequence {
        private static let counter = Atomic<Int>(0)
        private static let base = 20_000 + Int(ProcessInfo.processInfo.processIdentifier % 100) * 120

        /// The next port (wrapping within 20000...31999).
        static func next() -> Int {
            let offset = counter.add(1, ordering: .relaxed).oldValue
            return 20_000 + (base - 20_000 + offset) % 12_000
        }
    }

    /// The first line `handle` gives (up to its end), read off the cooperative pool.
    private static func readLine(_ handle: FileHandle) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var line: [UInt8] = []
                while true {
                    let chunk = handle.readData(ofLength: 1)
                    guard let byte = chunk.first, byte != UInt8(ascii: "\n") else { break }
                    line.append(byte)
                }
                continuation.resume(returning: line)
            }
        }
    }

    /// Mines `blocks` blocks (each with the server's default mix of swaps, mints and burns); the
    /// new head's number and hash.
    @discardableResult
    func mine(_ blocks: Int = 1) async throws -> (number: UInt64, hash: Hash32) {
        let head = try await admin.call("local_mine", [.integer(blocks)], as: .object)
        return (try head.read("number", .integer(UInt64.self)), try head.read("hash", .hash32))
    }

    /// Replaces the newest `depth` blocks with `newBlocks` (default `depth`) on another branch;
    /// the removed hashes and the new blocks' numbers and hashes.
    @discardableResult
    func reorg(depth: Int, newBlocks: Int? = nil) async throws -> (removed: [Hash32], added: [(number: UInt64, hash: Hash32)]) {
        let answer = try await admin.call("local_reorg", [.integer(depth), .integer(newBlocks ?? depth)], as: .object)
        let added = try answer.read("added", .array(.object)).map { block in
            (try block.read("number", .integer(UInt64.self)), try block.read("hash", .hash32))
        }
        return (try answer.read("removed", .array(.hash32)), added)
    }

    /// Makes the next `count` answers faulty: `down`, `slow` (after `delayMs`), `drop`,
    /// `malformed`, `error`, `chainId`, `status429` or `status500` (see scripts/localchain/faults.py).
    func fault(_ kind: String, count: Int = 1, delayMs: Int = 1000) async throws {
        let spec = JSONObject([.init("kind", .string(kind)), .init("count", .integer(count)), .init("delayMs", .integer(delayMs))])
        _ = try await admin.call("local_fault", [.object(spec)], as: .bool)
    }

    /// Creates a pool of the tokens `symbols` through `dex`'s factory in a new block; its address.
    func createPool(dex: String, symbols: [String], fee: Int) async throws -> Address {
        let spec = JSONObject([.init("dex", .string(dex)), .init("tokens", .array(symbols.map { .string($0) })), .init("fee", .integer(fee))])
        return try await admin.call("local_createPool", [.object(spec)], as: .object).read("address", .address)
    }

    /// Ends the server (idempotent).
    func stop() {
        try? input.close()
        if process.isRunning { process.terminate() }
    }
}
