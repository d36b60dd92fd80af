import BotProtocol
import Foundation
import GameTheoreticProbability
import PokerRules
import Solver

/// Runs a match between bot processes: launches each as `skeptic bot`, registers them, plays every
/// pair through the ``Referee``, appends each finished hand to the logs, keeps an anytime-valid
/// comparison per pair, and stops a pair early on a forfeit or, when asked, once the evidence is
/// decisive.
public final class MatchRunner {
  public struct Bot: Sendable, Hashable, Codable {
    public var name: String
    public var spec: String
    public init(name: String, spec: String) {
      self.name = name
      self.spec = spec
    }
  }

  public struct Configuration: Sendable, Codable {
    public var game: String
    public var bots: [Bot]
    public var hands: Int
    public var duplicate = false
    public var seed: UInt64 = 1
    public var alpha = 0.05
    public var stopWhenDecided = false
    public var actionTimeMs = 10_000
    /// Milliseconds a bot may take over one hand.
    public var handTimeMs = 60_000
    public var maxCorrections = 100
    public var outDirectory: String
    public var listen = "tcp://127.0.0.1:*"
    /// How long to wait for every bot to say hello, in milliseconds.
    public var registrationTimeoutMs = 30_000
    /// The `skeptic` executable that runs the bots.
    public var executable: String
    /// The most hands kept in flight per pair (each bot also says how many it accepts).
    public var maxInFlight = Connection.maximumInFlight
    /// Continue the match recorded in `outDirectory` instead of starting afresh.
    public var resume = false
    /// Secrets for remote seats, by name; a remote seat not given one gets the secret kept in
    /// `outDirectory/seats/NAME.secret`, made there when missing.
    public var seatSecrets: [String: String] = [:]

    public init(game: String, bots: [Bot], hands: Int, outDirectory: String, executable: String) {
      self.game = game
      self.bots = bots
      self.hands = hands
      self.outDirectory = outDirectory
      self.executable = executable
    }
  }

  /// What progress callbacks see after each hand.
  public struct Progress: Sendable {
    public var pair: String
    public var hands: Int
    public var target: Int
    public var handsPerSecond: Double
    /// Chips per hand won by the pair's first bot, and the confidence sequence's latest interval
    /// (exact ends, refreshed as often as is cheap).
    public var mean: Double
    public var interval: ClosedRange<Double>?
    /// The report's unit (chips/hand or mbb/hand), and chips times `scale` in that unit.
    public var unit: String
    public var scale: Double
  }

  public let configuration: Configuration
  public init(configuration: Configuration) { self.configuration = configuration }

