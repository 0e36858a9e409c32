import Foundation
@testable import Host
import Kernel
import Testing

/// Web3 Secret Storage v3 keystores both ways: eth-account's (scrypt and pbkdf2) decrypt here;
/// ours decrypt with eth-account (run in the project's `.venv`, as the local-chain tests run
/// Python); a wrong password and malformed fields are typed errors that name the file and field.
@Suite struct KeystoreTests {
    static func vectors() throws -> [[String: Any]] { try Fixture.generated("signing.json").objects("keystores") }

    /// A new path in the temporary directory.
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mevbot-keystore-\(UUID().uuidString).json").path
    }

    /// Writes `json` (a keystore object) to a new temporary file; its path.
    static func write(_ json: [String: Any]) throws -> String {
        let path = temporaryPath()
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A cheap scrypt, so that tests do not spend 256 MiB and a second per keystore.
    static func cheapScrypt(salt: [UInt8]) -> KeystoreKDF { .scrypt(n: 1 << 10, r: 8, p: 1, salt: salt) }

    @Test func ethAccountKeystoresDecrypt() throws {
        let vectors = try Self.vectors()
        #expect(Set(try vectors.map { try $0.string("kdf") }) == ["scrypt", "pbkdf2"])
        for v in vectors {
            let path = try Self.write(try v.object("keystore"))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let key = try KeystoreFile.read(path: path, password: v.string("password"))
            #expect(key.address == (try v.address("address")))
            #expect(key.address == (try PrivateKey(hex: v.string("key"))).address)
        }
    }

    @Test func aWrongPasswordIsTypedAndNamesTheFileOnly() throws {
        let v = try #require(try Self.vectors().first { try $0.string("password").count > 3 })
        let path = try Self.write(try v.object("keystore"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let password = try v.string("password")
        let error = try #require(throws: KeystoreError.self) { try KeystoreFile.read(path: path, password: password + "!") }
        #expect(error == KeystoreError(file: path, .wrongPassword))
        #expect(error.description.contains(path))
        #expect(!error.description.contains(password))
        #expect(!error.description.contains(try v.string("key").dropFirst(2)))
    }

    /// Each change to a valid keystore and the field its error must name.
    static func damages() -> [(String, ([String: Any]) -> [String: Any], KeystoreError.Problem)] { [
        ("no version", { $0.removing("version") }, .malformed(field: "version", reason: "missing")),
        ("version 4", { $0.setting("version", 4) }, .unsupported(field: "version", value: "4")),
        ("no crypto", { $0.removing("crypto") }, .malformed(field: "crypto", reason: "missing")),
        ("crypto a string", { $0.setting("crypto", "x") }, .malformed(field: "crypto", reason: "expected an object")),
        ("cipher", { $0.crypto { $0.setting("cipher", "aes-128-cbc") } }, .unsupported(field: "crypto.cipher", value: "aes-128-cbc")),
        ("iv not hex", { $0.crypto { $0.setting("cipherparams", ["iv": "zz"]) } }, .malformed(field: "crypto.cipherparams.iv", reason: "expected hex")),
        ("iv short", { $0.crypto { $0.setting("cipherparams", ["iv": "00ff"]) } }, .malformed(field: "crypto.cipherparams.iv", reason: "expected 16 bytes, got 2")),
        ("no ciphertext", { $0.crypto { $0.removing("ciphertext") } }, .malformed(field: "crypto.ciphertext", reason: "missing")),
        ("ciphertext short", { $0.crypto { $0.setting("ciphertext", "abcd") } }, .malformed(field: "crypto.ciphertext", reason: "expected 32 bytes, got 2")),
        ("mac a number", { $0.crypto { $0.setting("mac", 7) } }, .malformed(field: "crypto.mac", reason: "expected hex")),
        ("mac short", { $0.crypto { $0.setting("mac", "00") } }, .malformed(field: "crypto.mac", reason: "expected 32 bytes, got 1")),
        ("kdf", { $0.crypto { $0.setting("kdf", "argon2id") } }, .unsupported(field: "crypto.kdf", value: "argon2id")),
        ("no kdfparams", { $0.crypto { $0.removing("kdfparams") } }, .malformed(field: "crypto.kdfparams", reason: "missing")),
        ("no salt", { $0.kdfParameters { $0.removing("salt") } }, .malformed(field: "crypto.kdfparams.salt", reason: "missing")),
        ("dklen", { $0.kdfParameters { $0.setting("dklen", 16) } }, .unsupported(field: "crypto.kdfparams.dklen", value: "16")),
        ("dklen a string", { $0.kdfParameters { $0.setting("dklen", "32") } },
         .malformed(field: "crypto.kdfparams.dklen", reason: "expected an integer in \(Int.min)...\(Int.max)")),
        ("address short", { $0.setting("address", "abcd") }, .malformed(field: "address", reason: "expected 20 bytes, got 2")),
        ("address of another key", { $0.setting("address", String(repeating: "11", count: 20)) }, .addressMismatch),
        ("ciphertext changed", { $0.crypto { $0.setting("ciphertext", String(repeating: "00", count: 32)) } }, .wrongPassword),
    ] }

    @Test func aDamagedKeystoreNamesTheField() throws {
        let vectors = try Self.vectors()
        for (name, damage, problem) in Self.damages() {
            for kdf in ["scrypt", "pbkdf2"] {
                let v = try #require(try vectors.first { try $0.string("kdf") == kdf })
                let path = try Self.write(damage(try v.object("keystore")))
                defer { try? FileManager.default.removeItem(atPath: path) }
                #expect(throws: KeystoreError(file: path, problem), "\(name), \(kdf)") { try KeystoreFile.read(path: path, password: v.string("password")) }
            }
        }
    }

    @Test func kdfParametersAreNamedAndBounded() throws {
        let vectors = try Self.vectors()
        let scrypt = try #require(try vectors.first { try $0.string("kdf") == "scrypt" })
        let pbkdf2 = try #require(try vectors.first { try $0.string("kdf") == "pbkdf2" })
        let cases: [([String: Any], ([String: Any]) -> [String: Any], KeystoreError.Problem)] = [
            (scrypt, { $0.kdfParameters { $0.setting("n", 1000) } }, .malformed(field: "crypto.kdfparams.n", reason: "must be a power of two above 1")),
            (scrypt, { $0.kdfParameters { $0.setting("r", 0) } }, .malformed(field: "crypto.kdfparams.r", reason: "must be positive")),
            (scrypt, { $0.kdfParameters { $0.setting("p", 0) } }, .malformed(field: "crypto.kdfparams.p", reason: "must be positive")),
            (scrypt, { $0.kdfParameters { $0.setting("n", 1 << 30) } }, .unsupported(field: "crypto.kdfparams.n", value: "1073741824 with r 8 (over 2 GiB of memory)")),
            (pbkdf2, { $0.kdfParameters { $0.setting("prf", "hmac-sha512") } }, .unsupported(field: "crypto.kdfparams.prf", value: "hmac-sha512")),
            (pbkdf2, { $0.kdfParameters { $0.setting("c", 0) } }, .malformed(field: "crypto.kdfparams.c", reason: "must be in 1...2147483647")),
        ]
        for (v, damage, problem) in cases {
            let path = try Self.write(damage(try v.object("keystore")))
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect(throws: KeystoreError(file: path, problem)) { try KeystoreFile.read(path: path, password: v.string("password")) }
        }
    }

    @Test func whatIsNotAKeystoreFileSaysSo() throws {
        let missing = Self.temporaryPath()
        #expect(throws: KeystoreError(file: missing, .unreadable("No such file or directory"))) { try KeystoreFile.read(path: missing, password: "") }
        let path = Self.temporaryPath()
        try Data("{\"version\": 3,".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: KeystoreError.self) { try KeystoreFile.read(path: path, password: "") }
        guard case .notJSON = error.problem else { throw FixtureError("expected notJSON, got \(error)") }
    }

    @Test func ourKeystoresDecryptHereAndWithEthAccount() throws {
        let kdfs: [(String, ([UInt8]) -> KeystoreKDF)] = [("scrypt", Self.cheapScrypt), ("pbkdf2", { .pbkdf2(c: 2048, salt: $0) })]
        for (name, kdf) in kdfs {
            let key = try PrivateKey.generate()
            let password = "pässwörd \(name) ✓"
            let path = Self.temporaryPath()
            defer { try? FileManager.default.removeItem(atPath: path) }
            try KeystoreFile.create(path: path, key: key, password: password, kdf: kdf)
            #expect(try KeystoreFile.read(path: path, password: password).address == key.address)
            #expect(try EthAccount.decryptedAddress(keystore: path, password: password) == key.address.checksummed, "\(name)")
        }
    }

    @Test func theStandardKeystoreIsPrivateAndNeverOverwritten() throws {
        let key = try PrivateKey.generate()
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try KeystoreFile.create(path: path, key: key, password: "standard")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let document = try KeystoreDocument(json: Array(Data(contentsOf: URL(fileURLWithPath: path))))
        guard case .scrypt(1 << 18, 8, 1, let salt) = document.kdf else { throw FixtureError("not geth's standard scrypt: \(document.kdf)") }
        #expect(salt.count == 32)
        #expect(document.address == key.address)
        #expect(try KeystoreFile.read(path: path, password: "standard").address == key.address)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: KeystoreError(file: path, .exists)) { try KeystoreFile.create(path: path, key: try PrivateKey.generate(), password: "other") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // eth-account decrypts this standard keystore in AccountCommandTests (`account new` writes it).
    }
}

/// eth-account in the project's `.venv`, asked to decrypt a keystore; the password goes through
/// the environment, and only the account's address comes back.
enum EthAccount {
    static func decryptedAddress(keystore path: String, password: String) throws -> String {
        let python = LocalChain.packageRoot.appendingPathComponent(".venv/bin/python")
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", """
            import json, os, sys
            from eth_account import Account
            keystore = json.load(open(sys.argv[1]))
            print(Account.from_key(Account.decrypt(keystore, os.environ["KEYSTORE_PASSWORD"])).address)
            """, path]
        process.environment = ["KEYSTORE_PASSWORD": password]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw FixtureError("eth-account could not decrypt \(path)") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension Dictionary where Key == String, Value == Any {
    /// A copy without `key`.
    func removing(_ key: String) -> [String: Any] {
        var copy = self
        copy[key] = nil
        return copy
    }

    /// A copy with `key` set to `value`.
    func setting(_ key: String, _ value: Any) -> [String: Any] {
        var copy = self
        copy[key] = value
        return copy
    }

    /// A copy with the `crypto` object changed by `change`.
    func crypto(_ change: ([String: Any]) -> [String: Any]) -> [String: Any] {
        setting("crypto", change(self["crypto"] as? [String: Any] ?? [:]))
    }

    /// A copy with `crypto.kdfparams` changed by `change`.
    func kdfParameters(_ change: ([String: Any]) -> [String: Any]) -> [String: Any] {
        crypto { $0.setting("kdfparams", change($0["kdfparams"] as? [String: Any] ?? [:])) }
    }
}
