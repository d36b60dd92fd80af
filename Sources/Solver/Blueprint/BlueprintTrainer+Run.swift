import Dispatch

extension BlueprintTrainer {
  /// Walks at least `count` more deals, in whole batches (so runs of any lengths add up to the
  /// same bits as one run), calling `progress` after each batch with the deals done so far.
  public func run(_ count: Int, progress: (Int) -> Void = { _ in }) {
    let threads = settings.threads
    let batch = settings.batch
    let handle = BatchHandle(trainer: self)
    defer { handle.release() }
    func walkAt(_ t: Int) -> UnsafeMutablePointer<BlueprintWalk> { handle.walk(t) }
    let spans = handle.spans
    let end = iterations + count
    while iterations < end {
      let first = iterations
      // Up to 16 batches per hand-over to the threads; progress is reported between hand-overs.
      let batches = min(16, (end - iterations + batch - 1) / batch)
      if threads == 1 {
        for b in 0..<batches {
          walkAt(0).pointee.clearLogs()
          for deal in 0..<batch { walkDeal(first + b * batch, deal, walkAt(0), spans) }
          apply(handle, part: 0, of: 1)
          finishBatch(first + b * batch)
        }
      } else {
        // The pool hands deals out one at a time, so a thread that drew quick deals takes more;
        // then each merging part is one job.
        let pool = self.pool!
        for b in 0..<batches {
          let start = first + b * batch
          for t in 0..<threads { walkAt(t).pointee.clearLogs() }
          pool.run(batch) { deal, worker in
            self.walkDeal(start, deal, handle.walk(worker), handle.spans, worker: worker)
          }
          pool.run(threads) { part, _ in self.apply(handle, part: part, of: threads) }
          finishBatch(start)
        }
      }
      progress(iterations)
    }
  }

  /// Counts a merged batch that began at deal `first`, discounting when it crossed an interval.
  func finishBatch(_ first: Int) {
    iterations = first + settings.batch
    if iterations / settings.discountInterval > first / settings.discountInterval {
      let k = Float(iterations / settings.discountInterval)
      discount(by: k / (k + 1))
    }
  }

  /// Deals and walks deal `first + deal` (once per player), noting its spans of the logs.
  func walkDeal(
    _ first: Int, _ deal: Int, _ walk: UnsafeMutablePointer<BlueprintWalk>, _ spans: UnsafeMutablePointer<DealSpan>,
    worker: Int = 0
  ) {
    let index = first + deal
    let parts = walk.pointee.parts
    for part in 0..<parts {
      let log = walk.pointee.logs[part]
      spans[deal * parts + part] = DealSpan(
        worker: worker, records: log.recordCount..<log.recordCount, deltas: log.deltaCount..<log.deltaCount)
    }
    walk.pointee.deal(index, trainer: self)
    walk.pointee.pruning =
      index >= settings.pruneAfter && walk.pointee.generator.unitDouble() < settings.pruneProbability
    for traverser in 0..<2 { _ = walk.pointee.walk(0, traverser: traverser, depth: 0) }
    for part in 0..<parts {
      let span = spans[deal * parts + part]
      spans[deal * parts + part].records = span.records.lowerBound..<walk.pointee.logs[part].recordCount
      spans[deal * parts + part].deltas = span.deltas.lowerBound..<walk.pointee.logs[part].deltaCount
    }
  }

  /// Which of `parts` merging threads applies the updates of `slot`: by a hash of the slot, so
  /// that the preflop's few hot slots do not all land on one thread. Every update of a slot
  /// comes from records starting at the same slot (its decision's block for one bucket), so
  /// each slot still sees its updates in deal order, whoever applies them.
  @inline(__always)
  static func owner(of slot: Int, parts: Int) -> Int {
    parts == 1 ? 0 : Int(((UInt64(slot) &* 0x9E37_79B9_7F4A_7C15) >> 32) % UInt64(parts))
  }

  /// Applies part `part`'s records of the batch, deal by deal in order.
  func apply(_ handle: BatchHandle, part: Int, of parts: Int) {
    let floor = settings.regretFloor
    for deal in 0..<settings.batch {
      let span = handle.spans[deal * parts + part]
      let log = handle.walk(span.worker).pointee.logs[part]
      var delta = log.deltas + span.deltas.lowerBound
      for r in span.records {
        let record = log.records[r]
        applyRecord(record, UnsafeRawPointer(delta), floor: floor)
        delta += Int(record & 255)
      }
    }
  }

  /// Applies one logged record (`slot << 9 | sums << 8 | count`) with its deltas: added to the
  /// strategy sums, or added to the regrets and floored. The one update rule of every merge.
  @inline(__always)
  func applyRecord(_ record: UInt64, _ deltas: UnsafeRawPointer, floor: Float) {
    let count = Int(record & 255)
    let slot = Int(record >> 9)
    if record & 256 != 0 {
      let target = sums + slot
      for a in 0..<count { target[a] += deltas.loadUnaligned(fromByteOffset: 4 * a, as: Float.self) }
    } else {
      let target = regrets + slot
      for a in 0..<count {
        target[a] = max(target[a] + deltas.loadUnaligned(fromByteOffset: 4 * a, as: Float.self), floor)
      }
    }
  }

  /// Scales every regret and strategy sum.
  func discount(by factor: Float) {
    let (regrets, sums, count) = (self.regrets, self.sums, slotCount)
    guard let pool else {
      for i in 0..<count {
        regrets[i] *= factor
        sums[i] *= factor
      }
      return
    }
    // A full pass over the tables: shared among the threads (elementwise, so the bits do not
    // depend on how it is split).
    let chunk = max(256, count / 64)
    let handle = TablePair(regrets: regrets, sums: sums)
    pool.run((count + chunk - 1) / chunk) { part, _ in
      for i in (part * chunk)..<min(count, (part + 1) * chunk) {
        handle.regrets[i] *= factor
        handle.sums[i] *= factor
      }
    }
  }
}

/// The two tables, handed to the threads of a discount pass.
struct TablePair: @unchecked Sendable {
  let regrets: UnsafeMutablePointer<Float>
  let sums: UnsafeMutablePointer<Float>
}

/// Where one deal's updates for one merging part sit in that part's log of the worker that
/// walked the deal.
struct DealSpan {
  var worker: Int
  var records: Range<Int>
  var deltas: Range<Int>
}
