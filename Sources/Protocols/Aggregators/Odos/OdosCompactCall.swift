import Kernel

/// The public part of Odos Router V2's `swapCompact()`, parsed as the router's Yul does
/// (odos-xyz/odos-router-v2 `contracts/OdosRouterV2.sol`), from byte 4 on:
///
/// - the input and output tokens, each a 2-byte code: `0x0000` the zero address (ether),
///   `0x0001` followed by the 20-byte address, any other code an index into the router's
///   `addressList` in storage (`code − 2`), which the calldata does not show;
/// - the input amount: a length byte, then that many bytes (length 0: zero, which the router
///   reads as the value sent where ether is sold, else as the sender's whole balance);
/// - the quoted output: a length byte, then that many bytes;
/// - the slippage tolerance, 3 bytes: the least output is `quote · (0xFFFFFF − tolerance) /
///   0xFFFFFF`, the product wrapping modulo 2^256 as the EVM's `mul` does;
/// - then the executor, the receivers, the referral code and the executor's path: private.
///
/// Bytes past the calldata read as zeros, as `calldataload` reads them, and a length above 32
/// shifts the word out entirely, as `shr` does: every call parses, as on chain.
enum OdosCompactCall {
    /// The unknown route of `data` (the whole calldata, selector included) for `aggregator`.
    static func route(_ data: ArraySlice<UInt8>, aggregator: String) -> UnknownRoute {
        let calldata = PaddedCalldata(data: data)
        var position = 4
        let tokenIn = token(calldata, &position)
        let tokenOut = token(calldata, &position)
        let inputLength = Int(calldata.byte(position))
        position += 1
        let amountIn = calldata.leading(inputLength > 32 ? 0 : inputLength, at: position)
        position += inputLength
        let quoteLength = Int(calldata.byte(position))
        position += 1
        let quote = calldata.leading(quoteLength > 32 ? 0 : quoteLength, at: position)
        position += quoteLength
        let tolerance = calldata.leading(3, at: position)
        let scale = UInt256(0xFF_FFFF)
        let least = (quote &* (scale - tolerance)) / scale
        // A zero input amount (length 0, or a word shifted out) is the value sent or the sender's
        // balance: the decoder settles which.
        return UnknownRoute(aggregator: aggregator, tokenIn: tokenIn, tokenOut: tokenOut, amountIn: amountIn, minAmountOut: least)
    }

    /// The token coded at `position` (moved past it): the zero address for `0x0000`, the address
    /// that follows `0x0001`, nil for an index into the router's storage.
    private static func token(_ calldata: PaddedCalldata, _ position: inout Int) -> Address? {
        let code = UInt16(calldata.byte(position)) << 8 | UInt16(calldata.byte(position + 1))
        switch code {
        case 0:
            position += 2
            return .zero
        case 1:
            defer { position += 22 }
            return calldata.address(at: position + 2)
        default:
            position += 2
            return nil
        }
    }
}
