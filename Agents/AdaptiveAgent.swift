import BotProtocol
import Cards
import Foundation
import GameTheoreticProbability
import PokerRules
import Randomness
import Solver

/// Starts from an equilibrium policy, tests "the opponent plays this equilibrium" with an
/// e-process, and exploits the opponent once the evidence is strong, with a bounded worst case.
///
/// **Test.** After each hand, every opponent decision seen is scored by a categorical likelihood
/// ratio (``CategoricalLikelihoodRatio``, one context per public decision node): its action
/// against the probability the equilibrium gives that action given everything this agent knows,
/// the public history and its own cards (the opponent's cards averaged over the equilibrium's range
/// for that history). Under the claim this is a test martingale, so crossing 1/α happens with
/// probability at most α.
///
/// **Exploit.** Once it crosses 1/α the agent models the opponent by its smoothed action
/// frequencies per public node (the equilibrium where unobserved), computes a best response `E`
/// in both seats, and from then on plays, hand by hand, `E` with probability `w` and the
/// equilibrium otherwise. Exploitability is convex, so this lottery's exploitability is at most
/// `(1 − w)·e* + w·e_E`; choosing `w = min(1, ε / (e_E − e*))` keeps the worst case within `ε`
/// chips per hand of the equilibrium's (`e*`, `e_E`: exact exploitabilities). The model and `E`
/// are refreshed every 200 hands.
///
/// **Return.** A fresh e-process is started at each switch; every 300 opponent decisions, if it
/// has not grown above 1 (no new evidence against the equilibrium), the agent returns to the
/// equilibrium and starts testing afresh.
///
/// **Hands in flight.** A decision in hand k uses what the hands up to k − ``lag`` showed, taken
/// in hand order, never a later hand's end. The arena keeps at most ``lag`` hands in flight, so
/// those ends have always arrived by then: the agent plays up to ``lag`` hands at once and makes
/// exactly the decisions it makes one hand at a time.
public struct AdaptiveAgent: Agent {
  /// How many hands behind its decisions the agent's evidence runs (and how many hands it plays
  /// at once).
  public static let lag = 32
  public var inFlight: Int { AdaptiveAgent.lag }
  /// Ends of hands not yet taken into account, by hand number.
  var waitingEnds: [Int: MatchState] = [:]
  public let name = "adaptive"
  public let file: PolicyFile
  public let alpha: Double
  public let epsilon: Double
  let game: CompiledGame
  public var policyGame: GameDefinition? { game.definition }
  let root: SeededGenerator
  var evidence = CategoricalLikelihoodRatio<Int>()
  var recent = CategoricalLikelihoodRatio<Int>()
  var counts: [Int: [Double]] = [:]
  var exploit: Policy?
  public private(set) var weight = 0.0
  var handsSinceModel = 0
  /// When the agent switched, and why.
  public private(set) var switches: [String] = []
  var handsSeen = 0

  public init(path: String, seed: UInt64, alpha: Double = 0.05, epsilon: Double = 0.05) throws(SolverError) {
    file = try PolicyFile.read(from: path)
    game = file.policy.game
    self.alpha = alpha
    self.epsilon = epsilon
    root = SeededGenerator(seed: seed)
  }

  public var isExploiting: Bool { exploit != nil }

  /// The switches, for the arena's report.
  public func notes() -> [String] {
    switches.isEmpty
      ? ["never switched from the equilibrium (the evidence that the opponent deviates stayed below 1/α)"] : switches
  }

  public mutating func act(_ decision: Message.Decide, view: MatchState, game definition: GameDefinition) -> Action {
    learn(upTo: view.handNumber - AdaptiveAgent.lag)
    guard let own = view.holeCards[view.position], let hand = game.handIndex(own),
      let node = game.node(actions: view.actions, board: view.boardCards), game.kind[node] == .decision
    else { return .call }
    // The lottery between the equilibrium and the exploit is drawn once per hand.
    var handDraw = root.substream(UInt64(truncatingIfNeeded: view.handNumber) &+ 0x9E37)
    let policy = exploit != nil && handDraw.unitDouble() < weight ? exploit! : file.policy
    var generator = root.substream(UInt64(truncatingIfNeeded: decision.id))
    let actions = game.actions(at: node)
    let target = generator.unitDouble()
    var cumulative = 0.0
    for index in actions.indices {
      cumulative += policy.probability(node: node, action: index, hand: hand)
      if target < cumulative { return actions[index] }
    }
    return actions.last ?? .call
  }

  public mutating func handEnded(_ end: Message.HandEnd, game definition: GameDefinition) {
    guard let view = try? MatchState(parsing: end.matchState, game: definition), view.holeCards[view.position] != nil
    else { return }
    waitingEnds[view.handNumber] = view
  }

  /// Takes into account, in hand order, every hand ended up to hand `last`.
  mutating func learn(upTo last: Int) {
    guard !waitingEnds.isEmpty else { return }
    for hand in waitingEnds.keys.filter({ $0 <= last }).sorted() { learn(from: waitingEnds.removeValue(forKey: hand)!) }
  }

