import Cards

/// Maps a player's cards to one bucket per betting round: the card side of a blueprint's
/// abstract game.
///
/// ``LosslessBuckets`` keeps every card distinction (small games); a hold'em
/// ``CardAbstraction`` buckets hands by strength.
public protocol CardBuckets: Sendable {
  /// Buckets in each round.
  var bucketCounts: [Int] { get }
  /// What a policy trained on these buckets records, so that it refuses other buckets.
  var identity: String { get }
  /// The buckets of rounds `0 ... lastRound` for one player: `hole` the player's cards, `board`
  /// the board cards dealt through `lastRound`, in deal order.
  func buckets(
    hole: UnsafeBufferPointer<Card>, board: UnsafeBufferPointer<Card>, through lastRound: Int,
    into buckets: UnsafeMutablePointer<Int32>)
}

extension CardBuckets {
  /// The bucket of one hand in `round` (board cards in deal order, through that round).
  public func bucket(hole: [Card], board: [Card], round: Int) -> Int {
    var result = [Int32](repeating: 0, count: round + 1)
    hole.withUnsafeBufferPointer { hole in
      board.withUnsafeBufferPointer { board in
        result.withUnsafeMutableBufferPointer {
          buckets(hole: hole, board: board, through: round, into: $0.baseAddress!)
        }
      }
    }
    return Int(result[round])
  }
}
