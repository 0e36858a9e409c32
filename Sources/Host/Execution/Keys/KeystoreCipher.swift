import COpenSSL

/// AES-128-CTR (`crypto.cipher` `aes-128-ctr`) through OpenSSL's EVP interface. In counter mode
/// encryption and decryption are the same operation.
enum KeystoreCipher {
    /// The cipher's name in the keystore JSON.
    static let name = "aes-128-ctr"
    /// The key's length: the first 16 bytes of the derived key.
    static let keyLength = 16
    /// The initial counter's length (`crypto.cipherparams.iv`).
    static let ivLength = 16

    /// `input` encrypted (or decrypted) with `key` (16 bytes) from counter `iv` (16 bytes); nil
    /// when OpenSSL fails. A decrypted result is secret: the caller wipes it.
    static func apply(key: ArraySlice<UInt8>, iv: [UInt8], to input: [UInt8]) -> [UInt8]? {
        guard key.count == keyLength, iv.count == ivLength, let context = EVP_CIPHER_CTX_new() else { return nil }
        defer { EVP_CIPHER_CTX_free(context) }
        var output = [UInt8](repeating: 0, count: input.count + ivLength)
        var written: Int32 = 0
        var finalWritten: Int32 = 0
        let succeeded = key.withUnsafeBufferPointer { keyBytes in
            output.withUnsafeMutableBufferPointer { out in
                EVP_EncryptInit_ex(context, EVP_aes_128_ctr(), nil, keyBytes.baseAddress, iv) == 1
                    && EVP_EncryptUpdate(context, out.baseAddress, &written, input, Int32(input.count)) == 1
                    && EVP_EncryptFinal_ex(context, out.baseAddress.map { $0 + Int(written) }, &finalWritten) == 1
            }
        }
        let count = Int(written) + Int(finalWritten)
        guard succeeded, count == input.count else {
            wipe(&output)
            return nil
        }
        output.removeLast(output.count - count)  // room OpenSSL asks for, never written in CTR mode
        return output
    }
}
