import Kernel

/// One value per coin (balances, rates, scaled balances) for up to `CurveLimits.maxCoins` coins,
/// stored inline so that the Newton loops and a quote never allocate.
public struct CurveCoinValues: Sendable, Equatable {
    /// The number of coins.
    public let count: Int
    /// The values; slots at `count` and above stay zero.
    private var storage: (UInt256, UInt256, UInt256, UInt256, UInt256, UInt256, UInt256, UInt256)

    /// `count` zeros; `count` must lie in `0...CurveLimits.maxCoins` (callers check it).
    init(zeros count: Int) {
        self.count = count
        storage = (.zero, .zero, .zero, .zero, .zero, .zero, .zero, .zero)
    }

    /// The values of `array`, or nil for more than `CurveLimits.maxCoins` of them.
    public init?(_ array: [UInt256]) {
        guard array.count <= CurveLimits.maxCoins else { return nil }
        self.init(zeros: array.count)
        for (index, value) in array.enumerated() { self[index] = value }
    }

    /// The value of coin `index`, which callers keep in `0..<count` (indexes from outside are
    /// checked against `count` before they reach here).
    subscript(index: Int) -> UInt256 {
        get {
            switch index {
            case 0: storage.0
            case 1: storage.1
            case 2: storage.2
            case 3: storage.3
            case 4: storage.4
            case 5: storage.5
            case 6: storage.6
            default: storage.7
            }
        }
        set {
            switch index {
            case 0: storage.0 = newValue
            case 1: storage.1 = newValue
            case 2: storage.2 = newValue
            case 3: storage.3 = newValue
            case 4: storage.4 = newValue
            case 5: storage.5 = newValue
            case 6: storage.6 = newValue
            default: storage.7 = newValue
            }
        }
    }

    /// The values as an array.
    public var array: [UInt256] { (0..<count).map { self[$0] } }

    /// Equal counts and values.
    public static func == (lhs: CurveCoinValues, rhs: CurveCoinValues) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for index in 0..<lhs.count where lhs[index] != rhs[index] { return false }
        return true
    }
}
