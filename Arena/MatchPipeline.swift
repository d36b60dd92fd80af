import BotProtocol

/// Plays a range of one pair's hands with up to `window` hands in flight, over any
/// ``MatchTransport``, and hands each finished hand to `commit` in hand order. No sockets: the
/// rules of the match's flow live here and are tested in memory.
///
/// - Hand order: hand k is dealt only once every hand up to k − window is committed (its hand
///   end already sent), which bots may rely on.
/// - Commits: `commit` returns false to stop dealing; no new hand starts, but every hand already
///   dealt is played out (a failed bot's decisions answered by its failure) and committed, so a
///   hand whose `handEnd` a bot received is always in the record. `flush` runs after each batch
///   of commits, before waiting on the bots again.
/// - Failures: each decision carries its own id and deadline (the smaller of the action limit and
///   what is left of the seat's hand limit, from when it was sent). A frame that is not a
///   protocol message, or a message that is neither an `act` nor a `leave`, answers the
///   session's oldest outstanding decision as an invalid action (played as a call, counted and
///   logged with its text); an `act` with an unknown id (late, after a time-out) is ignored. A
///   session that times out, whose process dies or that says `leave` fails every decision it
///   still owes, in every hand, and no hand is dealt after it.
/// - Duplicate deals: with two tables, even hands go to table 0's sessions and their mirrors to
///   table 1's, each table's sessions seeing only its own hands.
public struct MatchPipeline<Transport: MatchTransport> {
  /// What the pipeline measured: decisions answered with an action, their summed round-trip
  /// time, and how each session failed, if it did.
  public struct Traffic: Sendable, Hashable {
    public var decisions = 0
    public var roundTripNanoseconds: UInt64 = 0
    public var failures: [PlayerReply?]
  }

  struct Outstanding {
    var slot: Int
    var link: Int
    var sentNs: UInt64
    var deadlineNs: UInt64
  }

  let referee: Referee
  let names: [String]
  let hands: Range<Int>
  let window: Int
  let tables: Int
  public private(set) var transport: Transport
  /// Hands in play live in fixed slots, mutated in place.
  var slots: [HandInPlay?]
  var freeSlots: [Int]
  var waiting: [Int: Outstanding] = [:]
  /// Each session's outstanding decision ids, oldest first.
  var queues: [[Int]]
  var traffic: Traffic
  var finished: [Int: HandRecord] = [:]
  var nextHand: Int
  var nextCommit: Int
  var dealing = true
  var lastProcessCheck: UInt64 = 0
  /// Frames wait here while a batch of answers is handled and then go out together, so that a
  /// socket's I/O thread is woken once per batch rather than once per message.
  var outbox: [(link: Int, frame: [UInt8], mustArrive: Bool)] = []

  /// A pipeline for `hands` of the players `names` (by player index), `sessions` sessions in
  /// all (players × tables), at most `window` hands in flight.
  public init(
    referee: Referee, names: [String], sessions: Int, hands: Range<Int>, window: Int, transport: Transport
  ) {
    self.referee = referee
    self.names = names
    self.hands = hands
    self.window = max(1, window)
    tables = max(1, sessions / max(1, names.count))
    self.transport = transport
    slots = Array(repeating: nil, count: self.window)
    freeSlots = Array((0..<self.window).reversed())
    queues = Array(repeating: [], count: sessions)
    traffic = Traffic(failures: (0..<sessions).map { transport.isSeated($0) ? nil : .disconnected })
    nextHand = hands.lowerBound
    nextCommit = hands.lowerBound
  }

  /// The session that plays `player` in `hand`.
  func link(_ player: Int, hand: Int) -> Int { player + names.count * (hand % tables) }

  /// Plays the hands; returns what it measured.
  public mutating func run(
    commit: (HandRecord) throws(ArenaError) -> Bool, flush: () throws(ArenaError) -> Void
  ) throws(ArenaError) -> Traffic {
    lastProcessCheck = transport.now()
    while true {
      // Commit first, so that a reason to stop is known before another hand is dealt; and no
      // hand is dealt once a session has failed.
      var committed = false
      while let record = finished.removeValue(forKey: nextCommit) {
        nextCommit += 1
        committed = true
        if try !commit(record) { dealing = false }
      }
      if committed { try flush() }
      if traffic.failures.contains(where: { $0 != nil }) { dealing = false }
      deal()
      sendOutbox()
      if nextCommit >= (dealing ? hands.upperBound : nextHand) { return traffic }
      if dealing && freeSlots.count == window && nextHand < min(hands.upperBound, nextCommit + window) { continue }
      // Wait for answers, no longer than the nearest deadline.
      var time = transport.now()
      let nearest = waiting.values.map(\.deadlineNs).min() ?? time + 50_000_000
      let timeout = nearest > time ? Int(min((nearest - time + 999_999) / 1_000_000, 50)) : 0
      let arrived = transport.receive(timeoutMs: timeout)
      for (from, frame) in arrived { read(frame, from: from) }
      if !arrived.isEmpty { sendOutbox() }
      time = transport.now()
      for outstanding in waiting.values
      where outstanding.deadlineNs <= time && traffic.failures[outstanding.link] == nil {
        fail(outstanding.link, .timedOut, at: time)
      }
      if time &- lastProcessCheck > 50_000_000 || arrived.isEmpty {
        lastProcessCheck = time
        for link in queues.indices where traffic.failures[link] == nil && transport.hasExited(link) {
          fail(link, .disconnected, at: time)
        }
      }
    }
  }

