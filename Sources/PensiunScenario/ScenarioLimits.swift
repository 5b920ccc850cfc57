/// The bounds on what reading one scenario may cost. A scenario file is a few kilobytes of
/// hand-written YAML (its tables live in CSV files), so each bound is far above any real scenario
/// and far below what would exhaust memory or the stack: a "billion laughs" alias bomb, a
/// thousand-file `extends` chain or a device named as a base are refused with a located message.
public enum ScenarioLimits {
    /// The largest scenario or sweep file read, in bytes (16 MiB).
    public static let fileBytes = 16 << 20
    /// The most values (scalars, lists and mappings, counting every repetition of an alias) one
    /// YAML document may expand to.
    public static let nodes = 100_000
    /// The deepest nesting of lists and mappings in one YAML document.
    public static let depth = 64
    /// The most scenario files one `extends` chain may hold, the extending file included.
    public static let extendsFiles = 32
}
