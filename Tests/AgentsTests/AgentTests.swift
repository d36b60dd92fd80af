import Agents
import Arena
import BotProtocol
import Foundation
import PokerRules
import Solver
import TestSupport
import Testing
import ZeroMQ

@Suite struct AgentTests {
  @Test func policyAgentReadsItsInformationSetFromTheMatchState() throws {
    let (path, solver) = try TestPolicy.write(BundledGame.leduc.definition, iterations: 200)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let game = solver.game
    let policy = solver.averagePolicy()
    let agent = try PolicyAgent(path: path, seed: 1)
    let exported = policy.exportedProbabilities()
    let cases = [
      ("MATCHSTATE:0:0::Qh|", "0:Qh::"), ("MATCHSTATE:1:0:r:|Ks", "1:Ks:r:"),
      ("MATCHSTATE:1:0:rc/r:|Ah/Qs", "1:Ah:rc/r:/Qs"),
    ]
    for (text, key) in cases {
      let view = try MatchState(parsing: text, game: game.definition)
      let (actions, probabilities) = try #require(agent.probabilities(for: view))
      let expected = try #require(exported[key])
      for (action, probability) in zip(actions, probabilities) {
        #expect(abs(probability - expected[action.acpc(withSize: false)]!) < 1e-12, "\(key) \(action)")
      }
    }
  }

  /// Cards named as the ACPC dealer names them find their information sets; a state outside the
  /// policy is played as a call, counted, and said in the notes.
  @Test func aPolicyAgentCountsDecisionsOutsideItsPolicy() throws {
    let game = BundledGame.leduc.definition
    let (path, _) = try TestPolicy.write(game, iterations: 10)
    defer { try? FileManager.default.removeItem(atPath: path) }
    var agent = try PolicyAgent(path: path, seed: 1)
    func decide(_ state: String, _ parsedAs: GameDefinition) throws -> Action {
      let decision = Message.Decide(
        id: 1, hand: 0, matchState: state, seat: 0, legal: .init(fold: true, call: 1, raise: [5, 5]), pot: 4,
        stacks: [1, 1], timeLeftMs: 1)
      return agent.act(decision, view: try MatchState(parsing: state, game: parsedAs), game: parsedAs)
    }
    _ = try decide("MATCHSTATE:0:0:cr:Ah|", game)
    _ = try decide("MATCHSTATE:1:0:r:|Qs", game)
    #expect(agent.missing == 0 && agent.notes().isEmpty)
    // A card the policy's deck lacks (Ad: Leduc with three suits deals it, Leduc does not).
    var wider = game
    wider.numSuits = 3
    #expect(try decide("MATCHSTATE:0:0:cr:Ad|", wider) == .call)
    #expect(agent.missing == 1)
    #expect(agent.notes().first?.contains("1 decisions were not in the policy") == true, "\(agent.notes())")
    // The game is checked when the agent is made.
    #expect(throws: AgentError.self) { try AgentSpec.make("policy:\(path)", seed: 1, for: BundledGame.kuhn.definition) }
    #expect(throws: AgentError.self) { try AgentSpec.make("policy:\(path)", seed: 1, for: wider) }
  }

  @Test func agentsByName() throws {
    #expect(try AgentSpec.make("call", seed: 1).name == "call")
    #expect(try AgentSpec.make("RAISE", seed: 1).name == "raise")
    #expect(throws: AgentError.self) { try AgentSpec.make("clever", seed: 1) }
    #expect(throws: AgentError.self) { try AgentSpec.make("policy:/nonexistent.policy", seed: 1) }
  }
}

/// A minimal arena for tests: binds a ROUTER, greets one bot, asks it the given decisions and
/// records its answers.
final class FakeArena: @unchecked Sendable {
  let context: Context
  let router: Socket
  let endpoint: String

  init() throws {
    context = try Context()
    router = try Socket(context, kind: .router)
    endpoint = try router.bind("tcp://127.0.0.1:*")
  }

  func receive() throws -> (identity: [UInt8], message: Message) {
    guard try Poller.poll([(router, .readable)], timeout: 10_000) == [.readable] else {
      throw ProtocolError("the bot said nothing for 10 s")
    }
    let frames = try router.receive()
    return (frames[0], try Message.decode(frames.last!))
  }

