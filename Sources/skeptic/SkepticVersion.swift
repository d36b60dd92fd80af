/// The version `skeptic --version` prints.
enum SkepticVersion {
  static let current = "0.1.0"
}
