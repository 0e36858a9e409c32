// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "mevbot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mevbot", targets: ["mevbot"]),
        .library(name: "Kernel", targets: ["Kernel"]),
        .library(name: "Engine", targets: ["Engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        .package(url: "https://github.com/apple/swift-atomics", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The system libsecp256k1 (Debian's libsecp256k1-dev), with its recovery module.
        .systemLibrary(
            name: "CSecp256k1",
            pkgConfig: "libsecp256k1",
            providers: [.apt(["libsecp256k1-dev"])]
        ),
        // The system brotli encoder (Debian's libbrotli-dev), for Arbitrum's L1 data fee.
        .systemLibrary(
            name: "CBrotli",
            pkgConfig: "libbrotlienc",
            providers: [.apt(["libbrotli-dev"])]
        ),
        // The system OpenSSL libcrypto (Debian's libssl-dev): the keystore's key derivation
        // (scrypt, PBKDF2) and cipher (AES-128-CTR), and random bytes for new keys.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Primitives, codecs, chain types. Standard library, Foundation-free, plus libsecp256k1.
        .target(
            name: "Kernel",
            dependencies: ["CSecp256k1"]
        ),
        // DEX families: one module each, importing Kernel only.
        .target(name: "UniswapV2", dependencies: ["Kernel"], path: "Sources/Protocols/UniswapV2"),
        .target(name: "UniswapV3", dependencies: ["Kernel"], path: "Sources/Protocols/UniswapV3"),
        .target(name: "Camelot", dependencies: ["Kernel"], path: "Sources/Protocols/Camelot"),
        .target(name: "Curve", dependencies: ["Kernel"], path: "Sources/Protocols/Curve"),
        // Aggregators: routers that swap through other DEXes' pools; one folder each, Kernel only.
        .target(name: "Aggregators", dependencies: ["Kernel"], path: "Sources/Protocols/Aggregators"),
        // The pure pipeline: pool graph and cycles, pending state, detection, sizing, costing.
        // Kernel only (and the system brotli for the L1 fee's compressed size): no sockets,
        // clocks, files or logging; deterministic. Its floating-point estimates' square roots
        // need libm on Linux.
        .target(
            name: "Engine",
            dependencies: ["Kernel", "CBrotli"],
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        // The host: config, feed client, classifier, commands. A library, so that tests and
        // benchmarks reach it; the `mevbot` executable below only runs its command line.
        .target(
            name: "Host",
            dependencies: [
                "Kernel", "Engine", "UniswapV2", "UniswapV3", "Camelot", "Curve", "Aggregators", "CSecp256k1", "COpenSSL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Atomics", package: "swift-atomics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The `mevbot` binary.
        .executableTarget(name: "mevbot", dependencies: ["Host"]),
        .testTarget(
            name: "KernelTests",
            dependencies: [
                "Kernel", "TestSupport",
                .product(name: "BigInt", package: "BigInt"),
            ],
            exclude: ["Fixtures"]
        ),
        // What every test target shares: fixture and vector loading, JSON field reads, the
        // seeded generator (the Engine benchmarks' synthetic universe draws from it too).
        .target(name: "TestSupport", dependencies: ["Kernel"], path: "Tests/TestSupport"),
        .testTarget(name: "UniswapV2Tests", dependencies: ["UniswapV2", "Kernel", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "UniswapV3Tests", dependencies: ["UniswapV3", "Kernel", "TestSupport", .product(name: "BigInt", package: "BigInt")], exclude: ["Fixtures"]),
        .testTarget(name: "CamelotTests", dependencies: ["Camelot", "Kernel", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CurveTests", dependencies: ["Curve", "Kernel", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "AggregatorsTests", dependencies: ["Aggregators", "Kernel", "TestSupport"]),
        .testTarget(
            name: "EngineTests",
            dependencies: ["Engine", "Kernel", "UniswapV2", "UniswapV3", "Camelot", "Curve", "TestSupport", .product(name: "BigInt", package: "BigInt")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "HostTests",
            dependencies: [
                "Host", "Engine", "Kernel", "UniswapV2", "UniswapV3", "Aggregators", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Fixtures"]
        ),
        .executableTarget(
            name: "KernelBenchmarks",
            dependencies: [
                "Kernel",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/KernelBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .target(name: "BenchmarkSupport", dependencies: ["Kernel", "UniswapV2", "TestSupport"], path: "Benchmarks/BenchmarkSupport"),
        .executableTarget(
            name: "HostBenchmarks",
            dependencies: ["Host", "Engine", "Kernel", "UniswapV2", "UniswapV3", "TestSupport", "BenchmarkSupport", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/HostBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "PoolMathBenchmarks",
            dependencies: ["UniswapV2", "UniswapV3", "Camelot", "Curve", "Kernel", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/PoolMathBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: ["Engine", "Kernel", "UniswapV2", "UniswapV3", "Curve", "TestSupport", "BenchmarkSupport", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/EngineBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "UniswapV3Benchmarks",
            dependencies: ["UniswapV3", "Kernel", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/UniswapV3Benchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

// Every protocol used as a type says so (`any P`), in every target of the package.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("ExistentialAny")]
}
