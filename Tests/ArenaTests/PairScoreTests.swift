import Arena
import Testing

@Suite struct PairScoreTests {
  func settings(duplicate: Bool = false, stopWhenDecided: Bool = false, maxCorrections: Int = 100)
    -> MatchRunner.Configuration
  {
    var settings = MatchRunner.Configuration(
      game: "kuhn", bots: [.init(name: "a", spec: "call"), .init(name: "b", spec: "call")], hands: 1_000,
      outDirectory: "/nonexistent", executable: "/nonexistent")
    settings.duplicate = duplicate
    settings.stopWhenDecided = stopWhenDecided
    settings.maxCorrections = maxCorrections
    return settings
  }

  /// Hand `hand`: `a` (in seat `hand % 2`) wins `won` chips.
  func record(_ hand: Int, won: Double, corrected: [Int] = [0, 0], failures: [String?] = [nil, nil]) -> HandRecord {
    let seating = hand % 2 == 0 ? [0, 1] : [1, 0]
    let payoffs = hand % 2 == 0 ? [won, -won] : [-won, won]
    return HandRecord(
      hand: hand, names: seating.map { ["a", "b"][$0] }, seating: seating, betting: "c", cards: "K|Q",
      payoffs: payoffs, corrected: corrected, failures: failures)
  }

  @Test func theMeanAndTheVerdictFollowTheHands() throws {
    var score = try PairScore(first: "a", second: "b", settings: settings(), unit: "chips/hand", scale: 1, range: 2)
    for hand in 0..<300 { #expect(try score.take(record(hand, won: 1))) }
    #expect(score.mean == 1)
    let report = score.finalReport()
    #expect(report.hands == 300 && report.total == 300)
    #expect(report.decidedFor == "a")
    #expect(report.decidedAfterHands! < 300)
    #expect(report.interval!.allSatisfy { $0 > 0 })
  }

  @Test func decisiveEvidenceStopsThePairOnlyWhenAsked() throws {
    var score = try PairScore(
      first: "a", second: "b", settings: settings(stopWhenDecided: true), unit: "chips/hand", scale: 1, range: 2)
    var hand = 0
    while try score.take(record(hand, won: -1)) { hand += 1 }
    #expect(score.report.stoppedBecause?.hasPrefix("decided at hand \(hand)") == true)
    #expect(score.report.decidedFor == "b")
  }

  @Test func aFailureOrTooManyCorrectionsForfeitsAndTheFirstReasonStays() throws {
    var score = try PairScore(
      first: "a", second: "b", settings: settings(maxCorrections: 3), unit: "chips/hand", scale: 1, range: 2)
    #expect(try score.take(record(0, won: 1, corrected: [0, 3])))
    // Hand 1 seats b first: its two corrections make five.
    #expect(try !score.take(record(1, won: 1, corrected: [2, 0])))
    #expect(score.report.stoppedBecause == "b sent more than 3 invalid actions (forfeit)")
    #expect(try !score.take(record(2, won: 1, failures: [nil, "disconnected"])))
    #expect(score.report.stoppedBecause == "b sent more than 3 invalid actions (forfeit)")
    #expect(score.report.hands == 3 && score.finalReport().invalidActions == [0, 5])

    var gone = try PairScore(first: "a", second: "b", settings: settings(), unit: "chips/hand", scale: 1, range: 2)
    #expect(try !gone.take(record(0, won: 1, failures: [nil, "disconnected"])) { _ in "broken pipe" })
    #expect(gone.report.stoppedBecause == "b disconnected in hand 0 (forfeits the rest); its last error: broken pipe")
    #expect(gone.disconnected == "b")
  }

  @Test func duplicateHandsCountAsOneObservationPerPair() throws {
    var single = try PairScore(first: "a", second: "b", settings: settings(), unit: "chips/hand", scale: 1, range: 2)
    var paired = try PairScore(
      first: "a", second: "b", settings: settings(duplicate: true), unit: "chips/hand", scale: 1, range: 2)
    for hand in 0..<40 {
      _ = try single.take(record(hand, won: hand % 2 == 0 ? 2 : -1))
      _ = try paired.take(record(hand, won: hand % 2 == 0 ? 2 : -1))
    }
    #expect(single.mean == paired.mean)
    #expect(single.comparison.count == 40)
    #expect(paired.comparison.count == 20)
  }
}
