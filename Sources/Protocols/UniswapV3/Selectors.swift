import Kernel

/// The 4-byte selectors this module decodes: keccak256 of the canonical signature, first 4 bytes.
enum Selector {
    // SwapRouter (Uniswap/v3-periphery): structs with a deadline.
    /// `exactInputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))`
    static let exactInputSingle: UInt32 = 0x414b_f389
    /// `exactInput((bytes,address,uint256,uint256,uint256))`
    static let exactInput: UInt32 = 0xc04b_8d59
    /// `exactOutputSingle((address,address,uint24,address,uint256,uint256,uint256,uint160))`
    static let exactOutputSingle: UInt32 = 0xdb3e_2198
    /// `exactOutput((bytes,address,uint256,uint256,uint256))`
    static let exactOutput: UInt32 = 0xf28c_0498

    // SwapRouter02 (Uniswap/swap-router-contracts): structs without a deadline, and V2 functions.
    /// `exactInputSingle((address,address,uint24,address,uint256,uint256,uint160))`
    static let exactInputSingle02: UInt32 = 0x04e4_5aaf
    /// `exactInput((bytes,address,uint256,uint256))`
    static let exactInput02: UInt32 = 0xb858_183f
    /// `exactOutputSingle((address,address,uint24,address,uint256,uint256,uint160))`
    static let exactOutputSingle02: UInt32 = 0x5023_b4df
    /// `exactOutput((bytes,address,uint256,uint256))`
    static let exactOutput02: UInt32 = 0x09b8_1346
    /// `swapExactTokensForTokens(uint256,uint256,address[],address)`
    static let swapExactTokensForTokens02: UInt32 = 0x472b_43f3
    /// `swapTokensForExactTokens(uint256,uint256,address[],address)`
    static let swapTokensForExactTokens02: UInt32 = 0x4271_2a67

    // Multicall (both routers have the first; SwapRouter02 also the other two).
    /// `multicall(bytes[])`
    static let multicall: UInt32 = 0xac96_50d8
    /// `multicall(uint256,bytes[])`: with a deadline.
    static let multicallWithDeadline: UInt32 = 0x5ae4_01dc
    /// `multicall(bytes32,bytes[])`: with the previous block's hash.
    static let multicallWithBlockhash: UInt32 = 0x1f04_64d1

    // Universal Router.
    /// `execute(bytes,bytes[])`
    static let execute: UInt32 = 0x2485_6bc3
    /// `execute(bytes,bytes[],uint256)`: with a deadline.
    static let executeWithDeadline: UInt32 = 0x3593_564c

    // UniswapV3Pool.
    /// `swap(address,bool,int256,uint160,bytes)`
    static let poolSwap: UInt32 = 0x128a_cb08
}
