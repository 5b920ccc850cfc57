/// The version printed by `pensiun --version` and recorded in every output folder.
enum PensiunVersion {
    static let string = "0.1.0"
}
