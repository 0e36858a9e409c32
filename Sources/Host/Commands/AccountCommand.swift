import ArgumentParser
import Foundation

/// `mevbot account`: the bot's signing key.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Create a keystore or show the address of the configured key.",
        subcommands: [AccountNewCommand.self, AccountAddressCommand.self]
    )
}

/// `mevbot account new --keystore FILE`: a new random key in a new keystore.
struct AccountNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new key in a new keystore file, encrypted with MEVBOT_KEYSTORE_PASSWORD.",
        discussion: """
            Draws a key from OpenSSL's RAND_bytes and writes it as a Web3 Secret Storage v3
            keystore (scrypt n=2^18 r=8 p=1, AES-128-CTR) to FILE with mode 0600, refusing to
            overwrite anything there. MEVBOT_KEYSTORE_PASSWORD must be set and not empty.
            Output: one line, the new account's EIP-55 checksummed address (0x and 40 hex
            digits). Exit status 1 with the reason on stderr otherwise.
            """
    )

    @Option(help: "The keystore file to create.")
    var keystore: String

    func run() throws {
        do {
            let password = try KeySource.newKeystorePassword(environment: ProcessInfo.processInfo.environment)
            let key = try PrivateKey.generate()
            try KeystoreFile.create(path: keystore, key: key, password: password)
            print(key.address.checksummed)
        } catch {
            printToStandardError("mevbot account new: \(error)")
            throw ExitCode(1)
        }
    }
}

/// `mevbot account address [--keystore FILE]`: the configured key's account.
struct AccountAddressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address",
        abstract: "Print the checksummed address of the configured key.",
        discussion: """
            The key is the keystore FILE decrypted with MEVBOT_KEYSTORE_PASSWORD when --keystore
            is given, else the hex key in MEVBOT_PRIVATE_KEY. Output: one line, the EIP-55
            checksummed address. Exit status 1 with the reason on stderr otherwise.
            """
    )

    @Option(help: "A keystore file (else MEVBOT_PRIVATE_KEY).")
    var keystore: String?

    func run() throws {
        do {
            let key = try KeySource(keystore: keystore).load(environment: ProcessInfo.processInfo.environment)
            print(key.address.checksummed)
        } catch {
            printToStandardError("mevbot account address: \(error)")
            throw ExitCode(1)
        }
    }
}
