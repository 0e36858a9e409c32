import CBrotli

/// The length of a byte string after brotli compression, measured the way nitro measures a
/// transaction for its L1 fee.
///
/// nitro `arbcompress/compress_common.go` `CompressLevel(input, level)` calls
/// `Compress(input, level, EmptyDictionary)`, which runs `crates/brotli/src/lib.rs`
/// `compress_fixed`: a fresh encoder (`BrotliEncoderCreateInstance`), `BROTLI_PARAM_QUALITY` =
/// level and `BROTLI_PARAM_LGWIN` = 22 (`DEFAULT_WINDOW_SIZE`, passed by `brotli_compress` in
/// `crates/brotli/src/cgo.rs`), one `BrotliEncoderCompressStream` with `BROTLI_OPERATION_FINISH`
/// into a buffer of `length + (length >> 10)·8 + 64` bytes (`compressedBufferSizeFor`), then a
/// check that the encoder finished. This does the same with the system library.
enum BrotliSize {
    /// The window nitro compresses with (`arbcompress.WINDOW_SIZE`).
    static let windowBits: UInt32 = 22

    /// The compressed length of `bytes` at `quality` (brotli treats qualities above 11 as 11);
    /// nil if the encoder fails (no memory) or the output does not fit nitro's buffer.
    static func compressedCount(of bytes: [UInt8], quality: UInt32) -> Int? {
        guard let encoder = BrotliEncoderCreateInstance(nil, nil, nil) else { return nil }
        defer { BrotliEncoderDestroyInstance(encoder) }
        guard BrotliEncoderSetParameter(encoder, BROTLI_PARAM_QUALITY, quality) == BROTLI_TRUE,
              BrotliEncoderSetParameter(encoder, BROTLI_PARAM_LGWIN, windowBits) == BROTLI_TRUE
        else { return nil }
        let capacity = bytes.count + (bytes.count >> 10) * 8 + 64
        var output = [UInt8](repeating: 0, count: capacity)
        var availableIn = bytes.count
        var availableOut = capacity
        let compressed = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                var nextIn = input.baseAddress
                var nextOut = out.baseAddress
                return BrotliEncoderCompressStream(encoder, BROTLI_OPERATION_FINISH, &availableIn, &nextIn, &availableOut, &nextOut, nil)
            }
        }
        guard compressed == BROTLI_TRUE, BrotliEncoderIsFinished(encoder) == BROTLI_TRUE else { return nil }
        return capacity - availableOut
    }
}
