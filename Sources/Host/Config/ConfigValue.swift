import Kernel

/// Parsing of the textual values in a config file, with messages fit for a person.
enum ConfigValue {
    /// Why a value was refused.
    struct Problem: Error, Equatable {
        /// The message, quoting the value.
        var message: String
    }

    /// A non-zero address: `0x` and 40 hex digits, all lower-case, all upper-case or with a
    /// correct EIP-55 checksum.
    static func address(_ text: String) -> Result<Address, Problem> {
        guard text.hasPrefix("0x"), text.utf8.count == 42 else {
            return .failure(Problem(message: "not 0x and 40 hex digits: \"\(text)\""))
        }
        do {
            let address = try Address(hex: text)
            guard address != .zero else { return .failure(Problem(message: "zero address")) }
            return .success(address)
        } catch .badChecksum {
            let expected = (try? Address(hex: text.lowercased()))?.checksummed ?? ""
            return .failure(Problem(message: "bad EIP-55 checksum \"\(text)\" (expected \"\(expected)\")"))
        } catch {
            return .failure(Problem(message: "not 0x and 40 hex digits: \"\(text)\""))
        }
    }

    /// A non-zero 32-byte hash: `0x` and 64 hex digits.
    static func hash(_ text: String) -> Result<Hash32, Problem> {
        guard text.hasPrefix("0x"), text.utf8.count == 66, let hash = try? Hash32(hex: text) else {
            return .failure(Problem(message: "not 0x and 64 hex digits: \"\(text)\""))
        }
        guard hash != .zero else { return .failure(Problem(message: "zero hash")) }
        return .success(hash)
    }
}
