import Foundation

/// Keystore files: read and decrypted, or created (never overwriting, readable by the owner only).
public enum KeystoreFile {
    /// The key in the keystore at `path`, decrypted with `password`.
    public static func read(path: String, password: String) throws(KeystoreError) -> PrivateKey {
        let contents: [UInt8]
        do {
            contents = try FileDescriptorIO.readAll(path)
        } catch let error as FileIOError {
            throw KeystoreError(file: path, .unreadable(error.reason))
        } catch {
            throw KeystoreError(file: path, .unreadable("\(error)"))
        }
        do {
            return try Keystore.decrypt(KeystoreDocument(json: contents), password: password)
        } catch {
            throw KeystoreError(file: path, error)
        }
    }

    /// Writes `key` encrypted under `password` to a new file at `path` with mode 0600, with
    /// geth's standard scrypt (n = 2^18, r = 8, p = 1) unless `kdf` says otherwise (given the salt).
    /// Refuses (`exists`) if anything is at `path`.
    public static func create(path: String, key: PrivateKey, password: String) throws(KeystoreError) {
        try create(path: path, key: key, password: password, kdf: KeystoreKDF.standardScrypt)
    }

    /// Writes `key` encrypted under `password` with the derivation `kdf` makes from a new salt.
    static func create(path: String, key: PrivateKey, password: String, kdf: (_ salt: [UInt8]) -> KeystoreKDF) throws(KeystoreError) {
        let text: String
        do {
            let salt = try Keystore.randomBytes(Keystore.saltLength)
            text = try Keystore.encrypt(key, password: password, kdf: kdf(salt)).json
        } catch {
            throw KeystoreError(file: path, error)
        }
        let fd: Int32
        do {
            fd = try FileDescriptorIO.createExclusively(path, mode: 0o600)
        } catch {
            throw KeystoreError(file: path, error.code == EEXIST ? .exists : .unwritable(error.reason))
        }
        defer { FileDescriptorIO.closeQuietly(fd) }
        do {
            try FileDescriptorIO.writeAll(fd, Array((text + "\n").utf8), path: path)
        } catch {
            unlink(path)
            throw KeystoreError(file: path, .unwritable("\(error)"))
        }
    }
}