  func send(_ identity: [UInt8], _ message: Message) throws { try router.send([identity, message.encoded()]) }

  /// Greets the bot, sends each decision and returns the bot's hello and its answers.
  func play(_ decisions: [Message.Decide], refuse: Bool = false) throws -> (Message.Hello?, [Message.Act]) {
    let (identity, first) = try receive()
    guard case .hello(let hello) = first else { return (nil, []) }
    if refuse {
      try send(identity, .refused(.init(reason: "protocol 1 is retired")))
      return (hello, [])
    }
    try send(
      identity,
      .welcome(
        .init(protocolVersion: 1, gameDefinition: BundledGame.leduc.definitionText, hands: 1, actionTimeMs: 1_000)))
    var answers: [Message.Act] = []
    for decision in decisions {
      try send(identity, .decide(decision))
      if case .act(let act) = try receive().message { answers.append(act) }
    }
    try send(
      identity, .handEnd(.init(hand: 0, matchState: "MATCHSTATE:0:0:rc/cc:Qh|Ks/Ah", seat: 0, payoffs: [-3, 3])))
    try send(identity, .matchEnd(.init(reason: "all hands played")))
    return (hello, answers)
  }
}

let sampleDecisions: [Message.Decide] = [
  .init(
    id: 11, hand: 0, matchState: "MATCHSTATE:0:0::Qh|", seat: 0, legal: .init(fold: false, call: 0, raise: [3, 3]),
    pot: 2,
    stacks: [99, 99], timeLeftMs: 1_000),
  .init(
    id: 12, hand: 0, matchState: "MATCHSTATE:0:0:rc/:Qh|/Ah", seat: 0,
    legal: .init(fold: false, call: 0, raise: [7, 7]),
    pot: 6, stacks: [97, 97], timeLeftMs: 1_000),
]

@Suite struct BotRuntimeTests {
  @Test func aBotAnswersEveryDecisionWithItsId() throws {
    let arena = try FakeArena()
    let endpoint = arena.endpoint
    let thread = Thread {
      var agent = RaiseAgent()
      _ = try? BotRuntime(endpoint: endpoint, name: "raiser", game: "leduc").run(&agent)
    }
    thread.start()
    let (hello, answers) = try arena.play(sampleDecisions)
    #expect(hello?.name == "raiser" && hello?.protocols == [1])
    #expect(answers == [.init(id: 11, action: "r"), .init(id: 12, action: "r")])
  }

  @Test func aRefusalEndsTheBotWithTheReason() throws {
    let arena = try FakeArena()
    let endpoint = arena.endpoint
    let result = Result<Void, AgentError>.init(catching: { () throws(AgentError) in
      let thread = Thread { _ = try? arena.play([], refuse: true) }
      thread.start()
      var agent = CallAgent()
      _ = try BotRuntime(endpoint: endpoint, name: "caller", game: "leduc").run(&agent)
    })
    guard case .failure(let error) = result else {
      Issue.record("a refused bot carried on")
      return
    }
    #expect(error.message.contains("protocol 1 is retired"))
  }

  @Test func theSkepticBotCommandPlaysAsAProcess() throws {
    let arena = try FakeArena()
    let process = Process()
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("skeptic"),
      root.appendingPathComponent(".build/release/skeptic"), root.appendingPathComponent(".build/debug/skeptic"),
    ]
    process.executableURL = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    process.arguments = ["bot", "--agent", "call", "--connect", arena.endpoint, "--name", "caller"]
    process.standardError = FileHandle.nullDevice
    try process.run()
    let (hello, answers) = try arena.play(sampleDecisions)
    process.waitUntilExit()
    #expect(hello?.name == "caller")
    #expect(answers.map(\.action) == ["c", "c"])
    #expect(process.terminationStatus == 0)
  }
}

