/// A weighted set of two-card holdings, read from standard range text.
///
/// Tokens are separated by commas or spaces:
/// - `QQ` (the six combinations of a pair), `QQ+` (queens or better), `QQ-99`;
/// - `AKs` (suited), `AKo` (offsuit), `AK` (both); `ATs+` (kicker from T up to K), `AQo-ATo`;
/// - `KhQh` (one specific combination); `random` (all 1,326).
///
/// A weight follows a colon: `AKs:0.5` holds each suited ace-king half the time. A combination
/// named twice keeps its larger weight.
public struct HandRange: Sendable, Hashable, CustomStringConvertible {
  /// The range as written.
  public let text: String
  /// The combinations, in the order first named.
  public let combos: [HoleCombo]

  /// A range of exactly one holding.
  public init(hand: [Card]) {
    text = hand.map(\.description).joined()
    combos = [HoleCombo(hand[0], hand[1])]
  }

  /// Reads range text.
  ///
  /// - Throws: ``CardError`` naming the token that could not be read and why.
  public init(parsing text: String) throws(CardError) {
    self.text = text
    var weights: [HoleCombo: Double] = [:]
    var order: [HoleCombo] = []
    let tokens = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
    guard !tokens.isEmpty else {
      throw CardError(.malformedRange, token: text, reason: "a range needs at least one holding, such as QQ+ or AKs")
    }
    for token in tokens {
      let parts = token.split(separator: ":", omittingEmptySubsequences: false)
      var weight = 1.0
      if parts.count == 2 {
        guard let value = Double(parts[1]), value > 0, value <= 1 else {
          throw CardError(.malformedRange, token: String(token), reason: "a weight after ':' is a number in (0, 1]")
        }
        weight = value
      } else if parts.count > 2 {
        throw CardError(.malformedRange, token: String(token), reason: "a token has at most one ':' weight")
      }
      for combo in try HandRange.expand(parts[0], token: String(token)) {
        let key = HoleCombo(combo.cards[0], combo.cards[1])
        if let old = weights[key] {
          weights[key] = max(old, weight)
        } else {
          weights[key] = weight
          order.append(key)
        }
      }
    }
    combos = order.map { HoleCombo($0.cards[0], $0.cards[1], weight: weights[$0]!) }
  }

  public var description: String { text }

  /// Reads text that is either one hand (`AhKh`) or a range.
  public static func handOrRange(_ text: String) throws(CardError) -> HandRange {
    if let cards = try? Card.parseList(text, count: 2) { return HandRange(hand: cards) }
    return try HandRange(parsing: text)
  }

  /// The two cards when the range is exactly one holding of weight 1, such as `AhKh`.
  public var singleHand: [Card]? {
    combos.count == 1 && combos[0].weight == 1 ? combos[0].cards : nil
  }
}
