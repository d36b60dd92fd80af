import Cards
import Dispatch
import Randomness

/// Times the hand evaluator: every seven-card hand in enumeration order, random hands, and the
/// table build.
public struct HandEvaluatorBenchmark: Sendable {
  /// What one run measured.
  public struct Result: Codable, Sendable {
    /// Seven-card hands per second, all 133,784,560 in lexicographic order (the evaluator's own
    /// enumeration, which reuses each five-card prefix).
    public var enumerationHandsPerSecond: Double
    /// The same hands in the same order, each summed from its seven cards and ranked alone, as
    /// OMPEval's benchmark does: the like-for-like figure.
    public var sevenCardEnumerationHandsPerSecond: Double
    /// Seven-card hands per second over pre-drawn random hands, seven card bytes each
    /// (``HandEvaluator/rank(sevenCardBytes:)``).
    public var randomHandsPerSecond: Double
    /// The bytes the evaluator's tables occupy.
    public var tableBytes: Int
    /// Milliseconds to build the tables from scratch.
    public var tableBuildMilliseconds: Double
    /// Milliseconds for AhKh against QsQd, exact over all 1,712,304 boards (best of the runs).
    public var equityMilliseconds: Double
    /// A sum of all ranks, printed so the work cannot be optimised away.
    public var checksum: UInt64
  }

  /// The number of random hands drawn (each evaluated `randomPasses` times).
  public var randomHands = 4_000_000
  /// Passes over the random hands.
  public var randomPasses = 8
  /// Timed runs of the exact equity calculation.
  public var equityRuns = 20
  /// The seed for the random hands.
  public var seed: UInt64 = 1

  public init() {}

  /// Runs the benchmark on the current thread.
  public func run() -> Result {
    let buildStart = DispatchTime.now().uptimeNanoseconds
    let evaluator = HandEvaluator.rebuiltForTiming()
    let buildSeconds = Double(DispatchTime.now().uptimeNanoseconds - buildStart) / 1e9

    var checksum: UInt64 = 0
    let start = DispatchTime.now().uptimeNanoseconds
    evaluator.forEachSevenCardHand { checksum &+= UInt64($0.value) }
    let enumerationSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

    let sevenStart = DispatchTime.now().uptimeNanoseconds
    checksum &+= sevenCardEnumeration(evaluator)
    let sevenSeconds = Double(DispatchTime.now().uptimeNanoseconds - sevenStart) / 1e9

    let hands = drawHands()
    let randomStart = DispatchTime.now().uptimeNanoseconds
    checksum &+= hands.withUnsafeBufferPointer { hands in
      // A local sum, as in the seven-card enumeration.
      var sum: UInt64 = 0
      let first = hands.baseAddress!
      for _ in 0..<randomPasses {
        var i = 0
        while i < hands.count {
          sum &+= UInt64(evaluator.rank(sevenCardBytes: first + i).value)
          i &+= 7
        }
      }
      return sum
    }
    let randomSeconds = Double(DispatchTime.now().uptimeNanoseconds - randomStart) / 1e9
    let calculator = EquityCalculator()
    let duel = [
      [Card(rank: 12, suit: 2), Card(rank: 11, suit: 2)], [Card(rank: 10, suit: 3), Card(rank: 10, suit: 1)],
    ]
    var bestEquity = Double.infinity
    for _ in 0..<equityRuns {
      let start = DispatchTime.now().uptimeNanoseconds
      let result = try! calculator.exact(hands: duel)
      bestEquity = min(bestEquity, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      checksum &+= UInt64(result.players[0].wins)
    }
    return Result(
      enumerationHandsPerSecond: 133_784_560 / enumerationSeconds,
      sevenCardEnumerationHandsPerSecond: 133_784_560 / sevenSeconds,
      randomHandsPerSecond: Double(randomHands * randomPasses) / randomSeconds,
      tableBytes: evaluator.tableBytes,
      tableBuildMilliseconds: buildSeconds * 1000,
      equityMilliseconds: bestEquity,
      checksum: checksum
    )
  }

  /// Every seven-card hand in lexicographic order, each summed from its seven single-card hands
  /// and ranked on its own; returns the sum of the ranks.
  private func sevenCardEnumeration(_ evaluator: HandEvaluator) -> UInt64 {
    HandEvaluator.singleCardHands.withUnsafeBufferPointer { cards in
      // A local sum, so that nothing stored in the loop can alias the cards and the compiler may
      // keep each loop's partial sum of cards out of the loops inside it.
      var checksum: UInt64 = 0
      for a in 0..<46 {
        for b in (a + 1)..<47 {
          for c in (b + 1)..<48 {
            for d in (c + 1)..<49 {
              for e in (d + 1)..<50 {
                for f in (e + 1)..<51 {
                  for g in (f + 1)..<52 {
                    let hand = cards[a] + cards[b] + cards[c] + cards[d] + cards[e] + cards[f] + cards[g]
                    checksum &+= UInt64(evaluator.rank(of: hand).value)
                  }
                }
              }
            }
          }
        }
      }
      return checksum
    }
  }

  /// Seven distinct random cards per hand, as card indices.
  private func drawHands() -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    var cards = [UInt8](repeating: 0, count: randomHands * 7)
    for hand in 0..<randomHands {
      var used: UInt64 = 0
      for slot in 0..<7 {
        var card: Int
        repeat { card = generator.uniform(below: 52) } while used & (1 << UInt64(card)) != 0
        used |= 1 << UInt64(card)
        cards[hand * 7 + slot] = UInt8(card)
      }
    }
    return cards
  }
}
