import Cards
import Dispatch
import Foundation

/// Every canonical river hand's opponent-cluster strengths (``ClusterStrength``), quantised to
/// a byte each (strength × 255, rounded): `HandIndexer(rounds: [2, 5])`'s 123,156,254 hands ×
/// clusters bytes, filled board by board over the 134,459 canonical five-card boards.
///
/// The buffer is zeroed lazily by the system (only the pages written take memory), so a build of
/// a few boards for a test stays small.
public final class RiverFeatures: @unchecked Sendable {
  /// The river indexer (hole cards, then the board as one set).
  public let indexer: HandIndexer
  /// Features per hand.
  public let clusters: Int
  /// Canonical river hands.
  public let count: Int
  let bytes: UnsafeMutablePointer<UInt8>

  /// An empty table (all zero) for `clusters` features per hand.
  public init(clusters: Int) {
    indexer = try! HandIndexer(rounds: [2, 5])
    self.clusters = clusters
    count = indexer.size(round: 1)
    bytes = calloc(count * clusters, 1)!.assumingMemoryBound(to: UInt8.self)
  }

  deinit { free(bytes) }

  /// The canonical five-card boards.
  public static let boardIndexer = try! HandIndexer(rounds: [5])

  /// Hand `index`'s features.
  public subscript(index: Int) -> ArraySlice<UInt8> {
    ArraySlice(UnsafeBufferPointer(start: bytes + index * clusters, count: clusters))
  }

  /// Fills the features of every hand on the canonical boards `boards` (all of them by default),
  /// on `threads` threads (board b on thread b mod threads; the bytes do not depend on it).
  ///
  /// - Parameter progress: called now and then from one thread with boards done and boards in all.
  public func build(
    strength: ClusterStrength, boards: Range<Int>? = nil, threads: Int = 1,
    progress: @Sendable (Int, Int) -> Void = { _, _ in }
  ) {
    precondition(strength.clusters == clusters, "the strength's clusters match the table's")
    let boards = boards ?? 0..<Self.boardIndexer.size(round: 0)
    let clusterOfPair = strength.clusterOfPair
    BoardSweep.run(
      count: boards.count, threads: threads, reportEvery: 256, progress: progress,
      own: {
        Own(
          indexer: try! HandIndexer(rounds: [2, 5]), boards: try! HandIndexer(rounds: [5]),
          strength: try! ClusterStrength(clusterOfPair: clusterOfPair.map { $0 }))
      },
      each: { own, item in fill(board: boards.lowerBound + item, own) })
  }

  /// One thread's copies of the indexers and the clusters.
  struct Own {
    let indexer: HandIndexer
    let boards: HandIndexer
    let strength: ClusterStrength
  }

  /// One canonical board's hands (isomorphic hands on the same board write the same bytes).
  func fill(board index: Int, _ own: Own) {
    let board = try! own.boards.hand(at: index, round: 0)
    let boardSet = CardSet(board)
    let features = own.strength.features(board: boardSet)
    var cards = [Card](repeating: board[0], count: 7)
    for i in 0..<5 { cards[2 + i] = board[i] }
    cards.withUnsafeMutableBufferPointer { hand in
      for high in 1..<52 where !boardSet.contains(Card(index: high)) {
        for low in 0..<high where !boardSet.contains(Card(index: low)) {
          hand[0] = Card(index: low)
          hand[1] = Card(index: high)
          let target = bytes + own.indexer.index(UnsafeBufferPointer(hand), round: 1) * clusters
          let source = ClusterStrength.pairIndex(low, high) * clusters
          for j in 0..<clusters { target[j] = UInt8((features[source + j] * 255).rounded()) }
        }
      }
    }
  }
}
