import Arena
import BotProtocol
import Cards
import Foundation
import PokerRules
import Randomness
import Testing

/// Records every message it is sent; answers from a script of action texts (cycled).
struct RecordingPlayer: SeatPlayer {
  var name: String
  var answers: [PlayerReply]
  var seen: [String] = []
  var ends: [Message.HandEnd] = []
  var asked = 0

  init(_ name: String, answers: [PlayerReply] = [.action("c")]) {
    self.name = name
    self.answers = answers
  }

  mutating func decide(_ request: Message.Decide) -> PlayerReply {
    seen.append(request.matchState)
    asked += 1
    return answers[(asked - 1) % answers.count]
  }

  mutating func handEnded(_ end: Message.HandEnd) { ends.append(end) }
}

@Suite struct RefereeTests {
  let leduc = BundledGame.leduc.definition

  @Test func aHandDealsTheCardsAFullShuffleWould() {
    let holdem = BundledGame.limitHoldem.definition
    for game in [leduc, holdem] {
      for duplicate in [false, true] {
        let schedule = DealSchedule(seed: 42, duplicate: duplicate, players: 2)
        for hand in 0..<50 {
          var stream = SeededGenerator(seed: 42).substream(UInt64(duplicate ? hand / 2 : hand))
          var full = Deck(cards: game.deck, seed: stream.next())
          let expected = full.deal(game.cardsDealt)
          #expect(schedule.deck(for: hand, game: game) == expected)
        }
      }
    }
    // Different hands get different cards.
    let schedule = DealSchedule(seed: 42, duplicate: false, players: 2)
    #expect(schedule.deck(for: 0, game: holdem) != schedule.deck(for: 1, game: holdem))
  }

  func play(
    _ players: inout [RecordingPlayer], hands: Int, seed: UInt64, duplicate: Bool = false, game: GameDefinition? = nil
  ) -> [HandRecord] {
    let referee = Referee(
      game: game ?? leduc, schedule: DealSchedule(seed: seed, duplicate: duplicate, players: players.count))
    return (0..<hands).map { referee.play(hand: $0, players: &players) }
  }

  @Test func aPlayerNeverSeesAHiddenCard() throws {
    var players = [
      RecordingPlayer("a", answers: [.action("r"), .action("c"), .action("f")]),
      RecordingPlayer("b", answers: [.action("c"), .action("r")]),
    ]
    let records = play(&players, hands: 2_000, seed: 3)
    for player in players {
      for text in player.seen {
        let view = try MatchState(parsing: text, game: leduc)
        for (seat, cards) in view.holeCards.enumerated() where seat != view.position {
          #expect(cards == nil, "\(player.name) saw another seat's cards in a decision: \(text)")
        }
      }
      for end in player.ends {
        let view = try MatchState(parsing: end.matchState, game: leduc)
        let showdown = !view.actions.joined().contains(.fold)
        for (seat, cards) in view.holeCards.enumerated() where seat != view.position {
          #expect((cards != nil) == showdown, "\(end.matchState)")
        }
      }
    }
    #expect(records.allSatisfy { abs($0.payoffs.reduce(0, +)) < 1e-9 })
  }

  @Test func duplicateDealsRepeatTheCardsWithTheSeatsSwapped() {
    var players = [RecordingPlayer("a"), RecordingPlayer("b")]
    let records = play(&players, hands: 200, seed: 5, duplicate: true)
    for j in 0..<100 {
      let first = records[2 * j]
      let second = records[2 * j + 1]
      #expect(first.cards == second.cards)
      #expect(first.names == ["a", "b"] && second.names == ["b", "a"])
      // Two calling players: each player's results over the pair cancel.
      #expect(first.payoffs[0] + second.payoffs[1] == 0)
    }
    #expect(Set(records.map(\.cards)).count > 20)
  }

