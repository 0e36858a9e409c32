import Kernel

/// Why a feed recording (or a file of bare frames) could not be read.
enum FeedRecordingError: Error, Equatable, CustomStringConvertible {
    /// Line `line` (counted from 1) of `path` was refused; reading can go on with the next line.
    case badLine(path: String, line: Int, problem: FeedRecordingLineError)
    /// `path` holds no frame at all: it is empty, or only headers, blank lines and refused lines.
    case noFrames(path: String)

    /// `path:line: problem`, or what a file without frames lacks.
    var description: String {
        switch self {
        case .badLine(let path, let line, let problem):
            "\(path):\(line): \(problem)"
        case .noFrames(let path):
            #"\#(path): no feed frame in the file (expected recording lines {"receivedAtNanos":…,"frame":…} or bare frame lines {"version":1,…})"#
        }
    }
}

/// Why one line of a recording was refused; offsets count bytes from the line's start.
enum FeedRecordingLineError: Error, Equatable, CustomStringConvertible {
    /// The line is not one JSON object with UTF-8 strings.
    case invalidJSON(JSONError)
    /// `receivedAtNanos` is not an unsigned 64-bit integer.
    case invalidReceivedAt(JSONError)
    /// The line has `frame` but no `receivedAtNanos`.
    case missingReceivedAt
    /// `frame` is neither an object nor a string (its value starts at the offset).
    case frameNotObjectOrString(at: Int)
    /// The line is longer than the reader's limit.
    case tooLong(limit: Int)

    /// One line for the user.
    var description: String {
        switch self {
        case .invalidJSON(let error): "invalid JSON: \(error)"
        case .invalidReceivedAt(let error): "\"receivedAtNanos\" is not an unsigned 64-bit integer: \(error)"
        case .missingReceivedAt: "\"receivedAtNanos\" missing"
        case .frameNotObjectOrString(let offset): "\"frame\" must be an object or a string (byte \(offset))"
        case .tooLong(let limit): "line longer than \(limit) bytes"
        }
    }
}
