// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "mevbot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mevbot", targets: ["Host"]),
        .library(name: "Kernel", targets: ["Kernel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The system libsecp256k1 (Debian's libsecp256k1-dev), with its recovery module.
        .systemLibrary(
            name: "CSecp256k1",
            pkgConfig: "libsecp256k1",
            providers: [.apt(["libsecp256k1-dev"])]
        ),
        // Primitives, codecs, chain types. Standard library, Foundation-free, plus libsecp256k1.
        .target(
            name: "Kernel",
            dependencies: ["CSecp256k1"]
        ),
        // DEX families: one module each, importing Kernel only.
        .target(name: "Curve", dependencies: ["Kernel"], path: "Sources/Protocols/Curve"),
        // The `mevbot` binary.
        .executableTarget(
            name: "Host",
            dependencies: [
                "Kernel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "KernelTests",
            dependencies: [
                "Kernel",
                .product(name: "BigInt", package: "BigInt"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "CurveTests", dependencies: ["Curve", "Kernel"], exclude: ["Fixtures"]),
        .testTarget(
            name: "HostTests",
            dependencies: ["Host", "Kernel"]
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
    ]
)
