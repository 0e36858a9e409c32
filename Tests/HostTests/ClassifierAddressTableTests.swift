@testable import Host
import Kernel
import Testing

/// The classifier's address lookup, including addresses built to collide.
@Suite struct ClassifierAddressTableTests {
    /// An address whose first eight bytes are `prefix` and last byte is `last`.
    static func address(prefix: UInt8, last: UInt8) -> Address {
        Address(bytes: [UInt8](repeating: prefix, count: 8) + [UInt8](repeating: 0, count: 11) + [last]) ?? .zero
    }

    @Test func findsEveryEntryAndNothingElse() {
        let entries = (1...100).map { (address: Self.address(prefix: UInt8($0), last: UInt8($0)), index: $0) }
        let table = AddressTable(entries)
        for (address, index) in entries { #expect(table.index(of: address) == index) }
        #expect(table.index(of: Self.address(prefix: 200, last: 200)) == nil)
        #expect(table.index(of: .zero) == nil)
    }

    /// Addresses sharing their first eight bytes all land in one slot and probe on.
    @Test func collidingAddressesProbe() {
        let entries = (0..<20).map { (address: Self.address(prefix: 7, last: UInt8($0)), index: $0) }
        let table = AddressTable(entries)
        for (address, index) in entries { #expect(table.index(of: address) == index) }
        #expect(table.index(of: Self.address(prefix: 7, last: 99)) == nil)
    }

    @Test func firstIndexWinsAndEmptyTableMisses() {
        let address = Self.address(prefix: 1, last: 1)
        #expect(AddressTable([(address, 3), (address, 4)]).index(of: address) == 3)
        #expect(AddressTable([]).index(of: address) == nil)
    }
}