  /// Plays the match. `announce` is told at once where the arena listens (and which remote
  /// seats it waits for); `progress` after each hand.
  public func run(announce: (String) -> Void = { _ in }, progress: (Progress) -> Void) throws(ArenaError)
    -> MatchReport
  {
    let config = configuration
    let definition: GameDefinition
    do { definition = try GameDefinition.named(config.game) } catch { throw ArenaError("\(error)") }
    guard Set(config.bots.map(\.name)).count == config.bots.count, config.bots.count >= 2 else {
      throw ArenaError("give at least two bots with different names")
    }
    guard definition.numPlayers == 2 else {
      throw ArenaError("the arena plays two-player games; \(config.game) has \(definition.numPlayers)")
    }
    let bound = MatchRunner.largestWin(definition)
    let connection: Connection
    do { connection = try Connection(listen: config.listen) } catch {
      throw ArenaError("cannot listen on \(config.listen): \(error)")
    }
    let bots = config.bots.map { "\($0.name)=\($0.spec)" }.joined(separator: " ")
    let header =
      "# skeptic arena: game \(config.game), seed \(config.seed), \(config.duplicate ? "duplicate, " : "")bots \(bots)"
    let previous: [String: [HandRecord]] =
      config.resume ? try MatchLogs.recover(directory: config.outDirectory, header: header) : [:]
    let logs = try MatchLogs(directory: config.outDirectory, header: header, fresh: !config.resume)
    if !config.resume { try logs.saveConfiguration(config) }
    let tables = config.duplicate ? 2 : 1
    var welcome = Message.Welcome(
      protocolVersion: 1, gameDefinition: definition.text, hands: config.hands, actionTimeMs: config.actionTimeMs,
      handTimeMs: config.handTimeMs)
    welcome.inFlight = min(max(config.maxInFlight, 1), Connection.maximumInFlight)
    connection.game = config.game
    connection.welcome = welcome
    let remote = config.bots.filter { $0.spec == "remote" }.map(\.name)
    for name in remote { connection.remoteSecrets[name] = try SeatSecret.remote(name, config: config) }
    let sessions = SessionLauncher(config: config, connection: connection)
    defer { sessions.stopAll() }
    if remote.isEmpty {
      announce("arena at \(connection.endpoint)")
    } else {
      let each = tables == 2 ? " (each twice: one session per half of the duplicate deals)" : ""
      announce(
        "arena at \(connection.endpoint): waiting \(config.registrationTimeoutMs / 1000) s for \(remote.joined(separator: ", "))\(each); each seat's secret is in \(config.outDirectory)/seats/NAME.secret"
      )
      let seats = Set(remote.flatMap { name in (0..<tables).map { Seat(name: name, table: $0) } })
      do { _ = try connection.register(seats, timeoutMs: config.registrationTimeoutMs) } catch {
        throw ArenaError("registering bots failed: \(error)")
      }
    }
    var notes: [String: [String]] = [:]
    /// Remote sessions that said `leave`: gone for the rest of the match.
    var departed: Set<Seat> = []
    /// Bots whose process died or that never connected.
    var failedBots: Set<String> = []
    var pairs: [PairReport] = []
    let start = Date()
    for i in 0..<config.bots.count {
      for j in (i + 1)..<config.bots.count {
        let (a, b) = (config.bots[i], config.bots[j])
        let label = "\(a.name) vs \(b.name)"
        let (unit, scale) = MatchRunner.unit(definition)
        var report = PairReport(first: a.name, second: b.name, unit: unit)
        report.scale = scale
        var referee = Referee(
          game: definition,
          schedule: DealSchedule(seed: config.seed &+ UInt64(pairs.count), duplicate: config.duplicate, players: 2))
        referee.actionTimeMs = config.actionTimeMs
        referee.handTimeMs = config.handTimeMs
        var comparison: PairedComparison
        do { comparison = try PairedComparison(alpha: config.alpha, range: bound) } catch {
          throw ArenaError("\(error)")
        }
        var pending: [Double] = []
        var corrections = [0, 0]
        var total = 0.0
        let pairStart = Date()
        let done = previous[label] ?? []
        var exact: ClosedRange<Double>?
        var exactAt = Date.distantPast
        var exactCost = 0.0
        func take(_ record: HandRecord, logged: Bool) throws(ArenaError) -> Bool {
          let hand = record.hand
          if !logged { try logs.append(record, pair: label) }
          let seatOfA = record.seating.firstIndex(of: 0)!
          let result = record.payoffs[seatOfA]
          total += result
          for (seat, count) in record.corrected.enumerated() { corrections[record.seating[seat]] += count }
          pending.append(result)
          if !config.duplicate || pending.count == 2 {
            do { try comparison.observe(difference: pending.reduce(0, +) / Double(pending.count)) } catch {
              throw ArenaError("\(error)")
            }
            if report.decidedAfterHands == nil {
              if comparison.aBetter.hasRejected(alpha: config.alpha) {
                (report.decidedAfterHands, report.decidedFor) = (hand + 1, a.name)
              } else if comparison.bBetter.hasRejected(alpha: config.alpha) {
                (report.decidedAfterHands, report.decidedFor) = (hand + 1, b.name)
              }
            }
            if MatchRunner.isCurvePoint(hand + 1) || hand + 1 == config.hands {
              report.curve.append(
                .init(
                  hands: hand + 1, lower: comparison.sequence.interval?.lowerBound,
                  upper: comparison.sequence.interval?.upperBound, mean: total / Double(hand + 1),
                  log10EFirst: comparison.aBetter.logCapital / M_LN10,
                  log10ESecond: comparison.bBetter.logCapital / M_LN10))
            }
            pending = []
          }
          report.hands = hand + 1
          // The first reason to stop is the one reported; hands already dealt still count.
          if report.stoppedBecause != nil { return false }
          if let failed = record.failures.enumerated().first(where: { $0.element != nil }) {
            let name = record.names[failed.offset]
            report.stoppedBecause = "\(name) \(failed.element!) in hand \(hand) (forfeits the rest)"
            if failed.element == "disconnected" {
              failedBots.insert(name)
              if let last = sessions.lastError(Seat(name: name, table: hand % tables)) {
                report.stoppedBecause! += "; its last error: \(last)"
              }
            }
            return false
          }
          if let offender = corrections.firstIndex(where: { $0 > config.maxCorrections }) {
            report.stoppedBecause =
              "\([a.name, b.name][offender]) sent more than \(config.maxCorrections) invalid actions (forfeit)"
            return false
          }
          if config.stopWhenDecided, comparison.shouldStop([.decisive]) != nil {
            report.stoppedBecause = "decided at hand \(hand): an e-value passed 1/α = \(Int(1 / config.alpha))"
            return false
          }
          let now = Date()
          let elapsed = now.timeIntervalSince(pairStart)
          // The grid's interval is free but no finer than its spacing; the exact ends cost time
          // linear in the hands, so they are refreshed while that stays under 1% of the match,
          // and at the last hand, so the last line shows what the report will say.
          if now.timeIntervalSince(exactAt) > 100 * exactCost || hand + 1 == config.hands {
            exact = comparison.sequence.exactInterval()
            exactCost = Date().timeIntervalSince(now)
            exactAt = Date()
          }
          progress(
            Progress(
              pair: label, hands: hand + 1, target: config.hands, handsPerSecond: Double(hand + 1) / max(elapsed, 1e-9),
              mean: total / Double(hand + 1), interval: exact ?? comparison.sequence.interval, unit: report.unit,
              scale: report.scale))
          return true
        }
        var going = true
        for record in done.prefix(config.hands) { going = try take(record, logged: true) && going }
        if going && done.count < config.hands {
          // Fresh sessions for the pair: each local bot a new process per table.
          let seats = (0..<tables).flatMap { table in [a.name, b.name].map { Seat(name: $0, table: table) } }
          let local = seats.filter { seat in config.bots.first { $0.name == seat.name }?.spec != "remote" }
          try sessions.launch(local, pair: pairs.count)
          let missing: Set<Seat>
          do { missing = try connection.register(Set(local), timeoutMs: config.registrationTimeoutMs) } catch {
            throw ArenaError("registering bots failed: \(error)")
          }
          if let absent = seats.first(where: { missing.contains($0) || connection.identities[$0] == nil }) {
            report.stoppedBecause =
              departed.contains(absent)
              ? "\(absent) left the match in an earlier pair (forfeit)"
              : "\(absent) never connected (forfeit)\(sessions.lastError(absent).map { "; its last error: \($0)" } ?? "")"
            if !departed.contains(absent) { failedBots.insert(absent.name) }
          } else {
            let window = min(
              seats.map { connection.inFlight[$0] ?? 1 }.min() ?? 1, max(config.maxInFlight, 1))
            report.handsInFlight = window
            let traffic = try connection.play(
              referee: referee, names: [a.name, b.name], sessions: seats, hands: done.count..<config.hands,
              window: window,
              commit: { record throws(ArenaError) in try take(record, logged: false) },
              flush: { () throws(ArenaError) in try logs.flush() })
            report.decisions = traffic.decisions
            report.meanRoundTripMicroseconds =
              traffic.decisions > 0 ? Double(traffic.roundTripNanoseconds) / Double(traffic.decisions) / 1_000 : nil
            // A remote bot that left is gone for the rest of the match.
            for (index, failure) in traffic.failures.enumerated()
            where failure == .left && !local.contains(seats[index]) {
              connection.release(seats[index])
              departed.insert(seats[index])
            }
          }
          for (seat, lines) in sessions.end(local) {
            let other = seat.name == a.name ? b.name : a.name
            notes[seat.name, default: []] += lines.map {
              "vs \(other)\(seat.table == 1 ? " (mirrored half)" : ""): \($0)"
            }
          }
        }
        try logs.flush(durable: true)
        report.total = total
        report.mean = report.hands > 0 ? total / Double(report.hands) : 0
        report.interval = comparison.sequence.exactInterval().map { [$0.lowerBound, $0.upperBound] }
        report.setEValues(
          logFirstBetter: comparison.aBetter.logCapital, logSecondBetter: comparison.bBetter.logCapital)
        report.invalidActions = corrections
        pairs.append(report)
      }
    }
    var exploitability: [String: Double] = [:]
    for bot in config.bots where bot.spec.hasPrefix("policy:") {
      if let file = try? PolicyFile.read(from: String(bot.spec.dropFirst("policy:".count))) {
        exploitability[bot.name] = BestResponse(game: file.policy.game).exploitability(file.policy)
      }
    }
    let remoteSeats = remote.flatMap { name in (0..<tables).map { Seat(name: name, table: $0) } }
    for seat in remoteSeats { connection.send(seat, .matchEnd(.init(reason: "match over"))) }
    for (seat, lines) in connection.collectNotes(from: remoteSeats, timeoutMs: 2_000) {
      notes[seat.name, default: []] += lines
    }
    var report = MatchReport(
      game: config.game, seed: config.seed, duplicate: config.duplicate, alpha: config.alpha, pairs: pairs,
      exploitability: exploitability, seconds: Date().timeIntervalSince(start))
    report.notes = notes
    report.refusals = connection.refusals
    report.failedBots = failedBots.sorted()
    if config.duplicate {
      report.assumptions.append(
        "duplicate deals: each half of every pair was played by sessions that never saw the other half (bots this arena started ran as separate processes)"
      )
      if !remote.isEmpty {
        report.assumptions.append(
          "\(remote.joined(separator: ", ")) played each half on its own connection; the arena cannot see whether a remote bot's two sessions share memory, and the duplicate result holds only if they do not"
        )
      }
    }
    try logs.writeReport(report)
    return report
  }

