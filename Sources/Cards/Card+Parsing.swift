extension Card {
  /// Reads a card from two characters, such as `As`, `td` or `2C` (rank and suit letters are
  /// case-insensitive; `10` is accepted for ten).
  public init(parsing text: some StringProtocol) throws(CardError) {
    var characters = Array(text)
    if characters.count == 3, characters[0] == "1", characters[1] == "0" {
      characters = ["T", characters[2]]
    }
    guard characters.count == 2 else {
      throw CardError(
        .malformedCard, token: String(text),
        reason: "a card is a rank (2-9, T, J, Q, K, A) followed by a suit (c, d, h, s)")
    }
    guard let rank = Card.rankCharacters.firstIndex(of: Character(characters[0].uppercased())) else {
      throw CardError(
        .malformedCard, token: String(text), reason: "'\(characters[0])' is not a rank; ranks are 2-9, T, J, Q, K, A")
    }
    guard let suit = Card.suitCharacters.firstIndex(of: Character(characters[1].lowercased())) else {
      throw CardError(
        .malformedCard, token: String(text), reason: "'\(characters[1])' is not a suit; suits are c, d, h, s")
    }
    self.init(rank: rank, suit: suit)
  }

  /// Reads a list of cards written with or without spaces or commas: `As Kd Th`, `AsKdTh`,
  /// `As,Kd`. Duplicates are refused, naming the card.
  ///
  /// - Parameter count: when given, the exact number of cards required.
  public static func parseList(_ text: some StringProtocol, count: Int? = nil) throws(CardError) -> [Card] {
    var cards: [Card] = []
    var seen = CardSet()
    for word in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
      var rest = Substring(word)
      while !rest.isEmpty {
        let take = rest.hasPrefix("10") ? 3 : 2
        guard rest.count >= take else {
          throw CardError(
            .malformedCard, token: String(rest), reason: "a card needs a rank and a suit; '\(rest)' is incomplete")
        }
        let token = rest.prefix(take)
        let card = try Card(parsing: token)
        guard !seen.contains(card) else {
          throw CardError(.duplicateCard, token: String(token), reason: "\(card) appears twice")
        }
        seen.insert(card)
        cards.append(card)
        rest = rest.dropFirst(take)
      }
    }
    if let count, cards.count != count {
      throw CardError(
        .wrongCardCount, token: String(text),
        reason: "expected \(count) card\(count == 1 ? "" : "s"), found \(cards.count)")
    }
    return cards
  }
}
