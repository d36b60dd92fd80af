import Cards
import Dispatch
import Foundation

/// Every two-card hand's river hand strength (its share of wins against a uniformly random
/// opponent hand, ties counting half) on every canonical five-card board: 134,459 boards × 1,326
/// bytes (strength × 255, rounded), the table the flop and turn histograms
/// (``StrengthHistograms``) read once per runout and hand.
///
/// A board that is not canonical is looked up through ``locate(_:)``: its canonical board's
/// number and the suit renaming that takes it there, applied to the hand's two cards.
public final class BoardStrengths: @unchecked Sendable {
  /// Canonical five-card boards.
  public let boardCount: Int
  /// Each canonical board's cards as a bit set, by board number.
  let boardBits: [UInt64]
  let boards: HandIndexer
  let bytes: UnsafeMutablePointer<UInt8>

  /// The 24 renamings of the four suits, `suit → suit`, four bytes each.
  static let permutations: [[Int]] = {
    var result: [[Int]] = []
    for a in 0..<4 {
      for b in 0..<4 where b != a {
        for c in 0..<4 where c != a && c != b { result.append([a, b, c, 6 - a - b - c]) }
      }
    }
    return result
  }()

  /// An empty table (all zero; the system zeroes pages lazily, so a partial build stays small).
  public init() {
    let boards = try! HandIndexer(rounds: [5])
    self.boards = boards
    boardCount = boards.size(round: 0)
    boardBits = (0..<boardCount).map { CardSet(try! boards.hand(at: $0, round: 0)).bits }
    bytes = calloc(boardCount * ClusterStrength.pairCount, 1)!.assumingMemoryBound(to: UInt8.self)
  }

  deinit { free(bytes) }

  /// Fills the canonical boards `boards` (all by default) on `threads` threads (every
  /// `threads`-th board on each; the bytes do not depend on it).
  ///
  /// - Parameter progress: called now and then from one thread with boards done and in all.
  public func build(
    boards: [Int]? = nil, threads: Int = 1, progress: @Sendable (Int, Int) -> Void = { _, _ in }
  ) {
    let boards = boards ?? Array(0..<boardCount)
    BoardSweep.run(
      count: boards.count, threads: threads, reportEvery: 512, progress: progress,
      own: { try! ClusterStrength(clusterOfPair: [UInt8](repeating: 0, count: ClusterStrength.pairCount)) },
      each: { strength, item in
        let board = boards[item]
        let features = strength.features(board: CardSet(bits: boardBits[board]))
        let row = bytes + board * ClusterStrength.pairCount
        for pair in 0..<ClusterStrength.pairCount { row[pair] = UInt8((features[pair] * 255).rounded()) }
      })
  }

  /// A five-card board's canonical number and a suit renaming (`suit → suit`, four entries) that
  /// takes the board to it.
  public func locate(_ board: UnsafeBufferPointer<Card>) -> (board: Int, renaming: SIMD4<UInt8>) {
    let index = boards.index(board, round: 0)
    let target = boardBits[index]
    for permutation in Self.permutations {
      var bits: UInt64 = 0
      for card in board { bits |= 1 << UInt64(Int(card.index) & ~3 | permutation[card.suit]) }
      if bits == target {
        return (
          index,
          SIMD4(UInt8(permutation[0]), UInt8(permutation[1]), UInt8(permutation[2]), UInt8(permutation[3]))
        )
      }
    }
    preconditionFailure("a suit renaming takes every board to its canonical board")
  }

  /// The strength byte of the hand `low`, `high` (card numbers) on canonical board `board`, the
  /// hand's suits renamed by `renaming` first.
  @inline(__always)
  func strength(board: Int, renaming: SIMD4<UInt8>, _ low: Int, _ high: Int) -> UInt8 {
    let a = low & ~3 | Int(renaming[low & 3])
    let b = high & ~3 | Int(renaming[high & 3])
    return bytes[board * ClusterStrength.pairCount + ClusterStrength.pairIndex(a, b)]
  }

  /// The canonical boards a flop or turn board can run out to (for a partial build).
  public func runouts(of board: [Card]) -> [Int] {
    let rest = (0..<52).map { Card(index: $0) }.filter { !board.contains($0) }
    var found = Set<Int>()
    var five = board + [Card](repeating: board[0], count: 5 - board.count)
    func visit(_ from: Int, _ depth: Int) {
      if board.count + depth == 5 {
        found.insert(five.withUnsafeBufferPointer { boards.index($0, round: 0) })
        return
      }
      for i in from..<rest.count {
        five[board.count + depth] = rest[i]
        visit(i + 1, depth + 1)
      }
    }
    visit(0, 0)
    return found.sorted()
  }

  /// The strength (0...1, as stored) of two hole cards on a five-card board.
  public func strength(hole: [Card], board: [Card]) -> Double {
    let (index, renaming) = board.withUnsafeBufferPointer { locate($0) }
    return Double(strength(board: index, renaming: renaming, Int(hole[0].index), Int(hole[1].index))) / 255
  }
}
