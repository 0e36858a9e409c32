import Foundation

/// Writes one line to standard error.
func printToStandardError(_ line: String) {
    var stream = StandardError()
    print(line, to: &stream)
}

/// Standard error as a text stream.
struct StandardError: TextOutputStream {
    /// Writes `string` as UTF-8.
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