  /// Scores one finished hand, and switches to exploiting or back when the evidence says so.
  mutating func learn(from view: MatchState) {
    guard let own = view.holeCards[view.position] else { return }
    handsSeen += 1
    score(view: view, own: CardSet(own))
    if exploit == nil, evidence.logMaximum >= log(1 / alpha) {
      refreshExploit()
      recent = CategoricalLikelihoodRatio<Int>()
      switches.append(
        "hand \(handsSeen) of this pair: the e-value against \"the opponent plays the equilibrium\" reached \(String(format: "%.3g", evidence.eValue)) ≥ 1/α = \(String(format: "%.0f", 1 / alpha)); exploiting it, a best response to its observed frequencies mixed in with weight w = \(String(format: "%.3f", weight)) per hand"
      )
    } else if exploit != nil {
      handsSinceModel += 1
      if handsSinceModel >= 200 { refreshExploit() }
      if recent.count >= 300 {
        if recent.logCapital <= 0 {
          exploit = nil
          weight = 0
          evidence = CategoricalLikelihoodRatio<Int>()
          switches.append(
            "hand \(handsSeen) of this pair: no new evidence against the equilibrium in 300 decisions; back to the equilibrium"
          )
        }
        recent = CategoricalLikelihoodRatio<Int>()
      }
    }
  }

  /// Scores every opponent decision of a finished hand against the equilibrium.
  mutating func score(view: MatchState, own: CardSet) {
    let hands = game.hands.count
    var weights = game.hands.map { $0.isDisjoint(with: own) ? 1.0 : 0.0 }
    var node = 0
    var taken = 0
    let actions = view.actions
    let total = actions.reduce(0) { $0 + $1.count }
    while taken < total || game.kind[node] == .chance {
      switch game.kind[node] {
      case .terminal:
        return
      case .chance:
        let want = CardSet(view.boardCards.prefix(Int(game.round[node]) + 1).joined())
        let start = Int(game.childStart[node])
        guard
          let child = (0..<Int(game.childCount[node])).map({ Int(game.children[start + $0]) }).first(where: {
            game.board[$0] == want
          })
        else { return }
        for h in 0..<hands where !game.hands[h].isDisjoint(with: game.board[child]) { weights[h] = 0 }
        node = child
      case .decision:
        let round = Int(game.round[node])
        let index = taken - actions.prefix(round).reduce(0) { $0 + $1.count }
        guard round < actions.count, index < actions[round].count else { return }
        let options = game.actions(at: node)
        guard
          let choice = options.firstIndex(where: {
            Self.same($0, actions[round][index], limit: game.definition.betting == .limit)
          })
        else { return }
        if Int(game.player[node]) != view.position {
          var probabilities = [Double](repeating: 0, count: options.count)
          for h in 0..<hands where weights[h] > 0 {
            for a in options.indices {
              probabilities[a] += weights[h] * file.policy.probability(node: node, action: a, hand: h)
            }
          }
          let sum = probabilities.reduce(0, +)
          if sum > 0 {
            probabilities = probabilities.map { $0 / sum }
            try? evidence.observe(context: node, probabilities: probabilities, choice: choice)
            if exploit != nil { try? recent.observe(context: node, probabilities: probabilities, choice: choice) }
            counts[node, default: [Double](repeating: 0, count: options.count)][choice] += 1
          }
          for h in 0..<hands { weights[h] *= file.policy.probability(node: node, action: choice, hand: h) }
        }
        let start = Int(game.childStart[node])
        node = Int(game.children[start + choice])
        taken += 1
      }
    }
  }

  static func same(_ a: Action, _ b: Action, limit: Bool) -> Bool {
    switch (a, b) {
    case (.fold, .fold), (.call, .call): true
    case (.raise(let x), .raise(let y)): limit || x == y
    default: false
    }
  }

  /// Rebuilds the opponent model, the best response to it in both seats, and the weight.
  mutating func refreshExploit() {
    handsSinceModel = 0
    let hands = game.hands.count
    var model = file.policy.probabilities
    for (node, seen) in counts {
      let slot = Int(game.slotOffset[node])
      let total = seen.reduce(0, +) + 0.5 * Double(seen.count)
      for a in seen.indices {
        for h in 0..<hands { model[slot + a * hands + h] = (seen[a] + 0.5) / total }
      }
    }
    let modelPolicy = Policy(game: game, probabilities: model)
    let bestResponse = BestResponse(game: game)
    let first = bestResponse.bestResponsePolicy(to: modelPolicy, responder: 0)
    let second = bestResponse.bestResponsePolicy(to: modelPolicy, responder: 1)
    var combined = first.probabilities
    for node in game.decisionNodes where game.player[Int(node)] == 1 {
      let slot = Int(game.slotOffset[Int(node)])
      for i in 0..<(Int(game.childCount[Int(node)]) * hands) { combined[slot + i] = second.probabilities[slot + i] }
    }
    let exploitPolicy = Policy(game: game, probabilities: combined)
    let equilibrium = bestResponse.exploitability(file.policy)
    let exploitable = bestResponse.exploitability(exploitPolicy)
    weight = exploitable > equilibrium ? min(1, epsilon / (exploitable - equilibrium)) : 1
    exploit = exploitPolicy
  }
}
