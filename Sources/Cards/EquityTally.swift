/// Where enumeration reports each deal's ranks: the general tally, or the heads-up one.
protocol DealSink {
  init(players: Int)
  /// Records `weight` deals whose players' ranks were `ranks`.
  mutating func record(_ ranks: UnsafeMutableBufferPointer<UInt16>, weight: Int)
  /// The totals as an ``EquityTally``.
  var tally: EquityTally { get }
}

/// Heads-up totals in integers: the hot path of exact two-player enumeration.
struct HeadsUpTally: DealSink {
  var firstWins = 0
  var secondWins = 0
  var ties = 0

  init(players: Int) { precondition(players == 2) }

  @inline(__always)
  mutating func record(_ ranks: UnsafeMutableBufferPointer<UInt16>, weight: Int) {
    let first = ranks[0]
    let second = ranks[1]
    if first > second {
      firstWins &+= weight
    } else if second > first {
      secondWins &+= weight
    } else {
      ties &+= weight
    }
  }

  var tally: EquityTally {
    var tally = EquityTally(players: 2)
    tally.deals = Double(firstWins + secondWins + ties)
    tally.wins = [Double(firstWins), Double(secondWins)]
    tally.ties = [Double(ties), Double(ties)]
    tally.shares = [Double(firstWins) + Double(ties) / 2, Double(secondWins) + Double(ties) / 2]
    return tally
  }
}

/// Running totals of wins, ties and pot shares for up to ten players, with no allocation per deal.
struct EquityTally: DealSink {
  var wins: [Double]
  var ties: [Double]
  var shares: [Double]
  var deals: Double = 0

  init(players: Int) {
    wins = [Double](repeating: 0, count: players)
    ties = wins
    shares = wins
  }

  var tally: EquityTally { self }

  mutating func record(_ ranks: UnsafeMutableBufferPointer<UInt16>, weight: Int) {
    record(ranks, weight: Double(weight))
  }

  /// Records `weight` deals whose ranks were `ranks`.
  mutating func record(_ ranks: UnsafeMutableBufferPointer<UInt16>, weight: Double) {
    deals += weight
    var best: UInt16 = 0
    var winners = 0
    for rank in ranks {
      if rank > best {
        best = rank
        winners = 1
      } else if rank == best {
        winners += 1
      }
    }
    if winners == 1 {
      for i in ranks.indices where ranks[i] == best {
        wins[i] += weight
        shares[i] += weight
      }
    } else {
      let share = weight / Double(winners)
      for i in ranks.indices where ranks[i] == best {
        ties[i] += weight
        shares[i] += share
      }
    }
  }

  mutating func add(_ other: EquityTally, weight: Double) {
    deals += other.deals * weight
    for i in wins.indices {
      wins[i] += other.wins[i] * weight
      ties[i] += other.ties[i] * weight
      shares[i] += other.shares[i] * weight
    }
  }
}
