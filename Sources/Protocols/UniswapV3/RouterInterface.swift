import Kernel

/// One router's interface: turns a call to it into legs, whether the call is the transaction's
/// own or an element of one of the router's multicalls.
protocol RouterInterface: Sendable {
    /// Appends the legs of `call` (selector and arguments, a slice of the outermost calldata) to
    /// `unroller` and returns the function's name; nil, appending nothing, when the selector is
    /// not one of the router's swap or multicall functions. `depth` is the nesting level of the
    /// enclosing multicall (0 for none); `deadline` the earliest deadline of the enclosing
    /// multicalls, if they carry one.
    func append(_ call: ArraySlice<UInt8>, depth: Int, deadline: UInt256?, to unroller: inout MulticallUnroller) throws(DecodingError) -> String?
}
