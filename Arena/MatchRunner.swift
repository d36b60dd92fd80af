import BotProtocol
import Foundation
import GameTheoreticProbability
import PokerRules

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
  /// The exploitability (chips per game) of the policy in a `policy:FILE` bot's file, for the
  /// report, or nil when there is none to compute. The arena knows no solver: the command line
  /// gives this (an exact best response).
  public let judge: (String) -> Double?

  public init(configuration: Configuration, judge: @escaping (String) -> Double? = { _ in nil }) {
    self.configuration = configuration
    self.judge = judge
  }

  /// What one run shares across its pairs: the game, the socket, the bot processes, the logs,
  /// and what the report gathers on the way.
  final class Match {
    let config: Configuration
    let definition: GameDefinition
    let connection: Connection
    let sessions: SessionLauncher
    let logs: MatchLogs
    /// Hands recorded before a resume, by pair.
    let previous: [String: [HandRecord]]
    let tables: Int
    let remote: [String]
    var notes: [String: [String]] = [:]
    /// Remote sessions that said `leave`: gone for the rest of the match.
    var departed: Set<Seat> = []
    /// Bots whose process died or that never connected.
    var failedBots: Set<String> = []

    init(_ config: Configuration) throws(ArenaError) {
      self.config = config
      do { definition = try GameDefinition.named(config.game) } catch { throw ArenaError("\(error)") }
      guard Set(config.bots.map(\.name)).count == config.bots.count, config.bots.count >= 2 else {
        throw ArenaError("give at least two bots with different names")
      }
      guard definition.numPlayers == 2 else {
        throw ArenaError("the arena plays two-player games; \(config.game) has \(definition.numPlayers)")
      }
      do { connection = try Connection(listen: config.listen) } catch {
        throw ArenaError("cannot listen on \(config.listen): \(error)")
      }
      let bots = config.bots.map { "\($0.name)=\($0.spec)" }.joined(separator: " ")
      let header =
        "# skeptic arena: game \(config.game), seed \(config.seed), \(config.duplicate ? "duplicate, " : "")bots \(bots)"
      previous = config.resume ? try MatchLogs.recover(directory: config.outDirectory, header: header) : [:]
      logs = try MatchLogs(directory: config.outDirectory, header: header, fresh: !config.resume)
      if !config.resume { try logs.saveConfiguration(config) }
      tables = config.duplicate ? 2 : 1
      var welcome = Message.Welcome(
        protocolVersion: 1, gameDefinition: definition.text, hands: config.hands, actionTimeMs: config.actionTimeMs,
        handTimeMs: config.handTimeMs)
      welcome.inFlight = min(max(config.maxInFlight, 1), Connection.maximumInFlight)
      connection.game = config.game
      connection.welcome = welcome
      remote = config.bots.filter { $0.spec == "remote" }.map(\.name)
      for name in remote { connection.remoteSecrets[name] = try SeatSecret.remote(name, config: config) }
      sessions = SessionLauncher(config: config, connection: connection)
    }

    /// Says where the arena listens and waits for the remote seats to be taken.
    func registerRemoteSeats(announce: (String) -> Void) throws(ArenaError) {
      guard !remote.isEmpty else {
        announce("arena at \(connection.endpoint)")
        return
      }
      let each = tables == 2 ? " (each twice: one session per half of the duplicate deals)" : ""
      announce(
        "arena at \(connection.endpoint): waiting \(config.registrationTimeoutMs / 1000) s for \(remote.joined(separator: ", "))\(each); each seat's secret is in \(config.outDirectory)/seats/NAME.secret"
      )
      let seats = Set(remote.flatMap { name in (0..<tables).map { Seat(name: name, table: $0) } })
      do { _ = try connection.register(seats, timeoutMs: config.registrationTimeoutMs) } catch {
        throw ArenaError("registering bots failed: \(error)")
      }
    }
  }

  /// Plays the match. `announce` is told at once where the arena listens (and which remote
  /// seats it waits for); `progress` after each hand.
  public func run(announce: (String) -> Void = { _ in }, progress: (Progress) -> Void) throws(ArenaError)
    -> MatchReport
  {
    let match = try Match(configuration)
    defer { match.sessions.stopAll() }
    try match.registerRemoteSeats(announce: announce)
    var pairs: [PairReport] = []
    let start = Date()
    for i in 0..<configuration.bots.count {
      for j in (i + 1)..<configuration.bots.count {
        pairs.append(
          try playPair(configuration.bots[i], configuration.bots[j], index: pairs.count, in: match, progress))
      }
    }
    let report = finalReport(match, pairs: pairs, seconds: Date().timeIntervalSince(start))
    try match.logs.writeReport(report)
    return report
  }

  /// Plays one pair: the hands a resume found first, then fresh sessions for the rest.
  func playPair(_ a: Bot, _ b: Bot, index: Int, in match: Match, _ progress: (Progress) -> Void) throws(ArenaError)
    -> PairReport
  {
    let config = match.config
    let label = "\(a.name) vs \(b.name)"
    let (unit, scale) = MatchRunner.unit(match.definition)
    var score = try PairScore(
      first: a.name, second: b.name, settings: config, unit: unit, scale: scale,
      range: MatchRunner.largestWin(match.definition))
    var referee = Referee(
      game: match.definition,
      schedule: DealSchedule(seed: config.seed &+ UInt64(index), duplicate: config.duplicate, players: 2))
    referee.actionTimeMs = config.actionTimeMs
    referee.handTimeMs = config.handTimeMs
    var display = ProgressDisplay(pair: label, target: config.hands, unit: unit, scale: scale)
    func take(_ record: HandRecord, logged: Bool) throws(ArenaError) -> Bool {
      if !logged { try match.logs.append(record, pair: label) }
      let going = try score.take(record) { name in
        match.sessions.lastError(Seat(name: name, table: record.hand % match.tables))
      }
      if let name = score.disconnected { match.failedBots.insert(name) }
      if going { progress(display.update(score)) }
      return going
    }
    let done = match.previous[label] ?? []
    var going = true
    for record in done.prefix(config.hands) { going = try take(record, logged: true) && going }
    if going && done.count < config.hands {
      // The pipeline commits through `take`, which changes `score`: the outcome is applied after.
      let outcome = try playFreshSessions(a, b, index: index, hands: done.count..<config.hands, match, referee) {
        record throws(ArenaError) in
        try take(record, logged: false)
      }
      switch outcome {
      case .forfeit(let reason): score.forfeit(reason)
      case .played(let decisions, let roundTrip, let window):
        score.record(decisions: decisions, roundTripNanoseconds: roundTrip, window: window)
      }
    }
    try match.logs.flush(durable: true)
    return score.finalReport()
  }

  /// How a pair's fresh sessions went.
  enum SessionsOutcome {
    /// A seat was not taken: the pair is forfeit, for this reason.
    case forfeit(String)
    /// The hands were played: decisions answered, their summed round trip, hands in flight.
    case played(decisions: Int, roundTripNanoseconds: UInt64, window: Int)
  }

  /// Starts the pair's local bots, registers them and plays `hands` through the pipeline; a
  /// seat not taken forfeits the pair.
  func playFreshSessions(
    _ a: Bot, _ b: Bot, index: Int, hands: Range<Int>, _ match: Match, _ referee: Referee,
    commit: (HandRecord) throws(ArenaError) -> Bool
  ) throws(ArenaError) -> SessionsOutcome {
    let outcome: SessionsOutcome
    let (config, connection) = (match.config, match.connection)
    // Fresh sessions for the pair: each local bot a new process per table.
    let seats = (0..<match.tables).flatMap { table in [a.name, b.name].map { Seat(name: $0, table: table) } }
    let local = seats.filter { seat in config.bots.first { $0.name == seat.name }?.spec != "remote" }
    try match.sessions.launch(local, pair: index)
    let missing: Set<Seat>
    do { missing = try connection.register(Set(local), timeoutMs: config.registrationTimeoutMs) } catch {
      throw ArenaError("registering bots failed: \(error)")
    }
    if let absent = seats.first(where: { missing.contains($0) || connection.identities[$0] == nil }) {
      let departed = match.departed.contains(absent)
      outcome = .forfeit(
        departed
          ? "\(absent) left the match in an earlier pair (forfeit)"
          : "\(absent) never connected (forfeit)\(match.sessions.lastError(absent).map { "; its last error: \($0)" } ?? "")"
      )
      if !departed { match.failedBots.insert(absent.name) }
    } else {
      let window = min(seats.map { connection.inFlight[$0] ?? 1 }.min() ?? 1, max(config.maxInFlight, 1))
      let traffic = try connection.play(
        referee: referee, names: [a.name, b.name], sessions: seats, hands: hands, window: window, commit: commit,
        flush: { () throws(ArenaError) in try match.logs.flush() })
      outcome = .played(
        decisions: traffic.decisions, roundTripNanoseconds: traffic.roundTripNanoseconds, window: window)
      // A remote bot that left is gone for the rest of the match.
      for (index, failure) in traffic.failures.enumerated() where failure == .left && !local.contains(seats[index]) {
        connection.release(seats[index])
        match.departed.insert(seats[index])
      }
    }
    for (seat, lines) in match.sessions.end(local) {
      let other = seat.name == a.name ? b.name : a.name
      match.notes[seat.name, default: []] += lines.map {
        "vs \(other)\(seat.table == 1 ? " (mirrored half)" : ""): \($0)"
      }
    }
    return outcome
  }

  /// The match's report: every pair, the exploitability of `policy:` bots, the remote bots'
  /// notes, refusals, failed bots and what the result assumes.
  func finalReport(_ match: Match, pairs: [PairReport], seconds: Double) -> MatchReport {
    let config = match.config
    var exploitability: [String: Double] = [:]
    for bot in config.bots where bot.spec.hasPrefix("policy:") {
      exploitability[bot.name] = judge(String(bot.spec.dropFirst("policy:".count)))
    }
    let remoteSeats = match.remote.flatMap { name in (0..<match.tables).map { Seat(name: name, table: $0) } }
    for seat in remoteSeats { match.connection.send(seat, .matchEnd(.init(reason: "match over"))) }
    var notes = match.notes
    for (seat, lines) in match.connection.collectNotes(from: remoteSeats, timeoutMs: 2_000) {
      notes[seat.name, default: []] += lines
    }
    var report = MatchReport(
      game: config.game, seed: config.seed, duplicate: config.duplicate, alpha: config.alpha, pairs: pairs,
      exploitability: exploitability, seconds: seconds)
    report.notes = notes
    report.refusals = match.connection.refusals
    report.failedBots = match.failedBots.sorted()
    if config.duplicate {
      report.assumptions.append(
        "duplicate deals: each half of every pair was played by sessions that never saw the other half (bots this arena started ran as separate processes)"
      )
      if !match.remote.isEmpty {
        report.assumptions.append(
          "\(match.remote.joined(separator: ", ")) played each half on its own connection; the arena cannot see whether a remote bot's two sessions share memory, and the duplicate result holds only if they do not"
        )
      }
    }
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
