import Foundation

/// Names for files and folders a test writes, unique per call, under the temporary folder.
public enum Scratch {
  /// A path that does not exist yet: `skeptic-UUID-NAME` in the temporary folder.
  public static func path(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("skeptic-\(UUID().uuidString)-\(name)").path
  }

  /// A new empty folder in the temporary folder, named `skeptic-PREFIX-UUID`.
  public static func directory(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("skeptic-\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
