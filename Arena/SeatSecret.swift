import Foundation

/// The secrets that hold seats: random 128-bit values in hex.
enum SeatSecret {
  /// A fresh secret.
  static func make() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<2).map { _ in
      let word = generator.next() as UInt64
      let hex = String(word, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
  }

  /// The secret of remote seat `name`: the one the configuration gives, else the one kept in the
  /// match folder's `seats/NAME.secret` (readable by its owner only), made there when missing,
  /// so that a resumed match keeps its seats' secrets.
  static func remote(_ name: String, config: MatchRunner.Configuration) throws(ArenaError) -> String {
    if let given = config.seatSecrets[name] { return given }
    let folder = config.outDirectory + "/seats"
    let path = folder + "/" + name + ".secret"
    if let data = FileManager.default.contents(atPath: path) {
      let kept = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      if !kept.isEmpty { return kept }
    }
    let secret = make()
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    // Made readable by its owner alone from the first byte.
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else {
      throw ArenaError("\(path): cannot write the seat's secret: \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    let line = Array((secret + "\n").utf8)
    guard write(descriptor, line, line.count) == line.count else {
      throw ArenaError("\(path): cannot write the seat's secret: \(String(cString: strerror(errno)))")
    }
    return secret
  }
}
