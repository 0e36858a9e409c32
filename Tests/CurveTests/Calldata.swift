import Kernel

/// A test-only ABI encoder for calls with static arguments: the selector, then one word per value.
struct Calldata {
    private(set) var bytes: [UInt8]

    /// Starts a call to `signature`, e.g. `exchange(int128,int128,uint256,uint256)`.
    init(_ signature: String) {
        bytes = FunctionSelector.bytes(FunctionSelector.of(signature))
    }

    /// Appends an unsigned word.
    func uint(_ value: UInt256) -> Calldata {
        var next = self
        next.bytes += value.bigEndianBytes
        return next
    }

    /// Appends a signed word (two's complement).
    func int(_ value: Int) -> Calldata { uint(Int256(truncatingIfNeeded: value).bitPattern) }

    /// Appends an address word.
    func address(_ value: Address) -> Calldata {
        var next = self
        next.bytes += [UInt8](repeating: 0, count: 12) + value.bytes
        return next
    }

    /// Appends a bool word.
    func bool(_ value: Bool) -> Calldata { uint(value ? .one : .zero) }

    /// Appends raw bytes (a dirty word, a partial word).
    func raw(_ extra: [UInt8]) -> Calldata {
        var next = self
        next.bytes += extra
        return next
    }

    /// The call to `to` with this calldata.
    func call(to: Address, value: UInt256 = .zero) -> ContractCall {
        ContractCall(to: to, data: bytes[...], value: value)
    }
}
