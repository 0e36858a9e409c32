import Foundation
@testable import Host
import Kernel
import Testing

/// Where the key comes from (`KeySource`), and that no key or password shows in any text a key,
/// a signer or an error gives: `String(describing:)`, `String(reflecting:)`, `dump` and
/// `localizedDescription` of each are searched for the secret's hex.
@Suite struct KeySecrecyTests {
    static let secretHex = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
    static let password = "correct-horse-battery-staple-7"

    /// Every text a value gives.
    static func texts(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        var texts = [String(describing: value), String(reflecting: value), dumped, "\(value)"]
        if let error = value as? any Error { texts.append(error.localizedDescription) }
        return texts
    }

    /// Records an issue for any text of `value` that holds the key (as hex in either case, or as
    /// the decimal of its first 8 bytes) or the password.
    static func expectSecretFree(_ value: Any, sourceLocation: SourceLocation = #_sourceLocation) {
        let firstWord = UInt64(Self.secretHex.prefix(16), radix: 16).map { String($0) } ?? "?"
        for text in texts(value) {
            let lower = text.lowercased()
            for secret in [Self.secretHex, String(Self.secretHex.prefix(16)), firstWord, Self.password.lowercased()] {
                #expect(!lower.contains(secret), "\(text)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func theKeyComesFromTheKeystoreElseTheEnvironment() throws {
        let key = try PrivateKey(hex: Self.secretHex)
        #expect(KeySource(keystore: nil) == .environment)
        #expect(KeySource(keystore: "k.json") == .keystore(path: "k.json"))
        #expect(try KeySource.environment.load(environment: ["MEVBOT_PRIVATE_KEY": "0x" + Self.secretHex]).address == key.address)
        #expect(try KeySource.environment.load(environment: ["MEVBOT_PRIVATE_KEY": Self.secretHex + "\n"]).address == key.address)
        #expect(throws: KeySourceError.missing(variable: "MEVBOT_PRIVATE_KEY")) { try KeySource.environment.load(environment: [:]) }
        let path = KeystoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try KeystoreFile.create(path: path, key: key, password: Self.password, kdf: KeystoreTests.cheapScrypt)
        let environment = ["MEVBOT_KEYSTORE_PASSWORD": Self.password, "MEVBOT_PRIVATE_KEY": "0x" + String(repeating: "22", count: 32)]
        #expect(try KeySource.keystore(path: path).load(environment: environment).address == key.address)
        #expect(throws: KeySourceError.missing(variable: "MEVBOT_KEYSTORE_PASSWORD")) { try KeySource.keystore(path: path).load(environment: [:]) }
        #expect(throws: KeySourceError.emptyPassword(variable: "MEVBOT_KEYSTORE_PASSWORD")) {
            try KeySource.newKeystorePassword(environment: ["MEVBOT_KEYSTORE_PASSWORD": ""])
        }
    }

    @Test func noKeyOrPasswordInAnyText() throws {
        let key = try PrivateKey(hex: Self.secretHex)
        Self.expectSecretFree(key)
        Self.expectSecretFree(TransactionSigner(key: key))
        Self.expectSecretFree([key])
        // Errors from real failures: a near-miss key in the environment, a wrong password, and
        // every other error case.
        var errors: [any Error] = []
        for text in [Self.secretHex + "zz", Self.secretHex.dropLast(2) + "zz", Self.secretHex + "00", "0x" + Self.secretHex.dropLast(1)] {
            do {
                _ = try KeySource.environment.load(environment: ["MEVBOT_PRIVATE_KEY": text])
                Issue.record("\(text.count) characters accepted")
            } catch {
                errors.append(error)
            }
        }
        let path = KeystoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try KeystoreFile.create(path: path, key: key, password: Self.password, kdf: KeystoreTests.cheapScrypt)
        for password in [Self.password + "x", String(Self.password.dropLast()), Self.secretHex] {
            do {
                _ = try KeySource.keystore(path: path).load(environment: ["MEVBOT_KEYSTORE_PASSWORD": password])
                Issue.record("a wrong password decrypted")
            } catch {
                #expect(error == .keystore(KeystoreError(file: path, .wrongPassword)))
                errors.append(error)
            }
        }
        do {
            try KeystoreFile.create(path: path, key: key, password: Self.password, kdf: KeystoreTests.cheapScrypt)
        } catch {
            errors.append(error)
        }
        let problems: [KeystoreError.Problem] = [
            .unreadable("x"), .notJSON("x"), .malformed(field: "crypto.mac", reason: "x"), .unsupported(field: "crypto.kdf", value: "x"),
            .wrongPassword, .invalidKey, .addressMismatch, .exists, .unwritable("x"), .crypto("x"),
        ]
        errors += problems.map { KeystoreError(file: path, $0) }
        errors += [PrivateKey.Error.wrongLength(31), .notHex, .outOfRange, .randomUnavailable]
        errors += [KeySourceError.missing(variable: "MEVBOT_PRIVATE_KEY"), .emptyPassword(variable: "MEVBOT_KEYSTORE_PASSWORD")]
        #expect(errors.count == 8 + problems.count + 6)
        for error in errors { Self.expectSecretFree(error) }
    }
}
