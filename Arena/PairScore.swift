import Foundation
import GameTheoreticProbability

/// One pair's score as its hands are committed, in hand order: the running total, the
/// anytime-valid comparison (a duplicate pair of hands counted as one observation), the report's
/// curve, and the first reason to stop: a forfeit (a failed seat, too many invalid actions) or,
/// when asked, decisive evidence. No sockets and no files: the match runner feeds it records.
public struct PairScore: Sendable {
  public let settings: MatchRunner.Configuration
  public let first: String
  public let second: String
  public private(set) var report: PairReport
  public private(set) var comparison: PairedComparison
  public private(set) var total = 0.0
  /// Invalid actions by the pair's first and second bot.
  public private(set) var corrections = [0, 0]
  /// The bot whose session disconnected and stopped the pair, if one did.
  public private(set) var disconnected: String?
  private var pending: [Double] = []

  /// A pair of `first` against `second` under the match's `settings`, reported in `unit`
  /// (chips times `scale`), each hand's result within ±`range` chips.
  public init(
    first: String, second: String, settings: MatchRunner.Configuration, unit: String, scale: Double, range: Double
  )
    throws(ArenaError)
  {
    self.settings = settings
    self.first = first
    self.second = second
    report = PairReport(first: first, second: second, unit: unit)
    report.scale = scale
    do { comparison = try PairedComparison(alpha: settings.alpha, range: range) } catch { throw ArenaError("\(error)") }
  }

  /// The hands scored so far.
  public var hands: Int { report.hands }

  /// Chips per hand won by the first bot so far.
  public var mean: Double { report.hands > 0 ? total / Double(report.hands) : 0 }

  /// Scores the next hand; false once the pair should deal no more (the hand still counts).
  /// `lastError` gives a bot's last error, for the reason a disconnection stopped the pair.
  public mutating func take(_ record: HandRecord, lastError: (String) -> String? = { _ in nil }) throws(ArenaError)
    -> Bool
  {
    let hand = record.hand
    let result = record.payoffs[record.seating.firstIndex(of: 0)!]
    total += result
    for (seat, count) in record.corrected.enumerated() { corrections[record.seating[seat]] += count }
    pending.append(result)
    if !settings.duplicate || pending.count == 2 {
      do { try comparison.observe(difference: pending.reduce(0, +) / Double(pending.count)) } catch {
        throw ArenaError("\(error)")
      }
      pending = []
      if report.decidedAfterHands == nil {
        if comparison.aBetter.hasRejected(alpha: settings.alpha) {
          (report.decidedAfterHands, report.decidedFor) = (hand + 1, first)
        } else if comparison.bBetter.hasRejected(alpha: settings.alpha) {
          (report.decidedAfterHands, report.decidedFor) = (hand + 1, second)
        }
      }
      if MatchRunner.isCurvePoint(hand + 1) || hand + 1 == settings.hands {
        report.curve.append(
          .init(
            hands: hand + 1, lower: comparison.sequence.interval?.lowerBound,
            upper: comparison.sequence.interval?.upperBound, mean: total / Double(hand + 1),
            log10EFirst: comparison.aBetter.logCapital / M_LN10, log10ESecond: comparison.bBetter.logCapital / M_LN10))
      }
    }
    report.hands = hand + 1
    // The first reason to stop is the one reported; hands already dealt still count.
    if report.stoppedBecause != nil { return false }
    if let failed = record.failures.enumerated().first(where: { $0.element != nil }) {
      let name = record.names[failed.offset]
      report.stoppedBecause = "\(name) \(failed.element!) in hand \(hand) (forfeits the rest)"
      if failed.element == "disconnected" {
        disconnected = name
        if let last = lastError(name) { report.stoppedBecause! += "; its last error: \(last)" }
      }
      return false
    }
    if let offender = corrections.firstIndex(where: { $0 > settings.maxCorrections }) {
      report.stoppedBecause =
        "\([first, second][offender]) sent more than \(settings.maxCorrections) invalid actions (forfeit)"
      return false
    }
    if settings.stopWhenDecided, comparison.shouldStop([.decisive]) != nil {
      report.stoppedBecause = "decided at hand \(hand): an e-value passed 1/α = \(Int(1 / settings.alpha))"
      return false
    }
    return true
  }

  /// Records why the pair stopped before its first hand (a seat never taken, a bot gone).
  public mutating func forfeit(_ reason: String) { report.stoppedBecause = reason }

  /// Records the pair's traffic: decisions, mean round trip, hands in flight.
  public mutating func record(decisions: Int, roundTripNanoseconds: UInt64, window: Int) {
    report.handsInFlight = window
    report.decisions = decisions
    report.meanRoundTripMicroseconds =
      decisions > 0 ? Double(roundTripNanoseconds) / Double(decisions) / 1_000 : nil
  }

  /// The finished report: total, mean, the exact interval, the e-values, invalid actions.
  public func finalReport() -> PairReport {
    var report = report
    report.total = total
    report.mean = mean
    report.interval = comparison.sequence.exactInterval().map { [$0.lowerBound, $0.upperBound] }
    report.setEValues(logFirstBetter: comparison.aBetter.logCapital, logSecondBetter: comparison.bBetter.logCapital)
    report.invalidActions = corrections
    return report
  }
}
