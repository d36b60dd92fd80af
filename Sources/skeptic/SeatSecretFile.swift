import Foundation

/// Reads the secret that holds a remote seat: from `--secret-file`, else from the environment
/// variable `SKEPTIC_SEAT_SECRET` (set by an arena for the bots it starts).
enum SeatSecretFile {
  static func read(_ path: String?) throws(CommandError) -> String? {
    guard let path else { return ProcessInfo.processInfo.environment["SKEPTIC_SEAT_SECRET"] }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandError(
        "--secret-file \(path): cannot read it (the arena writes seats/NAME.secret in its match folder)")
    }
    let secret = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !secret.isEmpty else { throw CommandError("--secret-file \(path) is empty") }
    return secret
  }
}
