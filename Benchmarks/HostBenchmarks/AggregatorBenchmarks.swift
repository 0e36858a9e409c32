import Benchmark
import Host
import Kernel

/// Classifying the real aggregator calls this step decodes (Tests/HostTests/Fixtures/
/// arbitrum_real_swaps_with_receipts.jsonl) and 1inch's direct forms (constructed), beside a call
/// to an aggregator router that is not a swap, through the real config (per op, 1,000 per sample).
func aggregatorBenchmarks(_ loaded: LoadedConfig, swaps: [String: Transaction]) {
    // LlamaZip's 6-byte word; KyberSwap's executor payload with a DEX kind it does not spell out
    // (an unknown route, 1,700 bytes); OpenOcean's call list with its V3 helper (1,924 bytes); a
    // Beefy zap whose third step is a KyberSwap route (3,755 bytes); a LI.FI Permit2Proxy call
    // forwarding a Squid bridge whose swap is a KyberSwap route (6,852 bytes); a 0x
    // meta-transaction around transformERC20 with a Uniswap V3 bridge order (3,528 bytes); Odos's
    // compact swap (199 bytes); Magpie's program of 15 commands through a Camelot pair (708 bytes).
    let named = [
        ("real LlamaZip word", "0x5a3e6748dd62b943918508a7495df0dc481a054af9dc607a7b85f167a9cc54c2"),
        ("real KyberSwap swap (route unknown)", "0xbcc690fb11b0a6b0f3b1e5bed6abb5c3e93d5b4855472f94adea824bfa2be6ed"),
        ("real OpenOcean swap (V3 helper)", "0xf882a6a323bdc7ac05e78e2c346fddb489249afc04e68f09b1858ab357c8ede0"),
        ("real Beefy zap (wraps KyberSwap)", "0xc964a5c62d7ce489e8d21d5a222bebbb11fccd802fe250cf66118a17f06e9ee5"),
        ("real LI.FI Permit2Proxy (Diamond, KyberSwap)", "0x812c09ea25ccfa9db288c40d086bbec21ab23b8ebce18a9d388111488f7db945"),
        ("real 0x meta-transaction (transformERC20, V3 bridge order)", "0x355c18ab70fb5d17098b6bc8fd527ce00f0b25c8220d6fe29522a1fb64b711bc"),
        ("real Odos swapCompact (route unknown)", "0xab0ca6d2749425e0e45a60dc66daa5059276bf2b97db5939949e24564dff9826"),
        ("real Magpie program (15 commands, 1 V2 hop)", "0xfb27923fce50ff6769e364c48b8fd32d1bf83e4c2b67bdc49d12627873c5908a"),
    ]
    var cases: [(String, ContractCall)] = []
    for (name, hash) in named {
        guard let tx = swaps[hash], let to = tx.to else { fatalError("real swap \(hash) missing from the fixture") }
        cases.append((name, ContractCall(to: to, data: tx.data, value: tx.value)))
    }
    cases += oneInchDirectCases()
    // An approve sent to the Beefy zap router: a known aggregator, an unknown selector.
    let approve = FunctionSelector.bytes(FunctionSelector.of("approve(address,uint256)")) + [UInt8](repeating: 0, count: 64)
    cases.append(("Beefy zap router approve (not a swap)", ContractCall(to: cases[3].1.to, data: approve[...], value: .zero)))
    for (name, call) in cases {
        var classifier = SwapClassifier(loaded)
        Benchmark("Classify + decode aggregator: \(name) (per op, 1000 per sample)", configuration: .init(scalingFactor: .kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(classifier.classify(call))
            }
        }
    }
}

