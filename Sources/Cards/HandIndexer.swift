/// Numbers the hands of a dealing sequence up to suit isomorphism: two hands get the same index
/// exactly when one becomes the other by renaming suits, and the indices of each round are
/// `0 ..< size(round:)` with none missing.
///
/// A dealing sequence is the number of cards each round adds: `[2, 3, 1, 1]` is hold'em with the
/// flop, turn and river kept apart (the turn card is not one of the flop's), `[2, 5]` a hold'em
/// river with the board as one set. Round r's hands are the first `rounds[0] + … + rounds[r]`
/// cards, round by round (cards within a round in any order).
///
/// How it works: each suit's cards are a *configuration*, one set of ranks per round. Renaming
/// suits permutes configurations, so a hand up to isomorphism is the multiset of its four
/// configurations. Suits are grouped by *shape* (how many cards each round gives them); a
/// pattern of four shapes fixes which groups there are, each group's configurations form a
/// multiset numbered by the combinatorial number system, and the pattern's offset plus the
/// groups' numbers (mixed radix) is the index.
///
/// ```swift
/// let indexer = try HandIndexer(rounds: [2, 3])
/// indexer.size(round: 1)                       // 1_286_792
/// let index = try indexer.index(of: Card.parseList("As Ks Qs Jh 2h"))
/// let canonical = try indexer.hand(at: index, round: 1)   // an isomorphic hand
/// ```
public struct HandIndexer: Sendable {
  /// Cards each round adds.
  public let rounds: [Int]
  /// Per round, the patterns of suit shapes (sorted by key, offsets increasing).
  let tables: [Table]

  /// One round's patterns.
  struct Table: Sendable {
    /// Rounds dealt so far (this one included).
    let roundCount: Int
    /// Pattern keys, ascending, and the patterns in the same order.
    let keys: [UInt64]
    let patterns: [Pattern]
    /// Canonical hands this round.
    let size: Int
  }

  /// Four suit shapes (sorted, largest code first), grouped where equal.
  struct Pattern: Sendable {
    /// The first index of the pattern's hands.
    let offset: Int
    /// Hands with this pattern.
    let size: Int
    /// Groups of suits with the same shape, in suit order: shape code, suits, configurations of
    /// one suit of that shape, and the group's multisets.
    let groups: [Group]
  }

  struct Group: Sendable {
    let shape: UInt16
    let suits: Int
    let configurations: Int
    let size: Int
  }

  /// Makes an indexer for a dealing sequence.
  ///
  /// - Throws: ``CardError`` (`wrongCardCount`) when a round deals no card, or more than 52
  ///   cards are dealt, or there are more than four rounds.
  public init(rounds: [Int]) throws(CardError) {
    let text = rounds.map(String.init).joined(separator: "-")
    guard !rounds.isEmpty, rounds.count <= 4, rounds.allSatisfy({ (1...7).contains($0) }),
      rounds.reduce(0, +) <= 52
    else {
      throw CardError(
        .wrongCardCount, token: text,
        reason: "a dealing sequence is one to four rounds of one to seven cards each, such as 2-3-1-1")
    }
    self.rounds = rounds
    tables = (0..<rounds.count).map { Self.table(rounds: Array(rounds[0...$0])) }
  }

  /// Canonical hands after round `round` (0 is the first).
  public func size(round: Int) -> Int { tables[round].size }

  /// Cards dealt by the end of round `round`.
  public func cardCount(round: Int) -> Int { rounds[0...round].reduce(0, +) }
}
