import Cards
import Randomness

/// One worker's external-sampling walks: it deals, buckets and walks one deal at a time
/// against tables it only reads, logging its updates.
struct BlueprintWalk {
  let nodes: UnsafePointer<BlueprintNode>
  let regrets: UnsafePointer<Float>
  /// Per round: where its block starts, and one bucket's stride in it.
  let roundBase: UnsafePointer<Int>
  let roundStride: UnsafePointer<Int>
  let rounds: Int
  let lastRound: Int
  let pruneThreshold: Float
  /// The deal's buckets, `player * rounds + round`.
  let buckets: UnsafeMutablePointer<Int32>
  /// Regret-matching probabilities and action values, a frame per depth.
  let scratch: UnsafeMutablePointer<Double>
  let frame: Int
  /// One log per merging thread: an update goes to the log of the thread that will apply it
  /// (``BlueprintTrainer/owner(of:parts:)``), so merging reads only its own records.
  let logs: UnsafeMutablePointer<DeltaLog>
  let parts: Int
  var generator = SeededGenerator(seed: 0)
  /// +1 when player 0 wins the showdown, −1 when player 1 does, 0 for a tie.
  var outcome = 0.0
  var pruning = false
  /// The deck, put back in order and shuffled in part for each deal.
  var deck: [Card]
  let orderedDeck: [Card]

  init(trainer: BlueprintTrainer) {
    nodes = UnsafePointer(trainer.nodes)
    regrets = UnsafePointer(trainer.regrets)
    roundBase = UnsafePointer(trainer.roundBase)
    roundStride = UnsafePointer(trainer.roundStride)
    rounds = trainer.tree.game.numRounds
    lastRound = rounds - 1
    pruneThreshold = trainer.settings.pruneThreshold
    buckets = .allocate(capacity: 2 * rounds)
    buckets.initialize(repeating: 0, count: 2 * rounds)
    let depth = trainer.depth + 1
    frame = 2 * trainer.maxActions
    scratch = .allocate(capacity: depth * frame)
    scratch.initialize(repeating: 0, count: depth * frame)
    deck = trainer.tree.game.deck
    orderedDeck = deck
    parts = trainer.settings.threads
    // Cache-line aligned and padded: the logs' counters change on every update, and another
    // thread's must not share their line.
    let bytes = (parts * MemoryLayout<DeltaLog>.stride + 127) / 128 * 128
    logs = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 128).bindMemory(
      to: DeltaLog.self, capacity: parts)
    for part in 0..<parts { (logs + part).initialize(to: DeltaLog()) }
  }

  /// Empties the logs for a new batch.
  func clearLogs() {
    for part in 0..<parts { logs[part].clear() }
  }

  /// Room for one record in the log of the part that owns `slot`.
  @inline(__always)
  func append(slot: Int, count: Int, sums: Bool) -> UnsafeMutablePointer<Float> {
    (logs + BlueprintTrainer.owner(of: slot, parts: parts)).pointee.append(slot: slot, count: count, sums: sums)
  }

  func free() {
    buckets.deallocate()
    scratch.deallocate()
    for part in 0..<parts { logs[part].free() }
    logs.deinitialize(count: parts)
    UnsafeMutableRawPointer(logs).deallocate()
  }

  /// Deals deal number `index` from its own substream and buckets both hands.
  mutating func deal(_ index: Int, trainer: BlueprintTrainer) {
    generator = trainer.streams.substream(UInt64(index))
    let game = trainer.tree.game
    let holeCount = game.numHoleCards
    let needed = game.cardsDealt
    let size = deck.count
    for i in 0..<size { deck[i] = orderedDeck[i] }
    for i in 0..<needed {
      let j = i + generator.uniform(below: size - i)
      deck.swapAt(i, j)
    }
    var ranks = (HandRank(value: 0), HandRank(value: 0))
    deck.withUnsafeBufferPointer { cards in
      let board = UnsafeBufferPointer(rebasing: cards[(2 * holeCount)..<needed])
      var boardHand = Hand.empty
      for card in board { boardHand = boardHand + Hand(card) }
      for player in 0..<2 {
        let hole = UnsafeBufferPointer(rebasing: cards[(player * holeCount)..<((player + 1) * holeCount)])
        trainer.cardBuckets.buckets(hole: hole, board: board, through: lastRound, into: buckets + player * rounds)
        var hand = boardHand
        for card in hole { hand = hand + Hand(card) }
        if player == 0 {
          ranks.0 = HandEvaluator.shared.rank(of: hand)
        } else {
          ranks.1 = HandEvaluator.shared.rank(of: hand)
        }
      }
    }
    outcome = ranks.0 > ranks.1 ? 1 : (ranks.0 < ranks.1 ? -1 : 0)
  }

  /// The traverser's sampled value of `node` (chips won), logging regret updates at its
  /// decisions and strategy updates at the opponent's.
  mutating func walk(_ index: Int, traverser: Int, depth: Int) -> Double {
    let node = nodes[index]
    switch node.kind {
    case BlueprintNode.fold:
      let lost = traverser == 0 ? node.spent0 : node.spent1
      let won = traverser == 0 ? node.spent1 : node.spent0
      return Int(node.folder) == traverser ? -Double(lost) : Double(won)
    case BlueprintNode.showdown:
      let sign = traverser == 0 ? outcome : -outcome
      return sign * Double(traverser == 0 ? node.spent1 : node.spent0)
    default:
      break
    }
    let player = Int(node.kind)
    let round = Int(node.round)
    let count = Int(node.childCount)
    let bucket = Int(buckets[player * rounds + round])
    let slot = roundBase[round] + bucket * roundStride[round] + Int(node.actionOffset)
    let regret = regrets + slot
    let sigma = scratch + depth * frame
    var total = 0.0
    for a in 0..<count {
      let positive = max(Double(regret[a]), 0)
      sigma[a] = positive
      total += positive
    }
    if total > 0 {
      let scale = 1 / total
      for a in 0..<count { sigma[a] *= scale }
    } else {
      let uniform = 1 / Double(count)
      for a in 0..<count { sigma[a] = uniform }
    }
    let first = Int(node.firstChild)
    if player != traverser {
      let sums = append(slot: slot, count: count, sums: true)
      for a in 0..<count { sums[a] = Float(sigma[a]) }
      let target = generator.unitDouble()
      var chosen = count - 1
      var cumulative = 0.0
      for a in 0..<(count - 1) {
        cumulative += sigma[a]
        if target < cumulative {
          chosen = a
          break
        }
      }
      return walk(first + chosen, traverser: traverser, depth: depth + 1)
    }
    let values = sigma + count
    var value = 0.0
    let prunable = pruning && round < lastRound
    for a in 0..<count {
      if prunable && regret[a] < pruneThreshold && nodes[first + a].isDecision {
        values[a] = .nan
        continue
      }
      values[a] = walk(first + a, traverser: traverser, depth: depth + 1)
      value += sigma[a] * values[a]
    }
    let deltas = append(slot: slot, count: count, sums: false)
    for a in 0..<count { deltas[a] = values[a].isNaN ? 0 : Float(values[a] - value) }
    return value
  }
}
