import Kernel

/// An entry's few router addresses, matched by comparing them in turn: for the one to three
/// routers an entry has, cheaper than hashing the callee (a decoder checks every call it is
/// handed, most of which are not its swaps).
struct RouterAddresses: Sendable {
    /// The addresses.
    private let addresses: [Address]

    /// The addresses of `sequence`, duplicates dropped.
    init(_ sequence: some Sequence<Address>) {
        var addresses: [Address] = []
        for address in sequence where !addresses.contains(address) { addresses.append(address) }
        self.addresses = addresses
    }

    /// Whether `address` is one of them.
    func contains(_ address: Address) -> Bool {
        addresses.contains(address)
    }
}
