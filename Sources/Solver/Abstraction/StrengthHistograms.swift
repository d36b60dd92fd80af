import Cards
import Dispatch
import Foundation

/// The distribution-aware features of flop and turn hands: for each canonical hand (hole cards
/// and the board as one set), a histogram of its river hand strength (``BoardStrengths``) over
/// every way the board can run out: 1,081 runouts on the flop, 46 on the turn, in `bins` equal
/// bins of strength.
///
/// Counts are stored as `Count` per bin (a byte is enough on the turn, 16 bits on the flop), hand
/// by hand in index order of `HandIndexer(rounds: [2, boardCards])`.
public final class StrengthHistograms<Count: FixedWidthInteger & UnsignedInteger>: @unchecked Sendable {
  /// Board cards: 3 (flop) or 4 (turn).
  public let boardCards: Int
  /// Bins per histogram.
  public let bins: Int
  /// Canonical hands.
  public let count: Int
  /// Runouts each histogram counts (1,081 or 46).
  public let runouts: Int
  let counts: UnsafeMutablePointer<Count>

  /// An empty table (all zero; pages are zeroed lazily, so a partial build stays small).
  ///
  /// - Throws: ``SolverError`` (`badParameter`) unless the board has 3 or 4 cards, there are 2 to
  ///   255 bins, and `Count` holds the runouts.
  public init(boardCards: Int, bins: Int) throws(SolverError) {
    guard boardCards == 3 || boardCards == 4, (2...255).contains(bins) else {
      throw SolverError(
        .badParameter, "strength histograms: a 3- or 4-card board and 2 to 255 bins, not \(boardCards) and \(bins)")
    }
    runouts = boardCards == 3 ? 1_081 : 46
    guard runouts <= Int(Count.max) else {
      throw SolverError(.badParameter, "strength histograms: \(Count.self) cannot count \(runouts) runouts")
    }
    self.boardCards = boardCards
    self.bins = bins
    count = try! HandIndexer(rounds: [2, boardCards]).size(round: 1)
    boardCount = try! HandIndexer(rounds: [boardCards]).size(round: 0)
    counts = calloc(count * bins, MemoryLayout<Count>.stride)!.assumingMemoryBound(to: Count.self)
  }

  deinit { free(counts) }

  /// Canonical boards of this round (1,755 flops, 16,432 turns).
  public let boardCount: Int

  /// Hand `index`'s histogram.
  public subscript(index: Int) -> [Int] { (0..<bins).map { Int(counts[index * bins + $0]) } }

  /// The bin of a strength byte (0...255).
  @inline(__always)
  static func bin(of strength: Int, bins: Int) -> Int { min(bins - 1, strength * bins / 255) }

  /// Fills the histograms of every hand on the canonical boards `boards` (all by default), on
  /// `threads` threads (board b on thread b mod threads; the counts do not depend on it).
  ///
  /// - Parameter progress: called now and then from one thread with boards done and in all.
  public func build(
    strengths: BoardStrengths, boards: Range<Int>? = nil, threads: Int = 1,
    progress: @Sendable (Int, Int) -> Void = { _, _ in }
  ) {
    let boards = boards ?? 0..<boardCount
    let (boardCards, bins) = (self.boardCards, self.bins)
    BoardSweep.run(
      count: boards.count, threads: threads, reportEvery: 16, progress: progress,
      own: { Work(boardCards: boardCards, bins: bins) },
      each: { work, item in fill(board: boards.lowerBound + item, strengths: strengths, &work) })
  }

  /// One thread's indexers and scratch counts.
  struct Work {
    let boards: HandIndexer
    let hands: HandIndexer
    var counts: [UInt16]
    let binOf: [UInt8]

    init(boardCards: Int, bins: Int) {
      boards = try! HandIndexer(rounds: [boardCards])
      hands = try! HandIndexer(rounds: [2, boardCards])
      counts = [UInt16](repeating: 0, count: ClusterStrength.pairCount * bins)
      binOf = (0..<256).map { UInt8(StrengthHistograms.bin(of: $0, bins: bins)) }
    }
  }

  /// One canonical board's hands.
  func fill(board index: Int, strengths: BoardStrengths, _ work: inout Work) {
    let board = try! work.boards.hand(at: index, round: 0)
    let boardSet = CardSet(board)
    let rest = (0..<52).filter { !boardSet.contains(Card(index: $0)) }
    // Live hands: (low, high, pair number).
    var live: [(low: Int, high: Int, pair: Int)] = []
    for high in rest {
      for low in rest where low < high { live.append((low, high, ClusterStrength.pairIndex(low, high))) }
    }
    let bins = self.bins
    let hands = work.hands
    work.counts.withUnsafeMutableBufferPointer { counts in
      work.binOf.withUnsafeBufferPointer { binOf in
        for hand in live { for b in 0..<bins { counts[hand.pair * bins + b] = 0 } }
        var five = board + [Card](repeating: board[0], count: 5 - board.count)
        func count(runout: UInt64) {
          let (canonical, renaming) = five.withUnsafeBufferPointer { strengths.locate($0) }
          for hand in live where (runout >> UInt64(hand.low)) & 1 == 0 && (runout >> UInt64(hand.high)) & 1 == 0 {
            let strength = strengths.strength(board: canonical, renaming: renaming, hand.low, hand.high)
            counts[hand.pair * bins + Int(binOf[Int(strength)])] += 1
          }
        }
        if board.count == 4 {
          for river in rest {
            five[4] = Card(index: river)
            count(runout: 1 << UInt64(river))
          }
        } else {
          for (i, turn) in rest.enumerated() {
            for river in rest[(i + 1)...] {
              five[3] = Card(index: turn)
              five[4] = Card(index: river)
              count(runout: 1 << UInt64(turn) | 1 << UInt64(river))
            }
          }
        }
        var cards = [Card](repeating: board[0], count: 2) + board
        cards.withUnsafeMutableBufferPointer { cards in
          for hand in live {
            cards[0] = Card(index: hand.low)
            cards[1] = Card(index: hand.high)
            let target = self.counts + hands.index(UnsafeBufferPointer(cards), round: 1) * bins
            for b in 0..<bins { target[b] = Count(counts[hand.pair * bins + b]) }
          }
        }
      }
    }
  }

  /// Whether hand `index` has no runout counted (a partial build left its board out).
  @inline(__always)
  func isEmpty(_ index: Int) -> Bool {
    let row = counts + index * bins
    for b in 0..<bins where row[b] != 0 { return false }
    return true
  }

  /// Hand `index`'s cumulative distribution as `dimension` floats: the share of runouts in bins
  /// `0...i` for `i < bins − 1` (the last is always 1 and left out), then zeros. The L1 distance
  /// of two such vectors is the earth mover's distance of the histograms, in bins.
  @inline(__always)
  func cumulative(_ index: Int, into target: UnsafeMutablePointer<Float>, dimension: Int) {
    let row = counts + index * bins
    let scale = 1 / Float(runouts)
    var running = 0
    for b in 0..<(bins - 1) {
      running += Int(row[b])
      target[b] = Float(running) * scale
    }
    for b in (bins - 1)..<dimension { target[b] = 0 }
  }
}