/// The address an in-process arena announced, read by another thread.
extension Locked<String> {
  /// The arena's address in the line it announced.
  var endpoint: String? {
    let line = value
    return line.range(of: #"tcp://127\.0\.0\.1:[0-9]+"#, options: .regularExpression).map { String(line[$0]) }
  }
}

@Suite struct InProcessArenaTests {
  /// A 20-hand Leduc arena on another thread with two remote seats: `raw`, played by the test
  /// through the returned socket (hello already sent, asking for 256 hands in flight), and
  /// `caller`, a `call` bot on a thread of its own. The arena allows `maxInFlight` hands.
  func start(maxInFlight: Int, hands: Int = 20) throws -> (
    socket: Socket, context: Context, outcome: ArenaOutcome, directory: URL
  ) {
    let directory = try Scratch.directory("arena")
    var config = MatchRunner.Configuration(
      game: "leduc", bots: [.init(name: "raw", spec: "remote"), .init(name: "caller", spec: "remote")], hands: hands,
      outDirectory: directory.path, executable: "/nonexistent")
    config.listen = "tcp://127.0.0.1:*"
    config.maxInFlight = maxInFlight
    config.seatSecrets = ["raw": "raw-secret", "caller": "caller-secret"]
    config.registrationTimeoutMs = 10_000
    let outcome = ArenaOutcome()
    // The arena binds a port the system picks and announces it; the bots connect there.
    let announced = DispatchSemaphore(value: 0)
    let address = Locked("")
    let arena = Thread { [config] in
      let report = try? MatchRunner(configuration: config).run(
        announce: { line in
          address.set(line)
          announced.signal()
        },
        progress: { progress in outcome.record(progress) })
      outcome.finish(report)
    }
    arena.start()
    _ = announced.wait(timeout: .now() + 10)
    let endpoint = try #require(address.endpoint, "the arena announced no address")
    let caller = Thread {
      var agent = CallAgent()
      var runtime = BotRuntime(endpoint: endpoint, name: "caller", game: "leduc")
      runtime.secret = "caller-secret"
      _ = try? runtime.run(&agent)
    }
    caller.start()
    let context = try Context()
    let socket = try Socket(context, kind: .dealer)
    try socket.connect(endpoint)
    try socket.send([Message.hello(.init(name: "raw", game: "leduc", inFlight: 256, secret: "raw-secret")).encoded()])
    return (socket, context, outcome, directory)
  }

  /// The arena grants each bot the smaller of what it asks for and the arena's own limit, so a bot
  /// learns in `welcome` how many hands it will really have in flight; and the last progress line
  /// agrees with the report.
  @Test func welcomeGrantsTheSmallerOfTheBotsAndTheArenasLimit() throws {
    let (socket, context, outcome, directory) = try start(maxInFlight: 3)
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = context
    var granted: Int?
    var decisions = 0
    playing: while try Poller.poll([(socket, .readable)], timeout: 10_000) == [.readable] {
      switch try Message.decode(try socket.receive().last!) {
      case .welcome(let welcome): granted = welcome.inFlight
      case .decide(let decide):
        decisions += 1
        try socket.send([Message.act(.init(id: decide.id, action: "c")).encoded()])
      case .matchEnd: break playing
      default: continue
      }
    }
    #expect(granted == 3)
    #expect(decisions > 0)
    // The last progress line shows the interval the report gives.
    #expect(outcome.done.wait(timeout: .now() + 20) == .success)
    let (last, report) = outcome.result
    let interval = try #require(last?.interval)
    #expect(report?.pairs.first?.interval == [interval.lowerBound, interval.upperBound])
    #expect(last?.hands == 20)
  }

