import Cards
import Dispatch
import PokerRules

/// One pass over the public tree for one player, vectorised over private hands.
///
/// The same walk serves three purposes (``Purpose``): a CFR update of the traverser's regrets and
/// average-strategy sums, a best response of the traverser to everyone else's policy, and the
/// traverser's value under a fixed policy profile. Values are counterfactual: each hand's value
/// already carries the chance probability of the deal and the other players' reach.
/// What the workers of ``Walker/parallelChance(_:_:_:_:)`` share.
struct SharedWalk<S: BinaryFloatingPoint, Width: HandWidth>: @unchecked Sendable {
  let walker: Walker<S, Width>
  let reach: UnsafeMutablePointer<Double>
  let outputs: UnsafeMutablePointer<Double>
}

struct Walker<S: BinaryFloatingPoint, Width: HandWidth> {
  enum Purpose {
    /// Update regrets (or record instantaneous regrets) and average-strategy sums.
    case update
    /// Play the best action per hand at the traverser's nodes; others follow `policy`.
    case bestResponse
    /// Everyone follows `policy`.
    case onPolicy
  }

  /// How regrets change with an instantaneous regret `r`.
  enum Rule {
    case plain
    case floored
    case discounted(positive: Double, negative: Double)
    case predictive
  }

  let game: GameView
  let traverser: Int
  let purpose: Purpose
  /// Cumulative regrets and average-strategy sums (update), both `slotCount` long.
  var regrets: UnsafeMutablePointer<S>? = nil
  var sums: UnsafeMutablePointer<S>? = nil
  /// The last instantaneous regrets (predictive rule), or where to collect instantaneous regrets
  /// for a simultaneous update.
  var predictions: UnsafeMutablePointer<S>? = nil
  var collected: UnsafeMutablePointer<Double>? = nil
  var rule: Rule = .plain
  var averageWeight: Double = 1
  /// A fixed policy, `slotCount` probabilities (best response and on-policy).
  var policy: UnsafePointer<Double>? = nil
  /// Workers for splitting large chance nodes; nil inside a worker and when single-threaded.
  var workers: Workers? = nil
  /// When set (best response), the responder's best action per (node, hand) is written here as a
  /// one-hot row of the table layout.
  var bestActions: UnsafeMutablePointer<Double>? = nil

  /// The number of hands, a compile-time constant for the common widths so loops unroll.
  @inline(__always) var handCount: Int { Width.value > 0 ? Width.value : game.handCount }

  /// Scratch doubles one level of the walk may use.
  static func scratchPerLevel(_ game: GameView) -> Int {
    (3 * game.maxActions + game.numPlayers + 2) * game.handCount
  }

  /// Scratch doubles for a whole walk from the root: the root's reach and output, then every
  /// level's share.
  static func scratchCount(_ game: GameView) -> Int {
    (game.depth + 2) * scratchPerLevel(game) + game.numPlayers * game.handCount + game.handCount
  }

  /// Runs `body` with zeroed scratch for a whole walk, freed afterwards.
  static func withScratch<R>(_ game: GameView, _ body: (UnsafeMutablePointer<Double>) -> R) -> R {
    let count = scratchCount(game)
    let scratch = UnsafeMutablePointer<Double>.allocate(capacity: count)
    scratch.initialize(repeating: 0, count: count)
    defer { scratch.deallocate() }
    return body(scratch)
  }

