/// The version of Gloss itself (not of the plugin ABI).
public enum GlossVersion {
    public static let current = "0.1.0"
}
