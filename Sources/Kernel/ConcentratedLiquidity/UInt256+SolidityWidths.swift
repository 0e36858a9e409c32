extension UInt256 {
    /// Whether the value fits a `uint160`.
    var fitsInUInt160: Bool { w3 == 0 && w2 >> 32 == 0 }
    /// Whether the value fits a `uint128`.
    var fitsInUInt128: Bool { w3 == 0 && w2 == 0 }
    /// The low 160 bits, as Solidity's `uint160(x)` keeps them.
    var truncatedToUInt160: UInt256 { UInt256(w0, w1, w2 & 0xffff_ffff, 0) }
}
