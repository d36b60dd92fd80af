/// Where each hand falls among the opponent's hands at every final board, laid out so that a
/// showdown is prefix sums and lookups with no comparisons and no branches.
///
/// For a final board b and a player p (the one whose hands are valued), the *opponent's* hands
/// that miss the board are listed weakest first (`sweep`), each with its two cards and where
/// its reach lands among the prefix sums of each card's hands. A showdown sums the opponent's
/// reach along that list in one pass with no inner loops: overall (`P`, ending in the whole sum
/// `S`) and per card (`Q`, each card's hands weakest first, added in the same order as a separate
/// pass per card would). A hand of p with cards a and b, of a rank that `lo` opponent hands are
/// below and `hi` are not above, is worth (opponent weight it beats) − (weight it loses to):
///
///     weaker   = P[lo] − Q_a[lo] − Q_b[lo]
///     stronger = (S − P[hi]) − (Q_a[end] − Q_a[hi]) − (Q_b[end] − Q_b[hi])
///
/// (opponent hands that share a card with it are taken out of both; one sharing both cards ties
/// with it, so it is in neither). Regrouped, weaker − stronger = G − K_a − K_b with
///
///     G   = P[lo] + P[hi] − S                 (the hand's rank group only)
///     K_c = Q_c[lo] + Q_c[hi] − Q_c[end]      (the card and the group only)
///
/// and p's hands share them: the three hands of AQ offsuit that hold the A♣ on a board without a
/// flush share one card term. So a showdown computes each group's G (`groups`: lo and hi) and
/// each (card, group)'s K (`pairs`: the three positions in Q) once, then reads three values per
/// hand (``ShowdownEntry``).
final class ShowdownTables: @unchecked Sendable {
  /// Per final board b, player 0's entries then player 1's, one per hand in hand order: p's
  /// start at `b × (hands of 0 + hands of 1)`, plus the hands of 0 for player 1.
  let entries: UnsafeMutableBufferPointer<ShowdownEntry>
  /// Per slot `2 b + p`: p's rank groups at `groupStart[slot] ..< groupStart[slot + 1]`, each
  /// `lo | hi << 16` (positions in P).
  let groupStart: UnsafeMutableBufferPointer<Int32>
  let groups: UnsafeMutableBufferPointer<UInt32>
  /// Per slot `2 b + p`: p's (card, group) terms at `pairStart[slot] ..< pairStart[slot + 1]`,
  /// each `lo | hi << 16 | end << 32` (positions in Q).
  let pairStart: UnsafeMutableBufferPointer<Int32>
  let pairs: UnsafeMutableBufferPointer<UInt64>
  /// Per slot `2 b + o`: o's hands on board b, weakest first, at
  /// `orderStart[slot] ..< orderStart[slot + 1]`.
  let orderStart: UnsafeMutableBufferPointer<Int32>
  let sweep: UnsafeMutableBufferPointer<SweepStep>
  /// Per slot `2 b + o` and card c: where card c's hands start among o's hands listed card by
  /// card (53 starts per slot, the last one the end). Card c's prefix sums sit at
  /// `Q[cardStart[c] + c ... cardStart[c + 1] + c]`, the first of them 0.
  let cardStart: UnsafeMutableBufferPointer<UInt16>

  /// One opponent hand of the sweep: its index and, for each of its cards, the position in `Q`
  /// of the prefix sum that ends with it (the card's previous sum sits just before). Six bytes.
  struct SweepStep {
    var hand: UInt16
    var slotA: UInt16
    var slotB: UInt16
  }

