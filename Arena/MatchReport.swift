import Foundation

/// One pair's result.
public struct PairReport: Codable, Sendable, Hashable {
  public struct Point: Codable, Sendable, Hashable {
    public var hands: Int
    public var lower: Double?
    public var upper: Double?
    /// The first bot's mean winnings so far, in chips, and the two e-values' base-10 logarithms.
    public var mean: Double?
    public var log10EFirst: Double?
    public var log10ESecond: Double?
  }

  public var first: String
  public var second: String
  /// Chips per hand (Kuhn, Leduc) or milli-big-blinds per hand (hold'em); see ``scale``.
  public var unit: String
  /// Multiply chips by this to get ``unit``.
  public var scale = 1.0
  public var hands = 0
  /// The first bot's total and mean winnings in chips.
  public var total = 0.0
  public var mean = 0.0
  /// The (1 − α) confidence sequence's interval for the first bot's mean winnings per hand (per
  /// duplicate pair with duplicate deals), in chips, at the end.
  public var interval: [Double]?
  /// The e-values that the first (second) bot is better, capped at the largest finite double
  /// (about 1.8e308) so that every figure encodes; the log10 fields hold their exact size.
  public var eValueFirstBetter = 1.0
  public var eValueSecondBetter = 1.0
  public var log10EValueFirstBetter = 0.0
  public var log10EValueSecondBetter = 0.0
  /// How many hands had been played when an e-value first passed 1/α, and the bot it showed
  /// better (a test that stops there is valid, so the verdict stands whatever the e-value does
  /// afterwards).
  public var decidedAfterHands: Int?
  public var decidedFor: String?
  public var invalidActions = [0, 0]
  public var stoppedBecause: String?
  /// Hands kept in flight at once (the smaller of what the two bots accept).
  public var handsInFlight = 1
  /// Decisions answered in this session of the match, and their mean round trip (from sending
  /// the decision to reading the answer, queueing included when hands are in flight).
  public var decisions = 0
  public var meanRoundTripMicroseconds: Double?
  /// The interval over time, for the plot.
  public var curve: [Point] = []

  public init(first: String, second: String, unit: String) {
    self.first = first
    self.second = second
    self.unit = unit
  }

  /// Sets both e-values from their natural logarithms (which never overflow).
  public mutating func setEValues(logFirstBetter: Double, logSecondBetter: Double) {
    log10EValueFirstBetter = logFirstBetter / M_LN10
    log10EValueSecondBetter = logSecondBetter / M_LN10
    eValueFirstBetter = min(exp(logFirstBetter), .greatestFiniteMagnitude)
    eValueSecondBetter = min(exp(logSecondBetter), .greatestFiniteMagnitude)
  }

  /// The e-values with their verdict against 1/α: "e-value cfr better: 3.7e+06 ≥ 20: cfr is
  /// better, decided after 57 hands; random better: 1 < 20".
  func verdict(alpha: Double) -> String {
    let bar = String(format: "%g", 1 / alpha)
    let barLog10 = log10(1 / alpha)
    func side(_ name: String, _ log10Value: Double) -> String {
      let value = PairReport.eValueText(log10: log10Value)
      if decidedFor == name, let hands = decidedAfterHands {
        let now = log10Value >= barLog10 ? "\(value) ≥ \(bar)" : "\(value) (it passed \(bar) earlier)"
        return "\(name) better: \(now): \(name) is better, decided after \(hands) hands"
      }
      return "\(name) better: \(value) \(log10Value >= barLog10 ? "≥" : "<") \(bar)"
    }
    let undecided = decidedFor == nil ? ": undecided so far" : ""
    return
      "e-value \(side(first, log10EValueFirstBetter)); \(side(second, log10EValueSecondBetter))\(undecided)"
  }

  /// An e-value for reading: three significant digits, or a power of ten past 1e300.
  static func eValueText(log10 value: Double) -> String {
    value > 300 ? String(format: "10^%.1f", value) : String(format: "%.3g", pow(10, value))
  }
}

/// A whole match's result.
public struct MatchReport: Codable, Sendable, Hashable {
  public var game: String
  public var seed: UInt64
  public var duplicate: Bool
  public var alpha: Double
  public var pairs: [PairReport]
  /// Exact exploitability of each policy bot, chips per game.
  public var exploitability: [String: Double]
  /// What bots reported at the end (an adaptive bot: when it switched and why).
  public var notes: [String: [String]] = [:]
  /// Each `hello` the arena refused, with the reason (a stranger at a seat, a wrong game, …).
  public var refusals: [String] = []
  /// What the result takes for granted (with duplicate deals: that the two halves' sessions
  /// share nothing).
  public var assumptions: [String] = []
  /// Bots whose process died or that never connected (`skeptic arena` then exits with status 2).
  public var failedBots: [String] = []
  public var seconds: Double

  public init(
    game: String, seed: UInt64, duplicate: Bool, alpha: Double, pairs: [PairReport], exploitability: [String: Double],
    seconds: Double
  ) {
    self.game = game
    self.seed = seed
    self.duplicate = duplicate
    self.alpha = alpha
    self.pairs = pairs
    self.exploitability = exploitability
    self.seconds = seconds
  }

  /// The report as text for a terminal.
  public var text: String {
    var lines = ["match: \(game), seed \(seed)\(duplicate ? ", duplicate deals" : ""), α = \(alpha)"]
    for pair in pairs {
      let mean = String(format: "%.4g", pair.mean * pair.scale)
      let interval = pair.interval.map { String(format: "[%.4g, %.4g]", $0[0] * pair.scale, $0[1] * pair.scale) } ?? "—"
      lines.append(
        "  \(pair.first) vs \(pair.second): \(pair.hands) hands, \(pair.first) wins \(mean) \(pair.unit), \(Int((1 - alpha) * 100))% confidence sequence \(interval)"
      )
      lines.append("    " + pair.verdict(alpha: alpha))
      if pair.invalidActions != [0, 0] {
        lines.append(
          "    invalid answers (played as calls, out-of-range raises as the nearest legal raise; each in events.jsonl): \(pair.first) \(pair.invalidActions[0]), \(pair.second) \(pair.invalidActions[1])"
        )
      }
      if let reason = pair.stoppedBecause { lines.append("    stopped early: \(reason)") }
    }
    for (name, value) in exploitability.sorted(by: { $0.key < $1.key }) {
      lines.append(String(format: "  exploitability of %@: %.6g chips per game", name, value))
    }
    for (name, entries) in notes.sorted(by: { $0.key < $1.key }) {
      for entry in entries { lines.append("  \(name): \(entry)") }
    }
    lines.append(
      "  (An e-value is what a bet against \"no difference\" has grown to; past 1/α = \(String(format: "%g", 1 / alpha)) it shows the difference at level α = \(String(format: "%g", alpha)). The confidence sequence holds the true win rate at every hand at once with probability \(String(format: "%g", (1 - alpha) * 100))%. Both stay valid however often you look.)"
    )
    for refusal in refusals { lines.append("  refused: \(refusal)") }
    for assumption in assumptions { lines.append("  assumed: \(assumption)") }
    return lines.joined(separator: "\n")
  }
}