  /// Walks the subtree at `node`: writes the traverser's counterfactual value per hand to `out`.
  /// `reach` holds each player's reach per hand (`numPlayers × hands`); `free` is scratch space.
  func walk(
    _ node: Int, _ reach: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>,
    _ free: UnsafeMutablePointer<Double>
  ) {
    let hands = handCount
    switch game.kind[node] {
    case CompiledGame.Kind.terminal.rawValue:
      if game.numPlayers == 2 {
        headsUpTerminal(node, reach, out)
      } else {
        multiwayTerminal(node, reach, out)
      }
    case CompiledGame.Kind.chance.rawValue:
      if let workers, Int(game.subtreeSize[node]) * hands >= workers.threshold {
        parallelChance(node, reach, out, workers)
        return
      }
      out.update(repeating: 0, count: hands)
      let childOut = free
      let start = Int(game.childStart[node])
      let childReach = free + hands
      let players = game.numPlayers
      for i in 0..<Int(game.childCount[node]) {
        let child = Int(game.children[start + i])
        // Hands holding a card just dealt to the board are impossible below: no reach, no value.
        let dealt = game.board[child] & ~game.board[node]
        childReach.update(from: reach, count: players * hands)
        for h in 0..<hands where game.hands[h] & dealt != 0 {
          for p in 0..<players { childReach[p * hands + h] = 0 }
        }
        walk(child, childReach, childOut, childReach + players * hands)
        for h in 0..<hands where game.hands[h] & dealt == 0 { out[h] += childOut[h] }
      }
    default:
      decision(node, reach, out, free)
    }
  }

  /// A chance node's children walked by several workers: worker w takes children w, w + k, …
  /// with its own scratch and writes each child's values to its own row; the rows are then summed
  /// in child order, so the result does not depend on the number of workers.
  func parallelChance(
    _ node: Int, _ reach: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>, _ workers: Workers
  ) {
    let hands = handCount
    let players = game.numPlayers
    let start = Int(game.childStart[node])
    let count = Int(game.childCount[node])
    let outputs = UnsafeMutablePointer<Double>.allocate(capacity: count * hands)
    defer { outputs.deallocate() }
    var inner = self
    inner.workers = nil
    // Workers write disjoint table slots (different boards lead to different nodes) and their own
    // scratch and output rows, which is why sharing these pointers across threads is safe.
    let shared = SharedWalk(walker: inner, reach: reach, outputs: outputs)
    DispatchQueue.concurrentPerform(iterations: workers.count) { index in
      let worker = shared.walker
      let reach = shared.reach
      let outputs = shared.outputs
      let childReach = workers.arena(index)
      for i in stride(from: index, to: count, by: workers.count) {
        let child = Int(worker.game.children[start + i])
        let dealt = worker.game.board[child] & ~worker.game.board[node]
        for j in 0..<(players * hands) { childReach[j] = reach[j] }
        for h in 0..<hands where worker.game.hands[h] & dealt != 0 {
          for p in 0..<players { childReach[p * hands + h] = 0 }
        }
        let childOut = outputs + i * hands
        worker.walk(child, childReach, childOut, childReach + players * hands)
        for h in 0..<hands where worker.game.hands[h] & dealt != 0 { childOut[h] = 0 }
      }
    }
    for h in 0..<hands { out[h] = 0 }
    for i in 0..<count {
      for h in 0..<hands { out[h] += outputs[i * hands + h] }
    }
  }

  func decision(
    _ node: Int, _ reach: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>,
    _ free: UnsafeMutablePointer<Double>
  ) {
    // The common action counts get their own copy of the body, with every loop over actions
    // unrolled: a loop that runs two times here and three there costs a mispredicted branch.
    switch Int(game.childCount[node]) {
    case 2: decision(node, reach, out, free, actions: 2)
    case 3: decision(node, reach, out, free, actions: 3)
    case let actions: decision(node, reach, out, free, actions: actions)
    }
  }

