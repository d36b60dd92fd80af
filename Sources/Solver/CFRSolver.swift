import Foundation

/// Runs a member of the CFR family on a compiled game, full traversal, vectorised over hands.
///
/// Regrets and average-strategy sums live in two flat buffers of ``CompiledGame/slotCount``
/// entries (plus the last instantaneous regrets for PCFR+). Each pass reaches them through one
/// typed pointer; nothing in the hot loop goes through an array.
///
/// ```swift
/// let game = try CompiledGame.compile(BundledGame.leduc.definition)
/// let solver = CFRSolver(game: game, settings: SolverSettings(algorithm: .cfrPlus))
/// solver.iterate(1000)
/// let policy = solver.averagePolicy()
/// try BestResponse(game: game).exploitability(policy)  // ≈ 0.00026
/// ```
public final class CFRSolver: @unchecked Sendable {
  public let game: CompiledGame
  public let settings: SolverSettings
  /// Iterations completed.
  public internal(set) var iteration = 0

  let regrets: UnsafeMutableRawPointer
  let sums: UnsafeMutableRawPointer
  let predictions: UnsafeMutableRawPointer?
  let scratch: UnsafeMutablePointer<Double>
  let scratchCount: Int
  var collected: UnsafeMutablePointer<Double>?
  let workers: Workers?

  public init(game: CompiledGame, settings: SolverSettings) {
    self.game = game
    self.settings = settings
    let bytes = game.slotCount * (settings.precision == .single ? 4 : 8)
    regrets = .allocate(byteCount: max(bytes, 8), alignment: 8)
    regrets.initializeMemory(as: UInt8.self, repeating: 0, count: max(bytes, 8))
    sums = .allocate(byteCount: max(bytes, 8), alignment: 8)
    sums.initializeMemory(as: UInt8.self, repeating: 0, count: max(bytes, 8))
    if case .predictivePlus = settings.algorithm {
      let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes, 8), alignment: 8)
      pointer.initializeMemory(as: UInt8.self, repeating: 0, count: max(bytes, 8))
      predictions = pointer
    } else {
      predictions = nil
    }
    let view = game.view
    scratchCount = Walker<Double, AnyWidth>.scratchCount(view)
    scratch = .allocate(capacity: scratchCount)
    scratch.initialize(repeating: 0, count: scratchCount)
    workers =
      settings.threads > 1
      ? Workers(count: settings.threads, threshold: settings.parallelThreshold, arenaSize: scratchCount) : nil
    if !settings.alternatingUpdates {
      collected = .allocate(capacity: max(game.slotCount, 1))
      collected?.initialize(repeating: 0, count: max(game.slotCount, 1))
    }
  }

  deinit {
    regrets.deallocate()
    sums.deallocate()
    predictions?.deallocate()
    scratch.deallocate()
    collected?.deallocate()
  }

  /// Bytes of solver state per information-set action (regrets, sums, predictions).
  public var bytesPerSlot: Int {
    (settings.precision == .single ? 4 : 8) * (predictions == nil ? 2 : 3) + (collected == nil ? 0 : 8)
  }

  /// Runs `count` iterations.
  public func iterate(_ count: Int = 1) {
    for _ in 0..<count {
      switch settings.precision {
      case .single: step(Float.self)
      case .double: step(Double.self)
      }
    }
  }

  private func step<S: BinaryFloatingPoint>(_ scalar: S.Type) {
    switch game.hands.count {
    case 3: step(scalar, ThreeHands.self)
    case 6: step(scalar, SixHands.self)
    default: step(scalar, AnyWidth.self)
    }
  }

  private func step<S: BinaryFloatingPoint, W: HandWidth>(_: S.Type, _: W.Type) {
    iteration += 1
    let t = Double(iteration)
    let rule: Walker<S, W>.Rule
    switch settings.algorithm {
    case .cfr: rule = .plain
    case .cfrPlus: rule = .floored
    case .predictivePlus: rule = .predictive
    case .discounted(let alpha, let beta, _):
      let a = pow(t, alpha)
      let b = pow(t, beta)
      rule = .discounted(positive: a / (a + 1), negative: b / (b + 1))
    }
    let view = game.view
    let hands = view.handCount
    let reach = scratch
    let out = reach + view.numPlayers * hands
    let free = out + hands
    for player in 0..<view.numPlayers {
      reach.update(repeating: 1, count: view.numPlayers * hands)
      var walker = Walker<S, W>(game: view, traverser: player, purpose: .update)
      walker.regrets = regrets.assumingMemoryBound(to: S.self)
      walker.sums = sums.assumingMemoryBound(to: S.self)
      walker.predictions = predictions?.assumingMemoryBound(to: S.self)
      walker.collected = collected
      walker.rule = rule
      walker.workers = workers
      walker.averageWeight = settings.algorithm.averageWeight(iteration)
      walker.walk(0, reach, out, free)
    }
    if let collected {
      let regrets = regrets.assumingMemoryBound(to: S.self)
      let predictions = predictions?.assumingMemoryBound(to: S.self)
      for i in 0..<game.slotCount {
        Walker<S, W>.apply(rule, instant: collected[i], regret: regrets + i, prediction: predictions.map { $0 + i })
      }
    }
  }

  /// The average strategy: each information set's strategy sums normalised (uniform where none
  /// accumulated).
  public func averagePolicy() -> Policy {
    switch settings.precision {
    case .single: normalized(sums.assumingMemoryBound(to: Float.self), floor: false)
    case .double: normalized(sums.assumingMemoryBound(to: Double.self), floor: false)
    }
  }

  /// The current strategy (regret matching on the cumulative regrets).
  public func currentPolicy() -> Policy {
    switch settings.precision {
    case .single: normalized(regrets.assumingMemoryBound(to: Float.self), floor: true)
    case .double: normalized(regrets.assumingMemoryBound(to: Double.self), floor: true)
    }
  }

  private func normalized<S: BinaryFloatingPoint>(_ values: UnsafeMutablePointer<S>, floor: Bool) -> Policy {
    let predictions = floor ? self.predictions?.assumingMemoryBound(to: S.self) : nil
    return Policy(
      normalizing: UnsafePointer(values), plus: predictions.map { UnsafePointer($0) }, floorAtZero: floor, game: game)
  }

}
