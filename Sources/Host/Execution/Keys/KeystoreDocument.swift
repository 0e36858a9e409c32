import Foundation
import Kernel

/// The fields of a Web3 Secret Storage v3 keystore (the JSON that geth, eth-account and wallets
/// write), as read or about to be written:
///
///     {"address": "<40 hex>", "id": "<uuid>", "version": 3,
///      "crypto": {"cipher": "aes-128-ctr", "cipherparams": {"iv": "<hex>"}, "ciphertext": "<hex>",
///                 "kdf": "scrypt" | "pbkdf2", "kdfparams": {...}, "mac": "<hex>"}}
///
/// Hex is written without `0x` and read with or without it.
struct KeystoreDocument: Equatable, Sendable {
    /// The key derivation.
    var kdf: KeystoreKDF
    /// The AES-128-CTR initial counter.
    var iv: [UInt8]
    /// The encrypted key.
    var ciphertext: [UInt8]
    /// keccak-256 of the derived key's bytes 16..<32 and the ciphertext.
    var mac: Hash32
    /// The account the file says it holds; optional in the format.
    var address: Address?

    /// A document from its fields.
    init(kdf: KeystoreKDF, iv: [UInt8], ciphertext: [UInt8], mac: Hash32, address: Address?) {
        self.kdf = kdf
        self.iv = iv
        self.ciphertext = ciphertext
        self.mac = mac
        self.address = address
    }

    /// Reads keystore JSON, each refusal naming the field.
    init(json text: [UInt8]) throws(KeystoreError.Problem) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            throw .notJSON(error.description)
        }
        let root: JSONFields
        do {
            root = try value.fields(at: "")
        } catch {
            throw .malformed(field: "", reason: error.message)
        }
        let version = try root.keystoreField("version", .integer(Int.self))
        guard version == 3 else { throw .unsupported(field: "version", value: String(version)) }
        let crypto = try root.keystoreField("crypto", .object)
        let cipher = try crypto.keystoreField("cipher", .string)
        guard cipher == KeystoreCipher.name else { throw .unsupported(field: crypto.place("cipher"), value: cipher) }
        let cipherParameters = try crypto.keystoreField("cipherparams", .object)
        iv = try cipherParameters.keystoreField("iv", Keystore.hexField)
        guard iv.count == KeystoreCipher.ivLength else {
            throw .malformed(field: cipherParameters.place("iv"), reason: "expected \(KeystoreCipher.ivLength) bytes, got \(iv.count)")
        }
        ciphertext = try crypto.keystoreField("ciphertext", Keystore.hexField)
        guard ciphertext.count == PrivateKey.byteCount else {
            throw .malformed(field: crypto.place("ciphertext"), reason: "expected \(PrivateKey.byteCount) bytes, got \(ciphertext.count)")
        }
        let macBytes = try crypto.keystoreField("mac", Keystore.hexField)
        guard let mac = Hash32(bytes: macBytes) else {
            throw .malformed(field: crypto.place("mac"), reason: "expected 32 bytes, got \(macBytes.count)")
        }
        self.mac = mac
        kdf = try KeystoreKDF(crypto: crypto)
        if root.has("address") {
            let bytes = try root.keystoreField("address", Keystore.hexField)
            guard let address = Address(bytes: bytes) else {
                throw .malformed(field: "address", reason: "expected 20 bytes, got \(bytes.count)")
            }
            self.address = address
        } else {
            address = nil
        }
    }

    /// The JSON text, with a new random (version 4) `id` as eth-account writes.
    var json: String {
        let (kdfName, kdfParameters) = kdf.json
        var crypto = JSONObject()
        crypto.append("cipher", .string(KeystoreCipher.name))
        crypto.append("cipherparams", .object(JSONObject([.init("iv", .string(Keystore.bareHex(iv)))])))
        crypto.append("ciphertext", .string(Keystore.bareHex(ciphertext)))
        crypto.append("kdf", .string(kdfName))
        crypto.append("kdfparams", .object(kdfParameters))
        crypto.append("mac", .string(mac.withUnsafeBytes { Keystore.bareHex($0.bindMemory(to: UInt8.self)) }))
        var root = JSONObject()
        if let address { root.append("address", .string(Keystore.bareHex(address.bytes))) }
        root.append("crypto", .object(crypto))
        root.append("id", .string(UUID().uuidString.lowercased()))
        root.append("version", .integer(3))
        return JSONValue.object(root).rendered
    }
}

extension JSONFields {
    /// Member `key` read by `read`, a refusal as the keystore's `malformed` problem.
    func keystoreField<Value>(_ key: String, _ read: JSONRead<Value>) throws(KeystoreError.Problem) -> Value {
        do {
            return try self.read(key, read)
        } catch {
            throw .malformed(field: error.field, reason: error.message)
        }
    }
}