  /// A bot that says `leave` forfeits at once, and the report says it left (not that it timed
  /// out, as it did when a person quit a remote seat).
  @Test func aBotThatLeavesIsReportedAsLeaving() throws {
    let (socket, context, outcome, directory) = try start(maxInFlight: 1)
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = context
    var decisions = 0
    playing: while try Poller.poll([(socket, .readable)], timeout: 10_000) == [.readable] {
      switch try Message.decode(try socket.receive().last!) {
      case .decide(let decide):
        decisions += 1
        if decisions == 5 {
          // A bot that left is sent nothing more.
          try socket.send([Message.leave(.init(reason: "left the match")).encoded()])
          break playing
        } else {
          try socket.send([Message.act(.init(id: decide.id, action: "c")).encoded()])
        }
      case .matchEnd: break playing
      default: continue
      }
    }
    #expect(outcome.done.wait(timeout: .now() + 20) == .success)
    let stopped = outcome.result.1?.pairs.first?.stoppedBecause ?? ""
    #expect(stopped.contains("raw left the match"), "\(stopped)")
    // Nobody waited for a time-out: no hand in the log records one, and the leaver's record says
    // it left (a structural check, not a clock).
    let log = try String(contentsOf: directory.appendingPathComponent("events.jsonl"), encoding: .utf8)
    let records = try log.split(separator: "\n").map { try HandRecord.parse(jsonLine: $0).record }
    #expect(!records.isEmpty)
    #expect(records.allSatisfy { !$0.failures.contains("timed out") })
    #expect(records.contains { $0.failures.contains("left the match") })
  }
}

extension InProcessArenaTests {
  /// A bot that holds one decision open while the hands behind it finish, then leaves: every hand
  /// whose `handEnd` it was sent is in the logs and the report, not only those before the held one.
  @Test func handsThatFinishedBeforeAForfeitAreRecorded() throws {
    let (socket, context, outcome, directory) = try start(maxInFlight: 32, hands: 200)
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = context
    var held: Int?
    var ended: Set<Int> = []
    playing: while try Poller.poll([(socket, .readable)], timeout: 10_000) == [.readable] {
      switch try Message.decode(try socket.receive().last!) {
      case .decide(let decide):
        if held == nil {
          held = decide.hand
        } else {
          try socket.send([Message.act(.init(id: decide.id, action: "c")).encoded()])
        }
      case .handEnd(let end):
        ended.insert(end.hand)
        if ended.count == 8 {
          try socket.send([Message.leave(.init(reason: "left the match")).encoded()])
          // What was already on its way still arrives; nothing more is sent after that.
          while try Poller.poll([(socket, .readable)], timeout: 500) == [.readable] {
            if case .handEnd(let end) = try Message.decode(try socket.receive().last!) { ended.insert(end.hand) }
          }
          break playing
        }
      case .matchEnd: break playing
      default: continue
      }
    }
    #expect(outcome.done.wait(timeout: .now() + 20) == .success)
    let report = try #require(outcome.result.1?.pairs.first)
    #expect(ended.count >= 8)
    let log = try String(contentsOfFile: directory.path + "/match.log", encoding: .utf8)
    let logged = Set(
      log.split(separator: "\n").filter { $0.hasPrefix("STATE:") }.map { Int($0.split(separator: ":")[1])! })
    #expect(ended.isSubset(of: logged), "hands ended but not logged: \(ended.subtracting(logged).sorted())")
    #expect(logged == Set(0..<report.hands), "the log holds hands 0..<\(report.hands) in order")
    #expect((report.stoppedBecause ?? "").contains("raw left the match in hand \(held ?? -1)"))
  }
}

extension InProcessArenaTests {
  /// A bare frame `r` is no protocol message: it is counted as invalid and logged with its text,
  /// not played as a raise; and a stranger's 1 MiB frames (over the arena's message limit) cost
  /// the match nothing.
  @Test func bareFramesAreInvalidAndOversizedFramesAreDropped() throws {
    let (socket, context, outcome, directory) = try start(maxInFlight: 4)
    defer { try? FileManager.default.removeItem(at: directory) }
    let flooder = try Socket(context, kind: .dealer)
    try flooder.connect(socket.lastEndpoint())
    for _ in 0..<20 { try flooder.send([[UInt8](repeating: 65, count: 1 << 20)], dontWait: true) }
    var decisions = 0
    playing: while try Poller.poll([(socket, .readable)], timeout: 10_000) == [.readable] {
      switch try Message.decode(try socket.receive().last!) {
      case .decide:
        decisions += 1
        try socket.send([Array("r".utf8)])
      case .matchEnd: break playing
      default: continue
      }
    }
    #expect(outcome.done.wait(timeout: .now() + 20) == .success)
    let report = try #require(outcome.result.1?.pairs.first)
    #expect(report.hands == 20)
    #expect(report.invalidActions[0] == decisions, "every bare frame counts as invalid")
    let events = try String(contentsOfFile: directory.path + "/events.jsonl", encoding: .utf8)
    #expect(events.contains(#""text":"r""#) && events.contains("not a JSON object"))
  }
}

extension InProcessArenaTests {
  /// A remote seat is taken only with its secret: a stranger with none, a wrong one or another
  /// seat's is refused with the reason, a replay of the seated bot's own hello finds the seat
  /// taken, and the match goes on.
  @Test func strangersAreRefusedAtRemoteSeats() throws {
    let (socket, context, outcome, directory) = try start(maxInFlight: 4)
    defer { try? FileManager.default.removeItem(at: directory) }
    let endpoint = try socket.lastEndpoint()
    let attempts: [(Message.Hello, String)] = [
      (.init(name: "raw", game: "leduc"), "needs its secret"),
      (.init(name: "raw", game: "leduc", secret: "guess"), "wrong secret for seat raw"),
      (.init(name: "raw", game: "leduc", secret: "caller-secret"), "wrong secret for seat raw"),
      (.init(name: "raw", game: "leduc", inFlight: 256, secret: "raw-secret"), "seat raw is taken"),
      (.init(name: "nobody", game: "leduc"), "there is no seat nobody"),
    ]
    // The real bot's hello goes first, so the last attempts are replays of it.
    var welcomed = false
    while !welcomed, try Poller.poll([(socket, .readable)], timeout: 10_000) == [.readable] {
      if case .welcome = try Message.decode(try socket.receive().last!) { welcomed = true }
    }
    #expect(welcomed)
    var strangers: [Socket] = []
    for (hello, _) in attempts {
      let stranger = try Socket(context, kind: .dealer)
      try stranger.connect(endpoint)
      try stranger.send([Message.hello(hello).encoded()])
      strangers.append(stranger)
    }
    var decisions = 0
    playing: while try Poller.poll([(socket, .readable)], timeout: 10_000) == [.readable] {
      switch try Message.decode(try socket.receive().last!) {
      case .decide(let decide):
        decisions += 1
        try socket.send([Message.act(.init(id: decide.id, action: "c")).encoded()])
      case .matchEnd: break playing
      default: continue
      }
    }
    for (stranger, (_, reason)) in zip(strangers, attempts) {
      #expect(try Poller.poll([(stranger, .readable)], timeout: 5_000) == [.readable])
      guard case .refused(let refused) = try Message.decode(try stranger.receive().last!) else {
        Issue.record("not refused: \(reason)")
        continue
      }
      #expect(refused.reason.contains(reason), "\(refused.reason)")
    }
    #expect(outcome.done.wait(timeout: .now() + 20) == .success)
    let report = try #require(outcome.result.1)
    #expect(report.pairs.first?.hands == 20 && report.pairs.first?.stoppedBecause == nil)
    #expect(report.refusals.count == attempts.count)
    #expect(decisions > 0)
  }
}

extension InProcessArenaTests {
  /// A bot cannot answer for another seat: `act`s carrying the ids of the other bot's decisions
  /// (neighbours of its own) are ignored. Nobody here folds on its own, so a fold in the log
  /// would be a hijacked decision.
  @Test func aBotCannotActForAnotherSeat() throws {
    let (socket, context, outcome, directory) = try start(maxInFlight: 1)
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = context
    playing: while try Poller.poll([(socket, .readable)], timeout: 10_000) == [.readable] {
      switch try Message.decode(try socket.receive().last!) {
      case .decide(let decide):
        for other in [decide.id - 2, decide.id - 1, decide.id + 1, decide.id + 2] {
          try socket.send([Message.act(.init(id: other, action: "f")).encoded()])
        }
        try socket.send([Message.act(.init(id: decide.id, action: "c")).encoded()])
      case .matchEnd: break playing
      default: continue
      }
    }
    #expect(outcome.done.wait(timeout: .now() + 20) == .success)
    #expect(outcome.result.1?.pairs.first?.hands == 20)
    let log = try String(contentsOfFile: directory.path + "/match.log", encoding: .utf8)
    let bettings = log.split(separator: "\n").filter { $0.hasPrefix("STATE:") }.map { $0.split(separator: ":")[2] }
    #expect(bettings.count == 20 && !bettings.contains { $0.contains("f") }, "\(bettings)")
  }
}

/// What an arena run on another thread reported: its last progress line and its report.
final class ArenaOutcome: @unchecked Sendable {
  private let lock = NSLock()
  private var last: MatchRunner.Progress?
  private var report: MatchReport?
  let done = DispatchSemaphore(value: 0)

  func record(_ progress: MatchRunner.Progress) { lock.withLock { last = progress } }

  func finish(_ report: MatchReport?) {
    lock.withLock { self.report = report }
    done.signal()
  }

  var result: (MatchRunner.Progress?, MatchReport?) { lock.withLock { (last, report) } }
}