  /// Deals new hands into the free slots while the window and the reasons to stop allow.
  mutating func deal() {
    while let slot = freeSlots.popLast() {
      guard dealing && nextHand < hands.upperBound && nextHand < nextCommit + window else {
        freeSlots.append(slot)
        return
      }
      slots[slot] = HandInPlay(referee: referee, hand: nextHand)
      nextHand += 1
      drive(slot)
    }
  }

  /// Sends the hand's pending decision, or finishes it, until it waits on a bot or is over.
  mutating func drive(_ slot: Int) {
    // The hand is reached through its slot, never copied out while it is still played, so each
    // answer mutates it in place.
    while slots[slot] != nil {
      if slots[slot]!.isFinished {
        let play = slots[slot].take()!
        for (player, end) in play.endings() where traffic.failures[link(player, hand: play.hand)] == nil {
          outbox.append((link(player, hand: play.hand), Message.handEnd(end).encoded(), false))
        }
        finished[play.hand] = play.record(names: names)
        freeSlots.append(slot)
        return
      }
      guard var request = slots[slot]!.pending, let player = slots[slot]!.pendingPlayer else { return }
      let to = link(player, hand: request.hand)
      if let failure = traffic.failures[to] {
        slots[slot]!.answer(failure, elapsedMs: 0)
        continue
      }
      if names.count == 2 { request.opponent = names[1 - player] }
      outbox.append((to, Message.decide(request).encoded(), true))
      let sent = transport.now()
      waiting[request.id] = Outstanding(
        slot: slot, link: to, sentNs: sent, deadlineNs: sent + UInt64(max(request.timeLeftMs, 0)) * 1_000_000)
      queues[to].append(request.id)
      // One hand in flight leaves nothing to batch with: send at once.
      if window == 1 { sendOutbox() }
      return
    }
  }

  /// Reads one frame from session `from`.
  mutating func read(_ frame: [UInt8], from: Int) {
    guard traffic.failures[from] == nil else { return }
    let time = transport.now()
    let message: Message
    do { message = try Message.decode(frame) } catch {
      if let oldest = queues[from].first {
        deliver(oldest, .unreadable(String(decoding: frame.prefix(80), as: UTF8.self), "\(error)"), at: time)
      }
      return
    }
    switch message {
    case .act(let act):
      if waiting[act.id]?.link == from { deliver(act.id, .action(act.action), at: time) }
    case .leave:
      fail(from, .left, at: time)
    default:
      if let oldest = queues[from].first {
        deliver(oldest, .unreadable(String(decoding: frame.prefix(80), as: UTF8.self), "not an act message"), at: time)
      }
    }
  }

  /// Plays `reply` as the answer to decision `id`.
  mutating func deliver(_ id: Int, _ reply: PlayerReply, at time: UInt64) {
    guard let outstanding = waiting.removeValue(forKey: id) else { return }
    if case .action = reply {
      traffic.decisions += 1
      traffic.roundTripNanoseconds &+= time &- outstanding.sentNs
    }
    if let position = queues[outstanding.link].firstIndex(of: id) {
      queues[outstanding.link].remove(at: position)
    }
    guard slots[outstanding.slot] != nil else { return }
    slots[outstanding.slot]!.answer(reply, elapsedMs: Int((time &- outstanding.sentNs) / 1_000_000))
    drive(outstanding.slot)
  }

  /// Fails session `link` for the rest of the match: every decision it owes is answered by `reply`.
  mutating func fail(_ link: Int, _ reply: PlayerReply, at time: UInt64) {
    traffic.failures[link] = reply
    for id in queues[link] { deliver(id, reply, at: time) }
  }

  /// Sends what is queued; a decision that cannot be sent fails its bot (which may queue more).
  mutating func sendOutbox() {
    var next = 0
    while next < outbox.count {
      let (to, frame, mustArrive) = outbox[next]
      next += 1
      guard traffic.failures[to] == nil else { continue }
      if !transport.send(frame, to: to, mustArrive: mustArrive) && mustArrive {
        fail(to, .disconnected, at: transport.now())
      }
    }
    outbox.removeAll(keepingCapacity: true)
  }
}
