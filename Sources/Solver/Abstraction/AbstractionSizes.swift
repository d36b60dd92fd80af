/// Buckets per hold'em round: the preflop is lossless (169), the flop, turn and river sizes are
/// chosen. Written `169-200-200-200`, or by a preset's name.
public struct AbstractionSizes: Sendable, Equatable, CustomStringConvertible {
  /// Buckets per round, preflop first.
  public let buckets: [Int]

  /// Canonical hands per round with the board as one set (the most buckets a round can have).
  public static let canonicalHands = [169, 1_286_792, 13_960_050, 123_156_254]

  /// The presets: `quick` 169-200-200-200, `default` 169-1000-1000-1000, `large` 169-9000-9000-9000.
  public static let presets: [(name: String, sizes: [Int])] = [
    ("quick", [169, 200, 200, 200]), ("default", [169, 1_000, 1_000, 1_000]), ("large", [169, 9_000, 9_000, 9_000]),
  ]

  /// - Throws: ``SolverError`` (`badParameter`) naming the round that is wrong.
  public init(_ buckets: [Int]) throws(SolverError) {
    guard buckets.count == 4 else {
      throw SolverError(.badParameter, "bucket sizes: four rounds (preflop-flop-turn-river), not \(buckets.count)")
    }
    guard buckets[0] == 169 else {
      throw SolverError(.badParameter, "bucket sizes: the preflop is lossless, 169 buckets, not \(buckets[0])")
    }
    for (round, name) in ["flop", "turn", "river"].enumerated() {
      let count = buckets[round + 1]
      guard (1...min(65_535, Self.canonicalHands[round + 1])).contains(count) else {
        throw SolverError(
          .badParameter,
          "bucket sizes: \(count) \(name) buckets; 1 to \(min(65_535, Self.canonicalHands[round + 1])) can be made")
      }
    }
    self.buckets = buckets
  }

  /// Parses `169-200-200-200` or a preset name.
  ///
  /// - Throws: ``SolverError`` (`badParameter`) saying what was expected.
  public init(parsing text: String) throws(SolverError) {
    if let preset = Self.presets.first(where: { $0.name == text }) {
      try self.init(preset.sizes)
      return
    }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 4, parts.allSatisfy({ $0 != nil }) else {
      throw SolverError(
        .badParameter,
        "bucket sizes: '\(text)' is not four counts like 169-200-200-200 nor a preset (quick, default, large)")
    }
    try self.init(parts.map { $0! })
  }

  public var description: String { buckets.map(String.init).joined(separator: "-") }
}
