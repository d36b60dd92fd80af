import Arena
import BotProtocol
import PokerRules
import Testing

/// A bot that answers each decision from its text alone, so that the order decisions arrive in
/// (which the window changes) cannot change what it plays.
func steadyAnswer(_ request: Message.Decide) -> String {
  switch request.matchState.utf8.reduce(0, { $0 &+ Int($1) }) % 3 {
  case 0: request.legal.fold ? "f" : "c"
  case 1: "c"
  default: request.legal.raise != nil ? "r" : "c"
  }
}

/// The same bot seated at the referee directly.
struct SteadyPlayer: SeatPlayer {
  var name: String
  mutating func decide(_ request: Message.Decide) -> PlayerReply { .action(steadyAnswer(request)) }
  mutating func handEnded(_ end: Message.HandEnd) {}
}

/// Counts calls across a closure's uses.
final class Counter {
  var value = 0
}

@Suite struct MatchPipelineTests {
  let leduc = BundledGame.leduc.definition

  func referee(duplicate: Bool = false) -> Referee {
    var referee = Referee(game: leduc, schedule: DealSchedule(seed: 11, duplicate: duplicate, players: 2))
    referee.actionTimeMs = 2_000
    return referee
  }

  /// Runs the pipeline in memory; returns the committed records, the traffic and the transport.
  func run(
    _ transport: MemoryTransport, hands: Int, window: Int, duplicate: Bool = false,
    commit: (HandRecord) -> Bool = { _ in true }
  ) throws -> ([HandRecord], MatchPipeline<MemoryTransport>.Traffic, MemoryTransport) {
    var pipeline = MatchPipeline(
      referee: referee(duplicate: duplicate), names: ["a", "b"], sessions: transport.bots.count, hands: 0..<hands,
      window: window, transport: transport)
    var records: [HandRecord] = []
    var flushes = 0
    let traffic = try pipeline.run(
      commit: { record in
        records.append(record)
        return commit(record)
      }, flush: { flushes += 1 })
    #expect(records.isEmpty || flushes > 0)
    return (records, traffic, pipeline.transport)
  }

  let steady: (Message.Decide) -> MemoryAnswer = { .act(steadyAnswer($0)) }

