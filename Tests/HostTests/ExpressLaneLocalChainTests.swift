import Foundation
@testable import Host
import Kernel
import Testing

/// The Swift express-lane client (`ExpressLaneSubmission`, written from nitro's client) against
/// the local chain's express lane (written independently from nitro's sequencer, in Python):
/// the controller's submissions are accepted in sequence and land; a wrong signer, a wrong round
/// and a reused sequence number are refused.
@Suite(.serialized) struct ExpressLaneLocalChainTests {
    /// Anvil's first and second published test keys.
    static let controllerKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
    static let strangerKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"
    static let auction = Address(precompile: 0xa0c7)

    @Test(.timeLimit(.minutes(2))) func theControllersSubmissionsLandAndOthersAreRefused() async throws {
        let chain = try await LocalChain.start(seed: 5)
        defer { chain.stop() }
        var configuration = RPCConfiguration()
        configuration.endpoints = [chain.http]
        configuration.retries = 0
        let client = JSONRPCClient(configuration: configuration)
        let controller = TransactionSigner(key: try PrivateKey(hex: Self.controllerKey))
        let stranger = TransactionSigner(key: try PrivateKey(hex: Self.strangerKey))
        for signer in [controller, stranger] {
            var spec = JSONObject()
            spec.append("address", string: signer.address.checksummed)
            spec.append("wei", string: "1000000000000000000")
            _ = try await client.call("local_fund", [.object(spec)], as: .value)
        }
        var lane = JSONObject()
        lane.append("controller", string: controller.address.checksummed)
        lane.append("round", .integer(7))
        lane.append("auctionContract", string: Self.auction.checksummed)
        _ = try await client.call("local_setExpressLane", [.object(lane)], as: .value)

        func transfer(_ signer: TransactionSigner, nonce: UInt64) -> SignedTransaction {
            signer.sign(EIP1559Transaction(chainId: chain.chainID, nonce: nonce, maxPriorityFeePerGas: .zero, maxFeePerGas: UInt256(100_000_000),
                                           gasLimit: 21_000, to: signer.address, value: .one, data: []))
        }
        func submit(_ transaction: SignedTransaction, round: UInt64 = 7, sequence: UInt64, by signer: TransactionSigner) async -> RPCError? {
            let submission = ExpressLaneSubmission(transaction: transaction, chainId: chain.chainID, round: round, auctionContract: Self.auction,
                                                   sequenceNumber: sequence, signer: signer)
            do {
                _ = try await client.call(ExpressLaneSubmission.method, submission.parameters, as: .value)
                return nil
            } catch {
                return error
            }
        }
        let count = try await client.call("eth_getTransactionCount", [.string(controller.address.checksummed), .string("pending")], as: .hexQuantity)
        let first = transfer(controller, nonce: count)
        #expect(await submit(first, sequence: 0, by: controller) == nil)
        let second = transfer(controller, nonce: count + 1)
        #expect(await submit(second, sequence: 1, by: controller) == nil)
        for transaction in [first, second] {
            let receipt = try await client.call("eth_getTransactionReceipt", [.string(transaction.hash.description)], as: .optionalReceipt)
            #expect(receipt?.status == 1)
        }
        // A stranger's signature, another round, a sequence number used already: refused.
        #expect(await submit(transfer(controller, nonce: count + 2), sequence: 2, by: stranger) != nil)
        #expect(await submit(transfer(controller, nonce: count + 2), round: 8, sequence: 2, by: controller) != nil)
        #expect(await submit(transfer(controller, nonce: count + 2), sequence: 1, by: controller) != nil)
    }
}