  /// Builds the tables from each final board's hands sorted by rank.
  ///
  /// - Parameters:
  ///   - sortedHands: per final board and player, the hands that miss it, weakest first.
  ///   - sortedRanks: their ranks (equal ranks tie).
  ///   - cards: per player, two cards per hand.
  init(sortedHands: [[[Int32]]], sortedRanks: [[[UInt16]]], cards: [[UInt8]]) {
    precondition(MemoryLayout<ShowdownEntry>.stride == 8, "the showdown reads each entry as one 64-bit word")
    let boards = sortedHands.count
    var allEntries: [ShowdownEntry] = []
    var groupStarts: [Int32] = [0]
    var allGroups: [UInt32] = []
    var pairStarts: [Int32] = [0]
    var allPairs: [UInt64] = []
    var orderStarts: [Int32] = [0]
    var allSweep: [SweepStep] = []
    var cardStarts: [UInt16] = []
    for board in 0..<boards {
      // The opponent-side lists, one per player as the opponent.
      var byCard: [[[(hand: Int32, rank: UInt16)]]] = []
      for player in 0..<2 {
        let hands = sortedHands[board][player]
        let ranks = sortedRanks[board][player]
        var lists = [[(hand: Int32, rank: UInt16)]](repeating: [], count: 52)
        // Each hand's place in its two cards' lists.
        var places: [(Int, Int)] = []
        for (hand, rank) in zip(hands, ranks) {
          let a = Int(cards[player][2 * Int(hand)])
          let b = Int(cards[player][2 * Int(hand) + 1])
          places.append((lists[a].count, lists[b].count))
          lists[a].append((hand, rank))
          lists[b].append((hand, rank))
        }
        var starts = [Int](repeating: 0, count: 53)
        for card in 0..<52 { starts[card + 1] = starts[card] + lists[card].count }
        cardStarts += starts.map { UInt16($0) }
        for (hand, place) in zip(hands, places) {
          let a = Int(cards[player][2 * Int(hand)])
          let b = Int(cards[player][2 * Int(hand) + 1])
          allSweep.append(
            SweepStep(
              hand: UInt16(hand), slotA: UInt16(starts[a] + a + 1 + place.0), slotB: UInt16(starts[b] + b + 1 + place.1)
            ))
        }
        orderStarts.append(Int32(allSweep.count))
        byCard.append(lists)
      }
      // Each player's entries against the other's lists.
      for player in 0..<2 {
        let opponent = 1 - player
        let theirRanks = sortedRanks[board][opponent]
        let lists = byCard[opponent]
        var starts = [Int](repeating: 0, count: 53)
        for card in 0..<52 { starts[card + 1] = starts[card] + lists[card].count }
        let mine = zip(sortedHands[board][player], sortedRanks[board][player])
        // Groups and (card, group) terms numbered in order of first use, within this slot.
        var groupIndex: [UInt16: Int] = [:]
        var pairIndex: [Int: Int] = [:]
        let groupBase = allGroups.count
        let pairBase = allPairs.count
        // One entry per hand, in hand order; a hand that meets the board reads the terms just
        // past the slot's last (a showdown sets them to 0).
        var slotEntries = [ShowdownEntry?](repeating: nil, count: cards[player].count / 2)
        for (hand, rank) in mine {
          func group() -> Int {
            if let known = groupIndex[rank] { return known }
            let lo = Self.count(theirRanks, below: Int(rank))
            let hi = Self.count(theirRanks, below: Int(rank) + 1)
            allGroups.append(UInt32(lo) | UInt32(hi) << 16)
            groupIndex[rank] = allGroups.count - 1 - groupBase
            return allGroups.count - 1 - groupBase
          }
          func pair(_ card: Int) -> Int {
            let key = card << 16 | Int(rank)
            if let known = pairIndex[key] { return known }
            let ranks = lists[card].map(\.rank)
            let lo = starts[card] + card + ranks.count { $0 < rank }
            let hi = starts[card] + card + ranks.count { $0 <= rank }
            let end = starts[card + 1] + card
            allPairs.append(UInt64(lo) | UInt64(hi) << 16 | UInt64(end) << 32)
            pairIndex[key] = allPairs.count - 1 - pairBase
            return allPairs.count - 1 - pairBase
          }
          let a = Int(cards[player][2 * Int(hand)])
          let b = Int(cards[player][2 * Int(hand) + 1])
          slotEntries[Int(hand)] = ShowdownEntry(
            group: UInt16(group()), pairA: UInt16(pair(a)), pairB: UInt16(pair(b)), spare: 0)
        }
        let zeroGroup = UInt16(allGroups.count - groupBase)
        let zeroPair = UInt16(allPairs.count - pairBase)
        allEntries += slotEntries.map {
          $0 ?? ShowdownEntry(group: zeroGroup, pairA: zeroPair, pairB: zeroPair, spare: 0)
        }
        groupStarts.append(Int32(allGroups.count))
        pairStarts.append(Int32(allPairs.count))
      }
    }
    func buffer<T>(_ values: [T]) -> UnsafeMutableBufferPointer<T> {
      let result = UnsafeMutableBufferPointer<T>.allocate(capacity: max(values.count, 1))
      _ = result.initialize(from: values)
      return result
    }
    precondition(allEntries.count == boards * (cards[0].count + cards[1].count) / 2, "one entry per hand per board")
    entries = buffer(allEntries)
    groupStart = buffer(groupStarts)
    groups = buffer(allGroups)
    pairStart = buffer(pairStarts)
    pairs = buffer(allPairs)
    orderStart = buffer(orderStarts)
    sweep = buffer(allSweep)
    cardStart = buffer(cardStarts)
  }

  /// How many of the ascending `ranks` are below `rank` (binary search).
  static func count(_ ranks: [UInt16], below rank: Int) -> Int {
    var low = 0
    var high = ranks.count
    while low < high {
      let middle = (low + high) / 2
      if Int(ranks[middle]) < rank { low = middle + 1 } else { high = middle }
    }
    return low
  }

  deinit {
    entries.deallocate()
    groupStart.deallocate()
    groups.deallocate()
    pairStart.deallocate()
    pairs.deallocate()
    orderStart.deallocate()
    sweep.deallocate()
    cardStart.deallocate()
  }

  /// Bytes held.
  var bytes: Int {
    entries.count * MemoryLayout<ShowdownEntry>.stride + groups.count * 4 + pairs.count * 8
      + (groupStart.count + pairStart.count + orderStart.count) * 4
      + sweep.count * MemoryLayout<SweepStep>.stride + cardStart.count * 2
  }
}
