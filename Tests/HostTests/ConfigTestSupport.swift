import Foundation
@testable import Host
import Kernel
import Testing

/// Small dex.yaml texts and helpers shared by the config and classifier tests.
enum ConfigTestSupport {
    /// The repository's real `config/dex.yaml`.
    static let realConfigPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("config/dex.yaml").path

    /// A registry of the toy family alone, so messages do not depend on the production list.
    static let toyRegistry = PluginRegistry([ToyDEXPlugin.self])

    static let weth = ArbitrumOne.wrappedNativeToken
    static let usdt = address("0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9")
    static let routerOne = address("0x1111111111111111111111111111111111111111")
    static let routerTwo = address("0x2222222222222222222222222222222222222222")
    static let pool = address("0x3333333333333333333333333333333333333333")

    /// A valid file: two tokens, an enabled toy entry with a router and a pool, a disabled one.
    static let validYAML = """
        chainId: 42161
        tokens:
          - {symbol: WETH, address: "0x82aF49447D8a07e3bd95BD0d56f35241523fBab1", decimals: 18}
          - {symbol: USDT, address: "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9", decimals: 6}
        dexes:
          - name: toy-one
            plugin: toy-dex
            enabled: true
            routers:
              - {name: Router, address: "0x1111111111111111111111111111111111111111", kind: toy-router}
            pools:
              - {name: WETH/USDT, address: "0x3333333333333333333333333333333333333333", coins: [WETH, USDT]}
          - name: toy-two
            plugin: toy-dex
            enabled: false
            routers:
              - {name: Router, address: "0x2222222222222222222222222222222222222222", kind: toy-router, version: "1"}
        """

    /// `validYAML` with one substring replaced (each test breaks one thing).
    static func yaml(replacing old: String, with new: String) -> String {
        if !validYAML.contains(old) { Issue.record("the test YAML has no \(old)") }
        return validYAML.replacingOccurrences(of: old, with: new)
    }

    /// The error lines loading `yaml` gives (empty when it loads).
    static func errors(_ yaml: String, registry: PluginRegistry = toyRegistry) -> [String] {
        do {
            _ = try ConfigLoader(registry: registry).load(yaml: yaml, file: "config/dex.yaml")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    /// A test address; a bad literal is a test bug.
    static func address(_ text: String) -> Address {
        (try? Address(hex: text)) ?? .zero
    }
}
