import BotProtocol
import Dispatch
import Foundation
import ZeroMQ

extension Connection {
  /// Plays `hands` of one pair with up to `window` hands in flight at once, and hands each
  /// finished hand to `commit` in hand order. `commit` returns false to stop dealing: no new hand
  /// starts, but every hand already dealt is played out (a failed bot's decisions answered by its
  /// failure) and committed, so a hand whose `handEnd` a bot received is always in the record.
  /// `flush` runs after each batch of commits, before waiting on the bots again.
  ///
  /// Each decision carries its own id and deadline (the smaller of the action limit and what is
  /// left of the seat's hand limit, counted from when it was sent). An answer that cannot be
  /// read, or is neither an `act` nor a `leave`, answers the bot's oldest outstanding decision
  /// and is played as a call (counted); an `act` with an unknown id (late, after a time-out) is
  /// ignored. A bot that times out, whose process dies or that says `leave` fails every decision
  /// it still owes, in every hand.
  ///
  /// Returns how many decisions were answered and their summed round-trip time.
  @discardableResult
  func play(
    referee: Referee, names: [String], hands: Range<Int>, window: Int,
    commit: (HandRecord) throws(ArenaError) -> Bool, flush: () throws(ArenaError) -> Void
  ) throws(ArenaError) -> (decisions: Int, roundTripNanoseconds: UInt64) {
    let window = max(1, window)
    var decisions = 0
    var roundTrip: UInt64 = 0
    var identityOf: [[UInt8]] = []
    var playerOf: [[UInt8]: Int] = [:]
    for (index, name) in names.enumerated() {
      let identity = identities[name] ?? []
      identityOf.append(identity)
      if !identity.isEmpty { playerOf[identity] = index }
    }
    struct Outstanding {
      var slot: Int
      var player: Int
      var sentNs: UInt64
      var deadlineNs: UInt64
    }
    // Hands in play live in fixed slots, mutated in place.
    var slots = [HandInPlay?](repeating: nil, count: window)
    var freeSlots = Array((0..<window).reversed())
    var waiting: [Int: Outstanding] = [:]
    /// Each player's outstanding decision ids, oldest first.
    var queues = [[Int]](repeating: [], count: names.count)
    var failed = [PlayerReply?](repeating: nil, count: names.count)
    for (index, identity) in identityOf.enumerated() where identity.isEmpty { failed[index] = .disconnected }
    var finished: [Int: HandRecord] = [:]
    var nextHand = hands.lowerBound
    var nextCommit = hands.lowerBound
    var dealing = true
    var lastProcessCheck = DispatchTime.now().uptimeNanoseconds

    func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    // Messages wait here while a batch of answers is handled and then go out together, so that
    // ZeroMQ's I/O thread is woken once per batch rather than once per message.
    var outbox: [(player: Int, frame: [UInt8], mustArrive: Bool)] = []

    /// Sends the hand's pending decision, or finishes it, until it waits on a bot or is over.
    func drive(_ slot: Int) {
      while slots[slot] != nil {
        if slots[slot]!.isFinished {
          let play = slots[slot].take()!
          for (player, end) in play.endings() where failed[player] == nil {
            outbox.append((player, Message.handEnd(end).encoded(), false))
          }
          finished[play.hand] = play.record(names: names)
          freeSlots.append(slot)
          return
        }
        guard let request = slots[slot]!.pending, let player = slots[slot]!.pendingPlayer else { return }
        if let failure = failed[player] {
          slots[slot]!.answer(failure, elapsedMs: 0)
          continue
        }
        outbox.append((player, Message.decide(request).encoded(), true))
        let sent = now()
        waiting[request.id] = Outstanding(
          slot: slot, player: player, sentNs: sent, deadlineNs: sent + UInt64(max(request.timeLeftMs, 0)) * 1_000_000)
        queues[player].append(request.id)
        // One hand in flight leaves nothing to batch with: send at once.
        if window == 1 { sendOutbox() }
        return
      }
    }

    func deliver(_ id: Int, _ reply: PlayerReply, at time: UInt64) {
      guard let outstanding = waiting.removeValue(forKey: id) else { return }
      if case .action = reply {
        decisions += 1
        roundTrip &+= time &- outstanding.sentNs
      }
      if let position = queues[outstanding.player].firstIndex(of: id) {
        queues[outstanding.player].remove(at: position)
      }
      guard slots[outstanding.slot] != nil else { return }
      slots[outstanding.slot]!.answer(reply, elapsedMs: Int((time &- outstanding.sentNs) / 1_000_000))
      drive(outstanding.slot)
    }

    func fail(_ player: Int, _ reply: PlayerReply, at time: UInt64) {
      failed[player] = reply
      for id in queues[player] { deliver(id, reply, at: time) }
    }

    /// Sends what is queued; a decision that cannot be sent fails its bot (which may queue more).
    func sendOutbox() {
      var next = 0
      while next < outbox.count {
        let (player, frame, mustArrive) = outbox[next]
        next += 1
        guard failed[player] == nil else { continue }
        do {
          try router.send([identityOf[player], frame], dontWait: !mustArrive)
        } catch {
          if mustArrive { fail(player, .disconnected, at: now()) }
        }
      }
      outbox.removeAll(keepingCapacity: true)
    }

    while true {
      while let slot = freeSlots.popLast() {
        guard dealing && nextHand < hands.upperBound else {
          freeSlots.append(slot)
          break
        }
        slots[slot] = HandInPlay(referee: referee, hand: nextHand)
        nextHand += 1
        drive(slot)
      }
      var committed = false
      while let record = finished.removeValue(forKey: nextCommit) {
        nextCommit += 1
        committed = true
        if try !commit(record) { dealing = false }
      }
      if committed { try flush() }
      sendOutbox()
      if nextCommit >= (dealing ? hands.upperBound : nextHand) { return (decisions, roundTrip) }
      if dealing && freeSlots.count == window && nextHand < hands.upperBound { continue }
      // Wait for answers, no longer than the nearest deadline.
      var time = now()
      let nearest = waiting.values.map(\.deadlineNs).min() ?? time + 50_000_000
      let timeout = nearest > time ? Int(min((nearest - time + 999_999) / 1_000_000, 50)) : 0
      let ready = (try? Poller.poll([(router, .readable)], timeout: timeout)) ?? []
      if ready == [.readable] {
        while let frames = try? router.tryReceive() {
          guard frames.count >= 2, let player = playerOf[frames[0]], failed[player] == nil else { continue }
          let message = try? Message.decode(frames.last!)
          if case .act(let act)? = message {
            if waiting[act.id]?.player == player { deliver(act.id, .action(act.action), at: now()) }
          } else if case .leave? = message {
            fail(player, .left, at: now())
          } else if let oldest = queues[player].first {
            deliver(oldest, .action(String(decoding: frames.last!.prefix(40), as: UTF8.self)), at: now())
          }
        }
        sendOutbox()
      }
      time = now()
      for (id, outstanding) in waiting where outstanding.deadlineNs <= time && failed[outstanding.player] == nil {
        _ = id
        fail(outstanding.player, .timedOut, at: time)
      }
      if time &- lastProcessCheck > 50_000_000 || ready != [.readable] {
        lastProcessCheck = time
        for (index, name) in names.enumerated() where failed[index] == nil {
          if let process = processes[name], !process.isRunning { fail(index, .disconnected, at: time) }
        }
      }
    }
  }
}