  @inline(__always)
  func decision(
    _ node: Int, _ reach: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>,
    _ free: UnsafeMutablePointer<Double>, actions: Int
  ) {
    let hands = handCount
    let players = game.numPlayers
    let actor = Int(game.player[node])
    let start = Int(game.childStart[node])
    let sigma = free
    let childReach = sigma + actions * hands
    let values = childReach + players * hands
    let next = values + actions * hands
    let actorRow = childReach + actor * hands
    let parentRow = reach + actor * hands
    if actor == traverser && purpose == .bestResponse {
      childReach.update(from: reach, count: players * hands)
      for a in 0..<actions { walk(Int(game.children[start + a]), childReach, values + a * hands, next) }
      out.update(from: values, count: hands)
      var best = [Int](repeating: 0, count: bestActions == nil ? 0 : hands)
      for a in 1..<max(actions, 1) {
        let row = values + a * hands
        for h in 0..<hands where row[h] > out[h] {
          out[h] = row[h]
          if bestActions != nil { best[h] = a }
        }
      }
      if let bestActions {
        let slot = Int(game.slotOffset[node])
        for a in 0..<actions {
          for h in 0..<hands { bestActions[slot + a * hands + h] = best[h] == a ? 1 : 0 }
        }
      }
      return
    }
    strategy(node: node, actions: actions, sigma: sigma, scratch: next)
    for i in 0..<(players * hands) { childReach[i] = reach[i] }
    for a in 0..<actions {
      let row = sigma + a * hands
      var reached = 0.0
      for h in 0..<hands {
        actorRow[h] = parentRow[h] * row[h]
        reached += actorRow[h]
      }
      if purpose == .update && actor != traverser && reached == 0 {
        // No opponent reaches below: the traverser's values there are exactly zero, and only its
        // average-strategy sums (and discounting) need the walk.
        let zero = values + a * hands
        for h in 0..<hands { zero[h] = 0 }
        unreached(Int(game.children[start + a]), childReach, next)
        continue
      }
      let child = Int(game.children[start + a])
      if players == 2 && game.kind[child] == CompiledGame.Kind.terminal.rawValue {
        // Most children are terminals: evaluate them here, a call shallower.
        headsUpTerminal(child, childReach, values + a * hands)
      } else {
        walk(child, childReach, values + a * hands, next)
      }
    }
    for h in 0..<hands { out[h] = 0 }
    if actor != traverser {
      for a in 0..<actions {
        let row = values + a * hands
        for h in 0..<hands { out[h] += row[h] }
      }
      return
    }
    for a in 0..<actions {
      let row = values + a * hands
      let probabilities = sigma + a * hands
      for h in 0..<hands { out[h] += probabilities[h] * row[h] }
    }
    if purpose == .update {
      update(node: node, actions: actions, sigma: sigma, values: values, value: out, ownReach: parentRow)
    }
  }

  /// Walks a subtree no opponent reaches (update purpose only): the traverser's instantaneous
  /// regrets there are all zero, so only strategy sums, discounting and predictions change.
  /// Opponents' strategies are not needed; terminals are skipped. Gives the same bits as a full
  /// walk.
  func unreached(_ node: Int, _ reach: UnsafeMutablePointer<Double>, _ free: UnsafeMutablePointer<Double>) {
    let hands = handCount
    let players = game.numPlayers
    switch game.kind[node] {
    case CompiledGame.Kind.terminal.rawValue:
      return
    case CompiledGame.Kind.chance.rawValue:
      let start = Int(game.childStart[node])
      let childReach = free
      for i in 0..<Int(game.childCount[node]) {
        let child = Int(game.children[start + i])
        let dealt = game.board[child] & ~game.board[node]
        for j in 0..<(players * hands) { childReach[j] = reach[j] }
        for h in 0..<hands where game.hands[h] & dealt != 0 {
          for p in 0..<players { childReach[p * hands + h] = 0 }
        }
        unreached(child, childReach, childReach + players * hands)
      }
    default:
      let actor = Int(game.player[node])
      let actions = Int(game.childCount[node])
      let start = Int(game.childStart[node])
      guard actor == traverser else {
        for a in 0..<actions { unreached(Int(game.children[start + a]), reach, free) }
        return
      }
      let sigma = free
      let childReach = sigma + actions * hands
      let next = childReach + players * hands
      strategy(node: node, actions: actions, sigma: sigma, scratch: next)
      let zeros = next
      for i in 0..<(actions * hands) { zeros[i] = 0 }
      update(node: node, actions: actions, sigma: sigma, values: zeros, value: zeros, ownReach: reach + actor * hands)
      for i in 0..<(players * hands) { childReach[i] = reach[i] }
      let actorRow = childReach + actor * hands
      let parentRow = reach + actor * hands
      for a in 0..<actions {
        let row = sigma + a * hands
        for h in 0..<hands { actorRow[h] = parentRow[h] * row[h] }
        unreached(Int(game.children[start + a]), childReach, next + actions * hands)
      }
    }
  }

}
