import Foundation
import Kernel

/// The next nonce kept on disk between runs (`execution.nonceFile`): `{"address","next"}`, so a
/// restart never hands out a nonce a transaction still in flight holds; a file written for
/// another key is ignored.
struct NonceFile {
    /// The file's path.
    let path: String

    /// The next nonce saved for `address`: nil when there is no file or it is for another key; a
    /// file that does not read is an error naming it and the field.
    func load(for address: Address) throws(NonceFileError) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            let fields = try JSONValue.parse(Array(data)).fields(at: "")
            guard try fields.read("address", .address) == address else { return nil }
            return try fields.read("next", .integer(UInt64.self))
        } catch let error as JSONFieldError {
            throw NonceFileError(path: path, message: "\(error)")
        } catch {
            throw NonceFileError(path: path, message: "not JSON (\(error))")
        }
    }

    /// Saves `next` for `address` atomically (written beside, then renamed).
    func save(next: UInt64, for address: Address) throws(NonceFileError) {
        var object = JSONObject()
        object.append("address", string: address.checksummed)
        object.append("next", .integer(next))
        do {
            try Data((JSONValue.object(object).rendered + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw NonceFileError(path: path, message: "cannot be written (\(error.localizedDescription))")
        }
    }
}

/// A nonce file that does not read or write, naming the file (and the field, in the message).
struct NonceFileError: Error, Equatable, CustomStringConvertible {
    /// The file.
    var path: String
    /// What is wrong.
    var message: String

    /// `path: message`.
    var description: String { "\(path): \(message)" }
}
