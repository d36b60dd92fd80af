import Dispatch
import Synchronization

extension BlueprintTrainer {
  /// Walks at least `count` more deals, in whole batches (so runs of any lengths add up to the
  /// same bits as one run), calling `progress` after each batch with the deals done so far.
  public func run(_ count: Int, progress: (Int) -> Void = { _ in }) {
    let threads = settings.threads
    let batch = settings.batch
    let walks = UnsafeMutablePointer<BlueprintWalk>.allocate(capacity: threads)
    for t in 0..<threads { (walks + t).initialize(to: BlueprintWalk(trainer: self)) }
    // Per deal of the batch: the worker that walked it and where its records and deltas start
    // and end in that worker's log.
    let spans = UnsafeMutablePointer<DealSpan>.allocate(capacity: batch)
    defer {
      for t in 0..<threads { walks[t].free() }
      walks.deinitialize(count: threads)
      walks.deallocate()
      spans.deallocate()
    }
    let handle = BatchHandle(walks: walks, spans: spans)
    let end = iterations + count
    while iterations < end {
      let first = iterations
      if threads == 1 {
        walks[0].log.clear()
        for deal in 0..<batch { walkDeal(first, deal, walks, spans) }
        apply(handle, part: 0, of: 1)
      } else {
        // Deals are handed out one at a time, so a thread that drew quick deals takes more.
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
          let walk = handle.walks + worker
          walk.pointee.log.clear()
          while true {
            let deal = next.wrappingAdd(1, ordering: .relaxed).oldValue
            if deal >= batch { break }
            self.walkDeal(first, deal, walk, handle.spans, worker: worker)
          }
        }
        DispatchQueue.concurrentPerform(iterations: threads) { part in self.apply(handle, part: part, of: threads) }
      }
      iterations += batch
      if iterations / settings.discountInterval > first / settings.discountInterval {
        let k = Float(iterations / settings.discountInterval)
        discount(by: k / (k + 1))
      }
      progress(iterations)
    }
  }

  /// Deals and walks deal `first + deal` (once per player), noting its span of the log.
  func walkDeal(
    _ first: Int, _ deal: Int, _ walk: UnsafeMutablePointer<BlueprintWalk>, _ spans: UnsafeMutablePointer<DealSpan>,
    worker: Int = 0
  ) {
    let index = first + deal
    let records = walk.pointee.log.recordCount
    let deltas = walk.pointee.log.deltaCount
    walk.pointee.deal(index, trainer: self)
    walk.pointee.pruning =
      index >= settings.pruneAfter && walk.pointee.generator.unitDouble() < settings.pruneProbability
    for traverser in 0..<2 { _ = walk.pointee.walk(0, traverser: traverser, depth: 0) }
    spans[deal] = DealSpan(
      worker: worker, records: records..<walk.pointee.log.recordCount, deltas: deltas)
  }

  /// Applies the batch's logs deal by deal in order. With several threads, part `part` applies
  /// the records whose first slot it owns (by a hash of the slot, so that the preflop's few hot
  /// slots do not all land on one thread): every update of a slot comes from records starting
  /// at the same slot (its decision's block for one bucket), so each slot still sees its
  /// updates in deal order, whoever applies them.
  func apply(_ handle: BatchHandle, part: Int, of parts: Int) {
    let floor = settings.regretFloor
    for deal in 0..<settings.batch {
      let span = handle.spans[deal]
      let log = handle.walks[span.worker].log
      var delta = log.deltas + span.deltas
      for r in span.records {
        let record = log.records[r]
        let count = Int(record & 255)
        defer { delta += count }
        let start = record >> 9
        if parts > 1 && Int(((start &* 0x9E37_79B9_7F4A_7C15) >> 32) % UInt64(parts)) != part { continue }
        let slot = Int(start)
        if record & 256 != 0 {
          let target = sums + slot
          for a in 0..<count { target[a] += delta[a] }
        } else {
          let target = regrets + slot
          for a in 0..<count { target[a] = max(target[a] + delta[a], floor) }
        }
      }
    }
  }

  /// Scales every regret and strategy sum.
  func discount(by factor: Float) {
    for i in 0..<slotCount {
      regrets[i] *= factor
      sums[i] *= factor
    }
  }
}

/// Where one deal's updates sit in the log of the worker that walked it.
struct DealSpan {
  var worker: Int
  var records: Range<Int>
  var deltas: Int
}

/// The batch's walks and spans, handed to the concurrent loops (each worker writes only its own
/// walk and the spans of the deals it drew).
struct BatchHandle: @unchecked Sendable {
  let walks: UnsafeMutablePointer<BlueprintWalk>
  let spans: UnsafeMutablePointer<DealSpan>
}