  @Test func theSameSeedGivesTheSameLog() {
    func log(_ seed: UInt64) -> String {
      var players = [RecordingPlayer("a", answers: [.action("r"), .action("c")]), RecordingPlayer("b")]
      return play(&players, hands: 300, seed: seed).map { $0.acpcLine + "\n" + $0.jsonLine(pair: "a vs b") }.joined(
        separator: "\n")
    }
    #expect(log(9) == log(9))
    #expect(log(9) != log(10))
    var players = [RecordingPlayer("a"), RecordingPlayer("b")]
    let line = play(&players, hands: 1, seed: 1)[0].acpcLine
    #expect(line.hasPrefix("STATE:0:cc/cc:") && line.hasSuffix(":a|b"))
  }

  @Test func malformedAndIllegalActionsArePlayedAsCallsAndCounted() {
    var players = [
      RecordingPlayer("garbage", answers: [.action("xyz"), .action("f"), .action("r999")]), RecordingPlayer("b"),
    ]
    let records = play(&players, hands: 50, seed: 2)
    let corrected = records.reduce(0) { total, record in
      total + zip(record.seating, record.corrected).filter { $0.0 == 0 }.map(\.1).reduce(0, +)
    }
    #expect(corrected > 50)
    #expect(records.allSatisfy { abs($0.payoffs.reduce(0, +)) < 1e-9 })
  }

  @Test func noLimitRaisesOutOfRangeAreClamped() {
    let game = BundledGame.noLimitHoldem.definition
    var state = State(game: game)
    for card in try! Card.parseList("AcAd KcKd") { try! state.deal(card) }
    let legal = state.legalActions!
    func played(_ text: String) -> (Action, Bool) {
      let (action, why) = Referee.interpret(text, legal: legal, game: game)
      return (action, why != nil)
    }
    #expect(played("r50") == (.raise(to: 200), true))
    #expect(played("r99999") == (.raise(to: 20_000), true))
    #expect(played("r300") == (.raise(to: 300), false))
    #expect(played("f") == (.fold, false))
    #expect(played("hello") == (.call, true))
    #expect(played("r") == (.raise(to: 200), true))
    // Each correction says what was played instead.
    #expect(Referee.interpret("r99999", legal: legal, game: game).1?.contains("played as a raise to 20000") == true)
    #expect(Referee.interpret("hello", legal: legal, game: game).1 == "not an action (played as a call)")
  }

  /// Each answer takes 40 ms: fine per action (limit 100 ms), but the hand limit of 60 ms is
  /// spent after two, so the third decision of a hand is asked with no time left.
  @Test func theHandTimeLimitBoundsEachDecision() {
    struct Slow: SeatPlayer {
      let name = "slow"
      var timeLeft: [Int] = []
      mutating func decide(_ request: Message.Decide) -> PlayerReply {
        timeLeft.append(request.timeLeftMs)
        Thread.sleep(forTimeInterval: 0.04)
        return request.timeLeftMs <= 0 ? .timedOut : .action("r")
      }
      mutating func handEnded(_ end: Message.HandEnd) {}
    }
    var referee = Referee(game: leduc, schedule: DealSchedule(seed: 1, duplicate: false, players: 2))
    referee.actionTimeMs = 100
    referee.handTimeMs = 60
    var players: [Slow] = [Slow(), Slow()]
    let record = referee.play(hand: 0, players: &players)
    #expect(players[0].timeLeft.first == 60)
    #expect(players.flatMap(\.timeLeft).contains { $0 < 60 })
    #expect(record.failures.contains("timed out"))
  }

  @Test func aTimeoutOrDisconnectIsRecordedAndTheHandFinishes() {
    var players = [
      RecordingPlayer("slow", answers: [.action("r"), .timedOut]), RecordingPlayer("b", answers: [.action("r")]),
    ]
    let records = play(&players, hands: 20, seed: 4)
    #expect(records.contains { $0.failures.contains("timed out") })
    #expect(records.allSatisfy { abs($0.payoffs.reduce(0, +)) < 1e-9 })
  }
}