  /// The settings of the match recorded in `directory`, for `--resume`.
  public static func savedConfiguration(in directory: String) throws(ArenaError) -> Configuration {
    try MatchLogs.configuration(in: directory)
  }

  /// Whether the report's curve keeps the point after `hands` hands: every hand up to 100, then
  /// about 100 points per decade (a log-scaled plot loses nothing).
  static func isCurvePoint(_ hands: Int) -> Bool {
    var step = 1
    while hands >= step * 100 { step *= 10 }
    return hands % step == 0
  }

  /// The most a player can win or lose in one hand: the largest contribution possible.
  /// The unit results of `game` are reported in, and chips times `scale` in it, the same in the
  /// arena, `skeptic play` and LBR: mbb/hand (thousandths of the big blind) for games with
  /// blinds, hold'em of every size and betting; chips/hand for games with antes (every seat
  /// posting the same), Kuhn and Leduc limit or no-limit, where a big blind means nothing.
  public static func unit(_ game: GameDefinition) -> (unit: String, scale: Double) {
    let posted = Set(game.blinds.filter { $0 > 0 })
    return posted.count > 1 ? ("mbb/hand", 1000 / Double(game.bigBlind)) : ("chips/hand", 1)
  }

  public static func largestWin(_ game: GameDefinition) -> Double {
    if game.betting == .noLimit { return Double(game.stacks?.max() ?? 0) }
    var total = game.bigBlind
    for round in 0..<game.numRounds {
      total += game.raiseSizes[round] * (game.maxRaises?[round] ?? 4)
    }
    return Double(total)
  }
}

/// Why a match could not run.
public struct ArenaError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
