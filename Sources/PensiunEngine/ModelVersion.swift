/// The version of the model the engine implements (docs/model.md, "model version"). Every output
/// folder's manifest records it. A change to the definition of any output bumps it, and the output
/// gets a new metric name rather than a silent change of meaning.
public enum ModelVersion {
    public static let current = "2.5"
}
