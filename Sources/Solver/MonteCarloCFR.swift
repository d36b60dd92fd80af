import Cards
import PokerRules
import Randomness

/// Monte Carlo CFR on a compiled game, for games too large to traverse in full.
///
/// Each iteration runs one sampled traversal per player. The private deal and board cards are
/// sampled; then:
/// - external sampling walks every action of the traverser and one sampled action of everyone
///   else (whose average strategy gains the current strategy there), updating the traverser's
///   regrets with sampled counterfactual values;
/// - outcome sampling follows one trajectory, choosing the traverser's actions with exploration
///   ε mixed in, and updates regrets and the average strategy by importance weighting (as in
///   OpenSpiel's outcome-sampling solver, without baselines).
///
/// Regrets and sums are 32-bit floats in the solver's table layout; everything random comes from
/// one ``SeededGenerator``, so the same seed gives the same policy bytes.
public final class MonteCarloCFR: @unchecked Sendable {
  /// Which sampling scheme.
  public enum Sampling: Hashable, Sendable {
    case external
    case outcome(exploration: Double)
  }

  public let game: CompiledGame
  public let sampling: Sampling
  public internal(set) var iteration = 0
  /// The generator and the hands dealt live behind pointers, not in stored properties, so the
  /// hot path pays no exclusivity check per access.
  let randomness: UnsafeMutablePointer<SeededGenerator>
  var generator: SeededGenerator {
    get { randomness.pointee }
    set { randomness.pointee = newValue }
  }
  let regrets: UnsafeMutablePointer<Float>
  let sums: UnsafeMutablePointer<Float>
  let view: GameView
  /// Each player's sampled hand for the current traversal.
  let dealt: UnsafeMutablePointer<Int>

  public init(game: CompiledGame, sampling: Sampling, seed: UInt64) {
    self.game = game
    self.sampling = sampling
    randomness = .allocate(capacity: 1)
    randomness.initialize(to: SeededGenerator(seed: seed))
    let count = max(game.slotCount, 1)
    regrets = .allocate(capacity: count)
    regrets.initialize(repeating: 0, count: count)
    sums = .allocate(capacity: count)
    sums.initialize(repeating: 0, count: count)
    view = game.view
    dealt = .allocate(capacity: game.numPlayers)
    dealt.initialize(repeating: 0, count: game.numPlayers)
  }

  deinit {
    regrets.deallocate()
    sums.deallocate()
    randomness.deallocate()
    dealt.deallocate()
  }

  /// Bytes per information-set action: a Float regret and a Float strategy sum.
  public var bytesPerSlot: Int { 8 }

  /// Runs `count` iterations (one sampled traversal per player each).
  public func iterate(_ count: Int = 1) {
    for _ in 0..<count {
      iteration += 1
      for player in 0..<view.numPlayers {
        dealHands()
        switch sampling {
        case .external:
          _ = external(0, traverser: player)
        case .outcome(let exploration):
          _ = outcome(
            0, traverser: player, exploration: exploration, myReach: 1, othersReach: 1, sampleReach: 1)
        }
      }
    }
  }

  /// Deals every player a hand, uniformly among deals without a shared card.
  func dealHands() {
    let hands = view.handCount
    var used: UInt64 = 0
    for player in 0..<view.numPlayers {
      var hand: Int
      repeat { hand = randomness.pointee.uniform(below: hands) } while view.hands[hand] & used != 0
      dealt[player] = hand
      used |= view.hands[hand]
    }
  }

  /// Samples a chance child: a board that shares no card with the hands dealt.
  func sampleBoard(_ node: Int) -> Int {
    var used: UInt64 = 0
    for player in 0..<view.numPlayers { used |= view.hands[dealt[player]] }
    let start = Int(view.childStart[node])
    let count = Int(view.childCount[node])
    while true {
      let child = Int(view.children[start + randomness.pointee.uniform(below: count)])
      if (view.board[child] & ~view.board[node]) & used == 0 { return child }
    }
  }

  /// Regret matching at a decision node for the hand its player holds, into `sigma`.
  @inline(__always)
  func strategy(slot: Int, actions: Int, hand: Int, sigma: UnsafeMutablePointer<Double>) {
    let hands = view.handCount
    var total = 0.0
    for a in 0..<actions {
      let positive = max(Double(regrets[slot + a * hands + hand]), 0)
      sigma[a] = positive
      total += positive
    }
    if total > 0 {
      for a in 0..<actions { sigma[a] /= total }
    } else {
      for a in 0..<actions { sigma[a] = 1 / Double(actions) }
    }
  }

  func sample(_ sigma: UnsafeMutablePointer<Double>, _ actions: Int) -> Int {
    let target = randomness.pointee.unitDouble()
    var cumulative = 0.0
    for a in 0..<(actions - 1) {
      cumulative += sigma[a]
      if target < cumulative { return a }
    }
    return actions - 1
  }

