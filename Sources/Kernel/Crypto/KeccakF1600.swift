/// The Keccak-f[1600] permutation: 24 rounds over a 5×5 array of 64-bit lanes.
///
/// Lane `x + 5y` of the state is `A[x, y]` of the Keccak reference; a sponge absorbs
/// message bytes into lanes 0, 1, 2, … in little-endian order. A round is written out
/// straight-line with every lane in its own local variable (not an array), so the optimizer
/// keeps the lanes in registers; the 24 rounds run in a loop (unrolling all 24 measured no
/// faster here and made the function 14 times larger).
@usableFromInline
enum KeccakF1600 {
    /// The 25 lanes, lane `x + 5y` at tuple position `x + 5y`, stored inline.
    @usableFromInline
    typealias State = (
        UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64
    )

    /// `x` rotated left by `n` bits, 0 < `n` < 64.
    @inline(__always)
    static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 {
        (x &<< n) | (x &>> (64 &- n))
    }

    /// The round constant of round `i`, 0 ≤ `i` < 24 (the ι step).
    @inline(__always)
    static func roundConstant(_ i: Int) -> UInt64 {
        switch i {
        case 0: return 0x0000000000000001
        case 1: return 0x0000000000008082
        case 2: return 0x800000000000808A
        case 3: return 0x8000000080008000
        case 4: return 0x000000000000808B
        case 5: return 0x0000000080000001
        case 6: return 0x8000000080008081
        case 7: return 0x8000000000008009
        case 8: return 0x000000000000008A
        case 9: return 0x0000000000000088
        case 10: return 0x0000000080008009
        case 11: return 0x000000008000000A
        case 12: return 0x000000008000808B
        case 13: return 0x800000000000008B
        case 14: return 0x8000000000008089
        case 15: return 0x8000000000008003
        case 16: return 0x8000000000008002
        case 17: return 0x8000000000000080
        case 18: return 0x000000000000800A
        case 19: return 0x800000008000000A
        case 20: return 0x8000000080008081
        case 21: return 0x8000000000008080
        case 22: return 0x0000000080000001
        case 23: return 0x8000000080008008
        default: return 0
        }
    }

    /// Applies the 24 rounds of Keccak-f[1600] to `state` in place.
    @usableFromInline
    static func permute(_ state: inout State) {
        var a00 = state.0; var a10 = state.1; var a20 = state.2; var a30 = state.3; var a40 = state.4
        var a01 = state.5; var a11 = state.6; var a21 = state.7; var a31 = state.8; var a41 = state.9
        var a02 = state.10; var a12 = state.11; var a22 = state.12; var a32 = state.13; var a42 = state.14
        var a03 = state.15; var a13 = state.16; var a23 = state.17; var a33 = state.18; var a43 = state.19
        var a04 = state.20; var a14 = state.21; var a24 = state.22; var a34 = state.23; var a44 = state.24
        for round in 0..<24 {
            // θ
            let c0 = a00 ^ a01 ^ a02 ^ a03 ^ a04
            let c1 = a10 ^ a11 ^ a12 ^ a13 ^ a14
            let c2 = a20 ^ a21 ^ a22 ^ a23 ^ a24
            let c3 = a30 ^ a31 ^ a32 ^ a33 ^ a34
            let c4 = a40 ^ a41 ^ a42 ^ a43 ^ a44
            let d0 = c4 ^ rotl(c1, 1)
            let d1 = c0 ^ rotl(c2, 1)
            let d2 = c1 ^ rotl(c3, 1)
            let d3 = c2 ^ rotl(c4, 1)
            let d4 = c3 ^ rotl(c0, 1)
            // ρ and π: b[y][2x+3y] = rotl(a[x][y] ^ d[x], r[x][y])
            let b00 = a00 ^ d0
            let b10 = rotl(a11 ^ d1, 44)
            let b20 = rotl(a22 ^ d2, 43)
            let b30 = rotl(a33 ^ d3, 21)
            let b40 = rotl(a44 ^ d4, 14)
            let b01 = rotl(a30 ^ d3, 28)
            let b11 = rotl(a41 ^ d4, 20)
            let b21 = rotl(a02 ^ d0, 3)
            let b31 = rotl(a13 ^ d1, 45)
            let b41 = rotl(a24 ^ d2, 61)
            let b02 = rotl(a10 ^ d1, 1)
            let b12 = rotl(a21 ^ d2, 6)
            let b22 = rotl(a32 ^ d3, 25)
            let b32 = rotl(a43 ^ d4, 8)
            let b42 = rotl(a04 ^ d0, 18)
            let b03 = rotl(a40 ^ d4, 27)
            let b13 = rotl(a01 ^ d0, 36)
            let b23 = rotl(a12 ^ d1, 10)
            let b33 = rotl(a23 ^ d2, 15)
            let b43 = rotl(a34 ^ d3, 56)
            let b04 = rotl(a20 ^ d2, 62)
            let b14 = rotl(a31 ^ d3, 55)
            let b24 = rotl(a42 ^ d4, 39)
            let b34 = rotl(a03 ^ d0, 41)
            let b44 = rotl(a14 ^ d1, 2)
            // χ and ι
            a00 = b00 ^ (~b10 & b20) ^ roundConstant(round)
            a10 = b10 ^ (~b20 & b30)
            a20 = b20 ^ (~b30 & b40)
            a30 = b30 ^ (~b40 & b00)
            a40 = b40 ^ (~b00 & b10)
            a01 = b01 ^ (~b11 & b21)
            a11 = b11 ^ (~b21 & b31)
            a21 = b21 ^ (~b31 & b41)
            a31 = b31 ^ (~b41 & b01)
            a41 = b41 ^ (~b01 & b11)
            a02 = b02 ^ (~b12 & b22)
            a12 = b12 ^ (~b22 & b32)
            a22 = b22 ^ (~b32 & b42)
            a32 = b32 ^ (~b42 & b02)
            a42 = b42 ^ (~b02 & b12)
            a03 = b03 ^ (~b13 & b23)
            a13 = b13 ^ (~b23 & b33)
            a23 = b23 ^ (~b33 & b43)
            a33 = b33 ^ (~b43 & b03)
            a43 = b43 ^ (~b03 & b13)
            a04 = b04 ^ (~b14 & b24)
            a14 = b14 ^ (~b24 & b34)
            a24 = b24 ^ (~b34 & b44)
            a34 = b34 ^ (~b44 & b04)
            a44 = b44 ^ (~b04 & b14)
        }
        state = (
            a00, a10, a20, a30, a40,
            a01, a11, a21, a31, a41,
            a02, a12, a22, a32, a42,
            a03, a13, a23, a33, a43,
            a04, a14, a24, a34, a44
        )
    }
}
