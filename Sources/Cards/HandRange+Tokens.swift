extension HandRange {
  /// The combinations one token (without its weight) names.
  static func expand(_ body: Substring, token: String) throws(CardError) -> [HoleCombo] {
    if body.lowercased() == "random" || body.lowercased() == "any" {
      var all: [HoleCombo] = []
      for a in 0..<52 { for b in 0..<a { all.append(HoleCombo(Card(index: a), Card(index: b))) } }
      return all
    }
    if body.count == 4, Card.suitCharacters.contains(Character(body.last!.lowercased())) {
      let cards = try Card.parseList(body, count: 2)
      return [HoleCombo(cards[0], cards[1])]
    }
    if let dash = body.firstIndex(of: "-") {
      let low = try Shape(body[body.index(after: dash)...], token: token)
      let high = try Shape(body[..<dash], token: token)
      return try span(from: high, to: low, token: token).flatMap(\.combos)
    }
    if body.hasSuffix("+") {
      let shape = try Shape(body.dropLast(), token: token)
      let top =
        shape.isPair
        ? Shape(high: 12, low: 12, suitedness: .any)
        : Shape(high: shape.high, low: shape.high - 1, suitedness: shape.suitedness)
      return try span(from: top, to: shape, token: token).flatMap(\.combos)
    }
    return try Shape(body, token: token).combos
  }

  /// Every shape from `high` down to `low`: pairs step both ranks, others step the kicker.
  private static func span(from high: Shape, to low: Shape, token: String) throws(CardError) -> [Shape] {
    if high.isPair && low.isPair && high.high >= low.high {
      return (low.high...high.high).map { Shape(high: $0, low: $0, suitedness: .any) }
    }
    guard !high.isPair, !low.isPair, high.high == low.high, high.suitedness == low.suitedness, high.low >= low.low
    else {
      throw CardError(
        .malformedRange, token: token,
        reason:
          "a span runs between two pairs (QQ-99) or two hands with the same top card and suitedness (AQo-ATo), higher first"
      )
    }
    return (low.low...high.low).map { Shape(high: high.high, low: $0, suitedness: high.suitedness) }
  }

  /// A starting-hand shape such as `AKs`, `T9o`, `QQ` or `AK`.
  struct Shape {
    enum Suitedness { case suited, offsuit, any }
    var high: Int
    var low: Int
    var suitedness: Suitedness
    var isPair: Bool { high == low }

    init(high: Int, low: Int, suitedness: Suitedness) {
      self.high = high
      self.low = low
      self.suitedness = suitedness
    }

    init(_ text: Substring, token: String) throws(CardError) {
      let characters = Array(text)
      guard characters.count == 2 || characters.count == 3 else {
        throw CardError(
          .malformedRange, token: token,
          reason: "expected a hand shape such as QQ, AKs, T9o or AK, or two cards such as KhQh")
      }
      guard let first = Card.rankCharacters.firstIndex(of: Character(characters[0].uppercased())) else {
        throw CardError(
          .malformedRange, token: token, reason: "'\(characters[0])' is not a rank; ranks are 2-9, T, J, Q, K, A")
      }
      guard let second = Card.rankCharacters.firstIndex(of: Character(characters[1].uppercased())) else {
        throw CardError(
          .malformedRange, token: token, reason: "'\(characters[1])' is not a rank; ranks are 2-9, T, J, Q, K, A")
      }
      high = max(first, second)
      low = min(first, second)
      switch characters.count == 3 ? characters[2].lowercased() : "" {
      case "s": suitedness = .suited
      case "o": suitedness = .offsuit
      case "": suitedness = .any
      default:
        throw CardError(.malformedRange, token: token, reason: "the third character is s (suited) or o (offsuit)")
      }
      if high == low && suitedness != .any {
        throw CardError(.malformedRange, token: token, reason: "a pair cannot be suited or offsuit")
      }
    }

    var combos: [HoleCombo] {
      var result: [HoleCombo] = []
      for s1 in 0..<4 {
        for s2 in 0..<4 {
          if isPair && s2 <= s1 { continue }
          if suitedness == .suited && s1 != s2 { continue }
          if suitedness == .offsuit && s1 == s2 { continue }
          result.append(HoleCombo(Card(rank: high, suit: s1), Card(rank: low, suit: s2)))
        }
      }
      return result
    }
  }
}
