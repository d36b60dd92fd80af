/// Each player's best response to a policy, in the full game, and what follows from it.
public struct Exploitability: Sendable, Hashable, Codable {
  /// Each player's value when everyone follows the policy.
  public var policyValues: [Double]
  /// Each player's value when that player best-responds and the others follow the policy.
  public var bestResponseValues: [Double]
  /// The sum over players of what a best response gains.
  public var nashConv: Double
  /// NashConv divided by the number of players (OpenSpiel's definition), in chips per game.
  public var exploitability: Double
}

/// Exact best response on a compiled game, vectorised over hands like the solver.
public struct BestResponse: Sendable {
  public let game: CompiledGame

  public init(game: CompiledGame) {
    self.game = game
  }

  /// Best-response and on-policy values of every player.
  public func evaluate(_ policy: Policy) -> Exploitability {
    let view = game.view
    return Walker<Double, AnyWidth>.withScratch(view) { scratch in evaluate(policy, view: view, scratch: scratch) }
  }

  private func evaluate(_ policy: Policy, view: GameView, scratch: UnsafeMutablePointer<Double>) -> Exploitability {
    let hands = view.handCount
    let reach = scratch
    let out = reach + view.numPlayers * hands
    let free = out + hands
    func value<W: HandWidth>(_ player: Int, _ purpose: Walker<Double, W>.Purpose, _: W.Type) -> Double {
      policy.probabilities.withUnsafeBufferPointer { probabilities in
        reach.update(repeating: 1, count: view.numPlayers * hands)
        var walker = Walker<Double, W>(game: view, traverser: player, purpose: purpose)
        walker.policy = probabilities.baseAddress
        walker.walk(0, reach, out, free)
        var total = 0.0
        for h in 0..<hands { total += out[h] }
        return total
      }
    }
    func value(_ player: Int, _ onPolicy: Bool) -> Double {
      switch hands {
      case 3: value(player, onPolicy ? .onPolicy : .bestResponse, ThreeHands.self)
      case 6: value(player, onPolicy ? .onPolicy : .bestResponse, SixHands.self)
      default: value(player, onPolicy ? .onPolicy : .bestResponse, AnyWidth.self)
      }
    }
    let players = 0..<view.numPlayers
    let onPolicy = players.map { value($0, true) }
    let best = players.map { value($0, false) }
    let nashConv = players.reduce(0.0) { $0 + best[$1] - onPolicy[$1] }
    return Exploitability(
      policyValues: onPolicy, bestResponseValues: best, nashConv: nashConv,
      exploitability: nashConv / Double(view.numPlayers))
  }

  /// A best response of `responder` to `policy`: a pure strategy at the responder's nodes (one
  /// action per information set, the first of equal best), the policy's own elsewhere.
  public func bestResponsePolicy(to policy: Policy, responder: Int) -> Policy {
    let view = game.view
    let hands = view.handCount
    var result = policy.probabilities
    Walker<Double, AnyWidth>.withScratch(view) { scratch in
      result.withUnsafeMutableBufferPointer { output in
        policy.probabilities.withUnsafeBufferPointer { probabilities in
          scratch.update(repeating: 1, count: view.numPlayers * hands)
          var walker = Walker<Double, AnyWidth>(game: view, traverser: responder, purpose: .bestResponse)
          walker.policy = probabilities.baseAddress
          walker.bestActions = output.baseAddress
          walker.walk(0, scratch, scratch + view.numPlayers * hands, scratch + view.numPlayers * hands + hands)
        }
      }
    }
    return Policy(game: game, probabilities: result)
  }

  /// NashConv / players for a policy.
  public func exploitability(_ policy: Policy) -> Double { evaluate(policy).exploitability }
}