  /// The traverser's payoff at a terminal for the hands dealt.
  func utility(_ node: Int, traverser: Int) -> Double {
    let terminal = Int(view.terminalIndex[node])
    let players = view.numPlayers
    let spent = view.terminalSpent + terminal * players
    let folded = view.terminalFolded + terminal * players
    let showdown = Int(view.showdownOffset[terminal])
    if players == 2 {
      let opponent = 1 - traverser
      if showdown < 0 { return folded[traverser] ? -Double(spent[traverser]) : Double(spent[opponent]) }
      let mine = view.showdownRanks[showdown + dealt[traverser]]
      let theirs = view.showdownRanks[showdown + dealt[opponent]]
      let stake = Double(min(spent[0], spent[1]))
      return mine > theirs ? stake : mine < theirs ? -stake : 0
    }
    let ranks = (0..<players).map { HandRank(value: view.showdownRanks[max(showdown, 0) + dealt[$0]]) }
    return State.payoffs(
      spent: (0..<players).map { Int(spent[$0]) }, folded: (0..<players).map { folded[$0] },
      ranks: showdown < 0 ? nil : ranks)[traverser]
  }

  /// A decision node's actor, action count, first child, first table slot, and the actor's hand.
  @inline(__always)
  func site(_ node: Int) -> (actor: Int, actions: Int, start: Int, slot: Int, hand: Int) {
    let actor = Int(view.player[node])
    return (
      actor, Int(view.childCount[node]), Int(view.childStart[node]), Int(view.slotOffset[node]), dealt[actor]
    )
  }

  func external(_ node: Int, traverser: Int) -> Double {
    switch view.kind[node] {
    case CompiledGame.Kind.terminal.rawValue:
      return utility(node, traverser: traverser)
    case CompiledGame.Kind.chance.rawValue:
      return external(sampleBoard(node), traverser: traverser)
    default:
      let (actor, actions, start, slot, hand) = site(node)
      let hands = view.handCount
      return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * actions) { buffer in
        let sigma = buffer.baseAddress!
        strategy(slot: slot, actions: actions, hand: hand, sigma: sigma)
        if actor != traverser {
          for a in 0..<actions { sums[slot + a * hands + hand] += Float(sigma[a]) }
          let a = sample(sigma, actions)
          return external(Int(view.children[start + a]), traverser: traverser)
        }
        let values = sigma + actions
        var value = 0.0
        for a in 0..<actions {
          values[a] = external(Int(view.children[start + a]), traverser: traverser)
          value += sigma[a] * values[a]
        }
        for a in 0..<actions {
          let index = slot + a * hands + hand
          regrets[index] = Float(Double(regrets[index]) + (values[a] - value))
        }
        return value
      }
    }
  }

  func outcome(
    _ node: Int, traverser: Int, exploration: Double, myReach: Double, othersReach: Double, sampleReach: Double
  ) -> Double {
    switch view.kind[node] {
    case CompiledGame.Kind.terminal.rawValue:
      return utility(node, traverser: traverser)
    case CompiledGame.Kind.chance.rawValue:
      return outcome(
        sampleBoard(node), traverser: traverser, exploration: exploration, myReach: myReach,
        othersReach: othersReach, sampleReach: sampleReach)
    default:
      let (actor, actions, start, slot, hand) = site(node)
      let hands = view.handCount
      return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * actions) { buffer in
        let sigma = buffer.baseAddress!
        let sampling = sigma + actions
        strategy(slot: slot, actions: actions, hand: hand, sigma: sigma)
        let mine = actor == traverser
        for a in 0..<actions {
          sampling[a] = mine ? exploration / Double(actions) + (1 - exploration) * sigma[a] : sigma[a]
        }
        let chosen = sample(sampling, actions)
        let child = Int(view.children[start + chosen])
        let childValue = outcome(
          child, traverser: traverser, exploration: exploration,
          myReach: mine ? myReach * sigma[chosen] : myReach,
          othersReach: mine ? othersReach : othersReach * sigma[chosen],
          sampleReach: sampleReach * sampling[chosen])
        // Sampled values: the chosen action's value, importance-weighted; the others' are zero.
        let chosenValue = childValue / sampling[chosen]
        let value = sigma[chosen] * chosenValue
        if mine {
          let scale = othersReach / sampleReach
          for a in 0..<actions {
            let actionValue = a == chosen ? chosenValue : 0
            let index = slot + a * hands + hand
            regrets[index] = Float(Double(regrets[index]) + (actionValue - value) * scale)
            sums[index] += Float(myReach * sigma[a] / sampleReach)
          }
        }
        return value
      }
    }
  }

  /// The average strategy (uniform where nothing accumulated).
  public func averagePolicy() -> Policy {
    Policy(normalizing: UnsafePointer(sums), plus: nil, floorAtZero: false, game: game)
  }

}
