import Foundation

/// Why a file named as a scenario (on the command line, as an `extends:` base or as a sweep) cannot
/// be read as one. The descriptions never quote the file's content.
enum ScenarioFileProblem: Error, Equatable, Sendable {
    case missing
    /// A folder, a named pipe, a device or a socket: what it is, in words.
    case notRegular(String)
    /// More than ``ScenarioLimits/fileBytes`` bytes.
    case tooLarge
    /// The first byte that is not part of a UTF-8 sequence, 1-based line and column.
    case notUTF8(line: Int, column: Int)
    /// The system refused to open or read it (permission, I/O error): the system's reason.
    case unreadable(String)

    /// What is wrong, for "cannot read the scenario file (…)".
    var summary: String {
        switch self {
        case .missing: return "no such file"
        case let .notRegular(kind): return "expected a regular file, got \(kind)"
        case .tooLarge: return "expected at most \(ScenarioLimits.fileBytes >> 20) MiB, got more"
        case .notUTF8: return "not UTF-8 text"
        case let .unreadable(reason): return reason
        }
    }
}

/// Reads scenario files without ever blocking on or swallowing something that is not one: the
/// file type is checked before opening (a named pipe would block, a device never ends), the open
/// does not wait, the size read is capped and the bytes must be UTF-8.
enum ScenarioFileReader {
    /// The text of the regular file at `path`.
    static func contents(of path: String) throws(ScenarioFileProblem) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw problem(errno: errno) }
        try requireRegular(info.st_mode)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw problem(errno: errno) }
        defer { close(descriptor) }
        // The path may have been replaced between the two calls: check what was opened.
        guard fstat(descriptor, &info) == 0 else { throw problem(errno: errno) }
        try requireRegular(info.st_mode)
        let bytes = try readCapped(descriptor)
        return try decode(bytes)
    }

    /// Throws unless `mode` is a regular file's.
    static func requireRegular(_ mode: mode_t) throws(ScenarioFileProblem) {
        switch mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw .notRegular("a folder")
        case S_IFIFO: throw .notRegular("a named pipe (FIFO)")
        case S_IFCHR, S_IFBLK: throw .notRegular("a device")
        case S_IFSOCK: throw .notRegular("a socket")
        default: throw .notRegular("a special file")
        }
    }

    /// Every byte of the open file, or ``ScenarioFileProblem/tooLarge`` past the cap. Files of
    /// `/proc` report a size of zero, so the size is not trusted: reading stops at the cap.
    static func readCapped(_ descriptor: Int32) throws(ScenarioFileProblem) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw problem(errno: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > ScenarioLimits.fileBytes { throw .tooLarge }
        }
    }

    /// `bytes` as text, or the line and column of the first byte that is not UTF-8.
    static func decode(_ bytes: [UInt8]) throws(ScenarioFileProblem) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(scalar): offset += scalar.count
            case .emptyInput: return String(decoding: bytes, as: UTF8.self)
            case .error:
                let place = TextPosition(after: String(decoding: bytes[..<offset], as: UTF8.self).unicodeScalars)
                throw .notUTF8(line: place.line, column: place.column)
            }
        }
    }

    static func problem(errno code: Int32) -> ScenarioFileProblem {
        code == ENOENT || code == ENOTDIR ? .missing : .unreadable(String(cString: strerror(code)))
    }
}
