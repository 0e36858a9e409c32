import COpenSSL

/// Wipes `bytes` in place with `OPENSSL_cleanse` (which the optimizer cannot drop): for the
/// password, derived keys and plaintext that pass through arrays on their way to a `PrivateKey`.
/// Swift may have copied an array before (on a write to a shared buffer); the callers keep
/// theirs unshared.
func wipe(_ bytes: inout [UInt8]) {
    bytes.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
}
