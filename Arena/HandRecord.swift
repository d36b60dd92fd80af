/// One finished hand, as the logs record it.
public struct HandRecord: Sendable, Hashable {
  public var hand: Int
  /// Player names by seat.
  public var names: [String]
  /// Player indices by seat.
  public var seating: [Int]
  /// The ACPC betting text and cards text (all cards, as the referee knows them).
  public var betting: String
  public var cards: String
  /// Chips won by each seat.
  public var payoffs: [Double]
  /// Actions that had to be corrected (malformed, illegal or out of range), by seat.
  public var corrected: [Int]
  /// Seats that timed out or disconnected during this hand.
  public var failures: [String?]
  /// Each answer that could not be played as sent, with its text and why.
  public var invalid: [InvalidAction] = []

  public init(
    hand: Int, names: [String], seating: [Int], betting: String, cards: String, payoffs: [Double], corrected: [Int],
    failures: [String?], invalid: [InvalidAction] = []
  ) {
    self.invalid = invalid
    self.hand = hand
    self.names = names
    self.seating = seating
    self.betting = betting
    self.cards = cards
    self.payoffs = payoffs
    self.corrected = corrected
    self.failures = failures
  }

  /// The ACPC log line: `STATE:<hand>:<betting>:<cards>:<v0>|<v1>:<name0>|<name1>`.
  public var acpcLine: String {
    let values = payoffs.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }.joined(separator: "|")
    return "STATE:\(hand):\(betting):\(cards):\(values):\(names.joined(separator: "|"))"
  }
}
