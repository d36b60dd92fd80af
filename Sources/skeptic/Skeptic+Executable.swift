import Foundation

extension Skeptic {
  /// This program's own path, to launch bots as `skeptic bot` processes.
  static var executablePath: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }
}
