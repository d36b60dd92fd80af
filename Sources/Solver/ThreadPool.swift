import Dispatch
import Foundation
import Synchronization

/// Worker threads kept for a solver's life, so work reaches them in microseconds rather than a
/// fresh dispatch each time: a turn spot has dozens of chance nodes per walk, and the blueprint
/// trainer hands out a batch of deals, then its merge, thousands of times a second.
///
/// Between jobs a worker spins briefly, then sleeps on a semaphore; the caller, waiting for the
/// last helper, does the same. Jobs hand out indices from an atomic counter; the caller works too
/// and returns once every index is done.
final class ThreadPool: @unchecked Sendable {
  /// Threads besides the caller.
  let helpers: Int
  private let generation = Atomic<Int>(0)
  private let nextIndex = Atomic<Int>(0)
  private let busy = Atomic<Int>(0)
  /// Bit i set while helper i + 1 sleeps (or is about to) on its own semaphore.
  private let sleepers = Atomic<UInt64>(0)
  private let stopping = Atomic<Bool>(false)
  /// One semaphore per helper: a shared one lets a helper that woke early take a second helper's
  /// wake-up, leaving that one asleep through a job.
  private let wakes: [DispatchSemaphore]
  private let exited = DispatchSemaphore(value: 0)
  /// Signalled once per job, by the helper that finishes last.
  private let done = DispatchSemaphore(value: 0)
  // Written by the caller before `generation` is bumped (release), read by helpers after they
  // see the bump (acquire).
  nonisolated(unsafe) private var count = 0
  nonisolated(unsafe) private var body: ((Int, Int) -> Void)? = nil

  init(threads: Int) {
    helpers = min(max(0, threads - 1), 63)
    wakes = (0..<helpers).map { _ in DispatchSemaphore(value: 0) }
    for worker in 0..<helpers {
      let thread = Thread { [unowned self] in self.serve(worker: worker + 1) }
      thread.stackSize = 8 << 20
      thread.start()
    }
  }

  /// Runs `body(k, worker)` for every k in 0..<count; worker 0 is the caller.
  func run(_ count: Int, _ body: (Int, Int) -> Void) {
    guard helpers > 0 else {
      for k in 0..<count { body(k, 0) }
      return
    }
    withoutActuallyEscaping(body) { escaping in
      self.count = count
      self.body = escaping
      nextIndex.store(0, ordering: .relaxed)
      busy.store(helpers, ordering: .relaxed)
      generation.wrappingAdd(1, ordering: .sequentiallyConsistent)
      let sleeping = sleepers.load(ordering: .sequentiallyConsistent)
      for helper in 0..<helpers where sleeping & (1 << UInt64(helper)) != 0 { wakes[helper].signal() }
      work(worker: 0)
      // Spin a little for the helpers, then sleep: with more spinning threads than cores (several
      // solvers at once) a caller that only spins can starve the helper it waits for. Exactly one
      // signal comes per job, so the wait never returns early for a later one.
      var spins = 0
      while busy.load(ordering: .acquiring) > 0 && spins < 20_000 { spins += 1 }
      done.wait()
      self.body = nil
    }
  }

  private func work(worker: Int) {
    guard let body else { return }
    while true {
      let k = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
      if k >= count { break }
      body(k, worker)
    }
  }

  private func serve(worker: Int) {
    var seen = 0
    while true {
      var spins = 0
      while generation.load(ordering: .acquiring) == seen && !stopping.load(ordering: .relaxed) {
        spins += 1
        if spins > 20_000 {
          // Sequentially consistent with the caller's bump and read of `sleepers`: either it
          // sees this sleeper and signals, or this check sees its bump.
          let bit: UInt64 = 1 << UInt64(worker - 1)
          sleepers.bitwiseOr(bit, ordering: .sequentiallyConsistent)
          if generation.load(ordering: .sequentiallyConsistent) == seen && !stopping.load(ordering: .relaxed) {
            wakes[worker - 1].wait()
          }
          sleepers.bitwiseAnd(~bit, ordering: .sequentiallyConsistent)
          spins = 0
        }
      }
      if stopping.load(ordering: .relaxed) { break }
      seen = generation.load(ordering: .acquiring)
      work(worker: worker)
      if busy.wrappingSubtract(1, ordering: .acquiringAndReleasing).newValue == 0 { done.signal() }
    }
    exited.signal()
  }

  /// Stops the helpers and waits for them to leave.
  func stop() {
    stopping.store(true, ordering: .releasing)
    for helper in 0..<helpers { wakes[helper].signal() }
    for _ in 0..<helpers { exited.wait() }
  }
}
