import Foundation
import Testing

/// The `mevbot account` commands as an operator runs them: `new` writes a 0600 keystore and
/// prints one checksummed address, refuses to overwrite; `address` prints the same address from
/// the keystore, or from MEVBOT_PRIVATE_KEY; neither prints a key or a password.
@Suite(.serialized) struct AccountCommandTests {
    static let binary = RunProcessTests.packageRoot.appendingPathComponent(".build/debug/mevbot")

    /// Runs `mevbot arguments` with `environment` added; its exit status, stdout and stderr.
    static func mevbot(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var base = ProcessInfo.processInfo.environment
        base["MEVBOT_PRIVATE_KEY"] = nil
        base["MEVBOT_KEYSTORE_PASSWORD"] = nil
        process.environment = base.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func newAndAddressAgreeAndKeepTheirSecrets() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the package first")
        let path = KeystoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let password = "account-command-password-1"
        let created = try Self.mevbot(["account", "new", "--keystore", path], environment: ["MEVBOT_KEYSTORE_PASSWORD": password])
        #expect(created.status == 0, "\(created.err)")
        let lines = created.out.split(separator: "\n")
        #expect(lines.count == 1)
        let address = String(lines.first ?? "")
        #expect(address.count == 42 && address.hasPrefix("0x"))
        #expect(address != address.lowercased(), "EIP-55 mixed case")
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try EthAccount.decryptedAddress(keystore: path, password: password) == address)

        let again = try Self.mevbot(["account", "new", "--keystore", path], environment: ["MEVBOT_KEYSTORE_PASSWORD": password])
        #expect(again.status == 1)
        #expect(again.out.isEmpty)
        #expect(again.err.contains("already exists"))

        let shown = try Self.mevbot(["account", "address", "--keystore", path], environment: ["MEVBOT_KEYSTORE_PASSWORD": password])
        #expect(shown.status == 0)
        #expect(shown.out == address + "\n")
        let wrong = try Self.mevbot(["account", "address", "--keystore", path], environment: ["MEVBOT_KEYSTORE_PASSWORD": password + "x"])
        #expect(wrong.status == 1)
        #expect(wrong.err.contains("wrong password") && wrong.err.contains(path))
        for output in [created, again, shown, wrong] {
            #expect(!(output.out + output.err).contains(password))
        }
    }

    @Test func addressReadsTheEnvironmentsKey() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the package first")
        let secret = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
        let shown = try Self.mevbot(["account", "address"], environment: ["MEVBOT_PRIVATE_KEY": "0x" + secret])
        #expect(shown.status == 0)
        // eth-account's documented example key and account.
        #expect(shown.out == "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23\n")
        let bad = try Self.mevbot(["account", "address"], environment: ["MEVBOT_PRIVATE_KEY": secret.dropLast(2) + "zz"])
        #expect(bad.status == 1)
        #expect(bad.err.contains("MEVBOT_PRIVATE_KEY"))
        let missing = try Self.mevbot(["account", "address"], environment: [:])
        #expect(missing.status == 1)
        #expect(missing.err.contains("MEVBOT_PRIVATE_KEY is not set"))
        for output in [shown, bad, missing] {
            #expect(!(output.out + output.err).lowercased().contains(secret.prefix(16)))
        }
    }
}