/// 1inch's direct forms, constructed (the fixture's 1inch calls are executor swaps): a V5
/// `unoswap` of USDC through two V2-like pairs (the second reversed), and a V6 `unoswap2` through a
/// Uniswap V2 pair and a Uniswap V3 pool (zeroForOne), to the configured routers.
private func oneInchDirectCases() -> [(String, ContractCall)] {
    func word(_ value: UInt256) -> [UInt8] { value.bigEndianBytes }
    func address(_ hex: String) -> UInt256 {
        guard let address = try? Address(hex: hex), let value = UInt256(bigEndian: address.bytes) else { fatalError("bad address \(hex)") }
        return value
    }
    let usdc = address("0xaf88d065e77c8cC2239327C5EDb3A432268e5831")
    let pair1 = address("0xF64Dfe17C8b87F012FCf50FbDA1D62bfA148366a")
    let pair2 = address("0x84652bb2539513BAf36e225c930Fdd8eaa63CE27") | (UInt256.one << 255)
    let amount = UInt256(2_500_000_000)
    let minReturn = UInt256(1_000_000_000_000_000_000)
    let unoswap = FunctionSelector.bytes(FunctionSelector.of("unoswap(address,uint256,uint256,uint256[])"))
        + word(usdc) + word(amount) + word(minReturn) + word(UInt256(0x80)) + word(UInt256(2)) + word(pair1) + word(pair2)
    let v2 = pair1 | (UInt256(997_000_000) << 160)
    let v3 = address("0xC6962004f452bE9203591991D15f6b388e09E8D0") | (UInt256.one << 247) | (UInt256.one << 253)
    let unoswap2 = FunctionSelector.bytes(FunctionSelector.of("unoswap2(uint256,uint256,uint256,uint256,uint256)"))
        + word(usdc) + word(amount) + word(minReturn) + word(v2) + word(v3)
    guard let v5 = try? Address(hex: "0x1111111254EEB25477B68fb85Ed929f73A960582"),
          let v6 = try? Address(hex: "0x111111125421cA6dc452d289314280a0f8842A65") else { fatalError("bad router address") }
    return [
        ("1inch V5 unoswap, 2 pairs (constructed)", ContractCall(to: v5, data: unoswap[...], value: .zero)),
        ("1inch V6 unoswap2, V2 then V3 (constructed)", ContractCall(to: v6, data: unoswap2[...], value: .zero)),
    ]
}

/// Classifying the direct-route forms whose pools the calldata writes, constructed (the fixture
/// has none): an Augustus V6.2 `swapExactAmountInOnUniswapV3` through two pools (WETH → USDC
/// 0.05% → USDT 0.01%, 612 bytes) and a 0x `sellTokenForTokenToUniswapV3` through one (WETH →
/// USDC 0.05%, 228 bytes); each pool is derived by CREATE2 (two Keccak permutations).
func directRouteBenchmarks(_ loaded: LoadedConfig) {
    let augustusV6 = "0x876a02f60000000000000000000000000000000000000000000000000000000000000060000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000000000024000000000000000000000000082af49447d8a07e3bd95bd0d56f352"
        + "41523fbab1000000000000000000000000fd086bc7cd5c481dcc9c85ebe478a1c0b69fcbb90000000000000000000000000000000000000000000000000de0b6"
        + "b3a764000000000000000000000000000000000000000000000000000000000000b2d05e00000000000000000000000000000000000000000000000000000000"
        + "00b368f4800000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
        + "00000000000000000000000000000000000000000000000000000000000000000000000100000000000000000000000000000000000000000000000000000000"
        + "00000000c080000000000000000000000082af49447d8a07e3bd95bd0d56f35241523fbab1000000000000000000000000af88d065e77c8cc2239327c5edb3a4"
        + "32268e583100000000000000000000000000000000000000000000000000000000000001f4800000000000000000000000af88d065e77c8cc2239327c5edb3a4"
        + "32268e5831000000000000000000000000fd086bc7cd5c481dcc9c85ebe478a1c0b69fcbb9000000000000000000000000000000000000000000000000000000"
        + "00000000640000000000000000000000000000000000000000000000000000000000000000"
    let zeroEx = "0x6af479b200000000000000000000000000000000000000000000000000000000000000800000000000000000000000000000000000000000000000000de0b6"
        + "b3a764000000000000000000000000000000000000000000000000000000000000b2d05e00000000000000000000000000000000000000000000000000000000"
        + "0000000000000000000000000000000000000000000000000000000000000000000000002b82af49447d8a07e3bd95bd0d56f35241523fbab10001f4af88d065"
        + "e77c8cc2239327c5edb3a432268e5831000000000000000000000000000000000000000000"
    let cases = [
        ("ParaSwap V6.2 swapExactAmountInOnUniswapV3, 2 pools", "0x6A000F20005980200259B80c5102003040001068", augustusV6),
        ("0x sellTokenForTokenToUniswapV3, 1 pool", "0xDef1C0ded9bec7F1a1670819833240f027b25EfF", zeroEx),
    ]
    for (name, to, hex) in cases {
        guard let router = try? Address(hex: to), let data = try? Hex.decode(hex) else { fatalError("bad constructed call \(name)") }
        let call = ContractCall(to: router, data: data[...], value: .zero)
        var classifier = SwapClassifier(loaded)
        Benchmark("Classify + decode aggregator: \(name) (per op, 1000 per sample)", configuration: .init(scalingFactor: .kilo)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(classifier.classify(call))
            }
        }
    }
}