  @Test(arguments: [1, 3, 16])
  func anyWindowCommitsTheHandsTheRefereePlaysOneByOne(window: Int) throws {
    var players = [SteadyPlayer(name: "a"), SteadyPlayer(name: "b")]
    let expected = (0..<200).map { referee().play(hand: $0, players: &players) }
    let (records, traffic, transport) = try run(MemoryTransport([steady, steady]), hands: 200, window: window)
    #expect(records == expected)
    #expect(traffic.failures == [nil, nil])
    #expect(
      traffic.decisions
        == transport.sent.map { $0.filter { if case .decide = $0 { true } else { false } }.count }.reduce(0, +))
    for link in 0..<2 {
      // Each session is told every hand's end once, as the hands finish.
      #expect(transport.handsEnded(link).sorted() == Array(0..<200))
      // Hand k is dealt only after the end of every hand up to k − window was sent.
      var ended: Set<Int> = []
      for message in transport.sent[link] {
        switch message {
        case .handEnd(let end): ended.insert(end.hand)
        case .decide(let request):
          #expect((0..<max(0, request.hand - window + 1)).allSatisfy(ended.contains), "hand \(request.hand)")
        default: break
        }
      }
    }
  }

  @Test func aStopPlaysOutEveryDealtHandAndDealsNoMore() throws {
    let (records, _, transport) = try run(
      MemoryTransport([steady, steady]), hands: 100, window: 8, commit: { $0.hand < 5 })
    #expect(records.map(\.hand) == Array(0..<records.count))
    #expect(records.count > 5 && records.count <= 6 + 8)
    let dealt = transport.handsDecided(0).union(transport.handsDecided(1))
    #expect(dealt.max()! < records.count)
    // Every hand whose end a bot was told is in the record.
    #expect(Set(transport.handsEnded(0)).isSubset(of: Set(records.map(\.hand))))
  }

  @Test func aBotThatLeavesFailsWhatItOwesAndNothingIsDealtAfter() throws {
    let asked = Counter()
    let leaver: (Message.Decide) -> MemoryAnswer = { request in
      asked.value += 1
      return asked.value == 10 ? .leave : .act(steadyAnswer(request))
    }
    let (records, traffic, transport) = try run(MemoryTransport([steady, leaver]), hands: 100, window: 4)
    #expect(traffic.failures == [nil, .left])
    #expect(records.map(\.hand) == Array(0..<records.count))
    #expect(records.count < 100)
    #expect(records.contains { $0.failures.contains("left the match") })
    #expect(transport.handsDecided(1).count <= asked.value)
    #expect(transport.handsDecided(0).union(transport.handsDecided(1)).max()! < records.count)
  }

  @Test func aSilentBotTimesOutOnTheClock() throws {
    let (records, traffic, transport) = try run(MemoryTransport([steady, { _ in .silent }]), hands: 20, window: 2)
    #expect(traffic.failures == [nil, .timedOut])
    #expect(records.contains { $0.failures.contains("timed out") })
    // The deadline is the action limit, on the transport's clock.
    #expect(transport.clock >= 1_000_000_000 + 2_000 * 1_000_000)
  }

  @Test func anUnreadableFrameIsAnInvalidActionAndTheMatchGoesOn() throws {
    let asked = Counter()
    let sloppy: (Message.Decide) -> MemoryAnswer = { request in
      asked.value += 1
      return asked.value == 3 ? .frame(Array("not json".utf8)) : .act(steadyAnswer(request))
    }
    let (records, traffic, _) = try run(MemoryTransport([steady, sloppy]), hands: 30, window: 4)
    #expect(traffic.failures == [nil, nil])
    #expect(records.count == 30)
    let invalid = records.flatMap(\.invalid)
    #expect(invalid.count == 1)
    #expect(invalid.first?.text == "not json")
    #expect(invalid.first?.reason.contains("played as a call") == true)
  }

  @Test func anAnswerToAnUnknownDecisionIsIgnored() throws {
    let stale: (Message.Decide) -> MemoryAnswer = { request in
      .frame(Message.act(.init(id: request.id + 999_999, action: "f")).encoded())
    }
    let (_, traffic, _) = try run(MemoryTransport([steady, stale]), hands: 5, window: 2)
    // Never answered: it times out rather than folding to a stray id.
    #expect(traffic.failures == [nil, .timedOut])
  }

  @Test func exitedUnreachableOrAbsentSessionsAreDisconnected() throws {
    let (_, exited, _) = try run(MemoryTransport([steady, { _ in .exit }]), hands: 10, window: 2)
    #expect(exited.failures == [nil, .disconnected])
    var full = MemoryTransport([steady, steady])
    full.unreachable = [0]
    let (_, unreachable, _) = try run(full, hands: 10, window: 2)
    #expect(unreachable.failures[0] == .disconnected)
    let (records, absent, transport) = try run(
      MemoryTransport([steady, steady], seated: [true, false]), hands: 10, window: 2)
    #expect(absent.failures == [nil, .disconnected])
    #expect(records.isEmpty && transport.sent[0].isEmpty)
  }

  @Test func duplicateDealsKeepEachTableToItsOwnSessions() throws {
    let (records, traffic, transport) = try run(
      MemoryTransport([steady, steady, steady, steady]), hands: 40, window: 4, duplicate: true)
    #expect(records.count == 40)
    #expect(traffic.failures == [nil, nil, nil, nil])
    for link in 0..<4 {
      let table = link / 2
      #expect(transport.handsDecided(link).allSatisfy { $0 % 2 == table })
      #expect(transport.handsEnded(link).sorted() == Array(stride(from: table, to: 40, by: 2)))
    }
  }
}
