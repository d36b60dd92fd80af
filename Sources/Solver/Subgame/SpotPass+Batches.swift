extension SpotPass {
  @inline(__always)
  private static func load(_ base: UnsafePointer<Float>, _ slot: Int) -> Batch {
    UnsafeRawPointer(base + slot &* batchWidth).loadUnaligned(as: Batch.self)
  }

  @inline(__always)
  private static func store(_ value: Batch, _ base: UnsafeMutablePointer<Float>, _ slot: Int) {
    UnsafeMutableRawPointer(base + slot &* batchWidth).storeBytes(of: value, as: Batch.self)
  }

  /// ``showdown(_:_:board:payoff:_:_:)`` for `lanes` (at most eight) showdown nodes on one
  /// board at once: lane l values the hands against `reaches[l]`, times `gains[l]`, into
  /// `outs[l]`. Each lane's arithmetic is the scalar showdown's, in the same order, so the
  /// values are the same bits; the sweep's and the lookups' bookkeeping is shared by the lanes.
  /// `scratch` takes `8 × (8 × hands + 60)` floats, hands the larger side's.
  func showdownLanes(
    _ player: Int, _ reaches: UnsafePointer<UnsafePointer<Float>>, _ lanes: Int, _ gains: Batch, _ board: Int,
    _ outs: UnsafePointer<UnsafeMutablePointer<Float>>, _ scratch: UnsafeMutablePointer<Float>
  ) {
    let width = SpotPass.batchWidth
    let (count, steps, cardStart) = opponentSweep(player, board: board)
    // Each lane's reach in sweep order, lane by lane (so that the vector loads below never wait
    // on the scalar stores). Lanes past `lanes` keep whatever the scratch held: they are summed
    // alongside and dropped.
    let ordered = scratch
    for lane in 0..<lanes {
      let reach = reaches[lane]
      for k in 0..<count { ordered[k &* width &+ lane] = reach[Int(steps[k].hand)] }
    }
    let zero = Batch(repeating: 0)
    let prefix = ordered + count * width
    let cardPrefix = prefix + (count + 1) * width
    for card in 0..<52 { SpotPass.store(zero, cardPrefix, Int(cardStart[card]) + card) }
    var sum = zero
    SpotPass.store(zero, prefix, 0)
    for k in 0..<count {
      let step = steps[k]
      let value = SpotPass.load(ordered, k)
      sum += value
      SpotPass.store(sum, prefix, k + 1)
      let a = Int(step.slotA)
      let b = Int(step.slotB)
      SpotPass.store(SpotPass.load(cardPrefix, a - 1) + value, cardPrefix, a)
      SpotPass.store(SpotPass.load(cardPrefix, b - 1) + value, cardPrefix, b)
    }
    let mine = 2 * board + player
    let groupTerms = cardPrefix + (2 * count + 52) * width
    let groupFirst = Int(groupStart[mine])
    let groupCount = Int(groupStart[mine + 1]) - groupFirst
    for j in 0..<groupCount {
      let group = showdownGroups[groupFirst + j]
      let term =
        SpotPass.load(prefix, Int(group & 0xFFFF)) + SpotPass.load(prefix, Int(group >> 16)) - sum
      SpotPass.store(term, groupTerms, j)
    }
    let pairTerms = groupTerms + (groupCount + 1) * width
    let pairFirst = Int(pairStart[mine])
    let pairCount = Int(pairStart[mine + 1]) - pairFirst
    for k in 0..<pairCount {
      let pair = showdownPairs[pairFirst + k]
      let term =
        SpotPass.load(cardPrefix, Int(pair & 0xFFFF)) + SpotPass.load(cardPrefix, Int((pair >> 16) & 0xFFFF))
        - SpotPass.load(cardPrefix, Int(pair >> 32))
      SpotPass.store(term, pairTerms, k)
    }
    SpotPass.store(zero, groupTerms, groupCount)
    SpotPass.store(zero, pairTerms, pairCount)
    let n = handCount(player)
    let results = pairTerms + (pairCount + 1) * width
    let first = UnsafeRawPointer(
      showdownEntries + board * (handCount0 + handCount1) + (player == 0 ? 0 : handCount0))
    for hand in 0..<n {
      let entry = ShowdownEntry.fields(first + 8 * hand)
      let value =
        gains
        * (SpotPass.load(groupTerms, entry.group) - SpotPass.load(pairTerms, entry.pairA)
          - SpotPass.load(pairTerms, entry.pairB))
      SpotPass.store(value, results, hand)
    }
    for lane in 0..<lanes {
      let out = outs[lane]
      for hand in 0..<n { out[hand] = results[hand &* width &+ lane] }
    }
  }

  /// ``fold(_:_:payoff:_:)`` for `lanes` (at most eight) fold nodes at once, lane l against
  /// `reaches[l]` with gain `gains[l]` into `outs[l]`, each lane's sums in the scalar fold's
  /// order (the same bits). `scratch` takes `8 × (2 × hands + 208)` floats.
  func foldLanes(
    _ player: Int, _ reaches: UnsafePointer<UnsafePointer<Float>>, _ lanes: Int, _ gains: Batch,
    _ outs: UnsafePointer<UnsafeMutablePointer<Float>>, _ scratch: UnsafeMutablePointer<Float>
  ) {
    let width = SpotPass.batchWidth
    let opponent = 1 - player
    let m = handCount(opponent)
    let reach = scratch
    for lane in 0..<lanes {
      let source = reaches[lane]
      for hand in 0..<m { reach[hand &* width &+ lane] = source[hand] }
    }
    let zero = Batch(repeating: 0)
    let cardSums = reach + m * width
    for slot in 0..<(4 * 52) { SpotPass.store(zero, cardSums, slot) }
    @inline(__always) func add(_ value: Batch, _ slot: Int) {
      SpotPass.store(SpotPass.load(cardSums, slot) + value, cardSums, slot)
    }
    var sums = (zero, zero, zero, zero)
    let opponentCards = cards(opponent)
    var hand = 0
    while hand + 4 <= m {
      let r0 = SpotPass.load(reach, hand)
      let r1 = SpotPass.load(reach, hand + 1)
      let r2 = SpotPass.load(reach, hand + 2)
      let r3 = SpotPass.load(reach, hand + 3)
      sums.0 += r0
      sums.1 += r1
      sums.2 += r2
      sums.3 += r3
      let c = opponentCards + 2 * hand
      add(r0, Int(c[0]))
      add(r0, Int(c[1]))
      add(r1, 52 + Int(c[2]))
      add(r1, 52 + Int(c[3]))
      add(r2, 104 + Int(c[4]))
      add(r2, 104 + Int(c[5]))
      add(r3, 156 + Int(c[6]))
      add(r3, 156 + Int(c[7]))
      hand += 4
    }
    while hand < m {
      let value = SpotPass.load(reach, hand)
      sums.0 += value
      add(value, Int(opponentCards[2 * hand]))
      add(value, Int(opponentCards[2 * hand + 1]))
      hand += 1
    }
    let total = (sums.0 + sums.1) + (sums.2 + sums.3)
    for card in 0..<52 {
      let merged =
        (SpotPass.load(cardSums, card) + SpotPass.load(cardSums, 52 + card))
        + (SpotPass.load(cardSums, 104 + card) + SpotPass.load(cardSums, 156 + card))
      SpotPass.store(merged, cardSums, card)
    }
    let n = handCount(player)
    let results = cardSums + 4 * 52 * width
    let mine = cards(player)
    let mySame = same(player)
    for hand in 0..<n {
      let value =
        total - SpotPass.load(cardSums, Int(mine[2 * hand])) - SpotPass.load(cardSums, Int(mine[2 * hand + 1]))
      let twin = Int(mySame[hand])
      let back = SpotPass.load(reach, max(twin, 0))
      SpotPass.store(gains * (twin >= 0 ? value + back : value), results, hand)
    }
    for lane in 0..<lanes {
      let out = outs[lane]
      for hand in 0..<n { out[hand] = results[hand &* width &+ lane] }
    }
  }
}
