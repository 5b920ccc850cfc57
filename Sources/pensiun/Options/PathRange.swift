import ArgumentParser

/// `A..B`: the paths A ..< B of a run.
struct PathRange: ExpressibleByArgument, Equatable {
    let lower: Int
    let upper: Int
    init?(argument: String) {
        let parts = argument.components(separatedBy: "..")
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 0, b > a else { return nil }
        lower = a
        upper = b
    }
}
