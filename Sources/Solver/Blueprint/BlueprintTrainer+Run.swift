import Dispatch

extension BlueprintTrainer {
  /// Walks at least `count` more deals, in whole batches (so runs of any lengths add up to the
  /// same bits as one run), calling `progress` after each batch with the deals done so far.
  public func run(_ count: Int, progress: (Int) -> Void = { _ in }) {
    let threads = settings.threads
    let walks = UnsafeMutablePointer<BlueprintWalk>.allocate(capacity: threads)
    for t in 0..<threads { (walks + t).initialize(to: BlueprintWalk(trainer: self)) }
    defer {
      for t in 0..<threads { walks[t].free() }
      walks.deinitialize(count: threads)
      walks.deallocate()
    }
    let end = iterations + count
    while iterations < end {
      let batch = settings.batch
      let first = iterations
      let handle = WalkHandle(walks)
      DispatchQueue.concurrentPerform(iterations: threads) { worker in
        let walk = handle.pointer + worker
        walk.pointee.log.clear()
        let lower = first + batch * worker / threads
        let upper = first + batch * (worker + 1) / threads
        for index in lower..<upper { self.walkDeal(index, walk) }
      }
      merge(walks, threads)
      iterations += batch
      if iterations / settings.discountInterval > first / settings.discountInterval {
        let k = Float(iterations / settings.discountInterval)
        discount(by: k / (k + 1))
      }
      progress(iterations)
    }
  }

  func walkDeal(_ index: Int, _ walk: UnsafeMutablePointer<BlueprintWalk>) {
    walk.pointee.deal(index, trainer: self)
    walk.pointee.pruning =
      index >= settings.pruneAfter && walk.pointee.generator.unitDouble() < settings.pruneProbability
    for traverser in 0..<2 { _ = walk.pointee.walk(0, traverser: traverser, depth: 0) }
  }

  /// Applies the workers' logs in deal order (worker 0 walked the batch's first deals).
  func merge(_ walks: UnsafeMutablePointer<BlueprintWalk>, _ threads: Int) {
    let floor = settings.regretFloor
    for t in 0..<threads {
      let log = walks[t].log
      var delta = log.deltas
      for r in 0..<log.recordCount {
        let record = log.records[r]
        let slot = Int(record >> 9)
        let count = Int(record & 255)
        if record & 256 != 0 {
          let target = sums + slot
          for a in 0..<count { target[a] += delta[a] }
        } else {
          let target = regrets + slot
          for a in 0..<count { target[a] = max(target[a] + delta[a], floor) }
        }
        delta += count
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

/// The workers' walks, handed to the concurrent loop (each worker touches only its own).
struct WalkHandle: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<BlueprintWalk>
  init(_ pointer: UnsafeMutablePointer<BlueprintWalk>) { self.pointer = pointer }
}
