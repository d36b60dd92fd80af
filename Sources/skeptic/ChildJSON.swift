import Foundation

/// Runs a program that prints one JSON object, for the benchmarks that time a peer or a fresh
/// `skeptic` process.
enum ChildJSON {
  /// The object the program printed, or nil when it failed or printed something else.
  static func run(_ executable: URL, _ arguments: [String]) throws -> [String: Any]? {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
  }
}
