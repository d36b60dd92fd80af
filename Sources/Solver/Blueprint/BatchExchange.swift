/// The other processes of one blueprint training run (MPI ranks, or any transport that can
/// gather bytes from every process in a fixed order).
///
/// Each process walks its share of every batch's deals; ``allGather(_:)`` gives every process
/// every share, in rank order, and each applies all of them in deal order, so the tables stay
/// equal on every process and equal to a one-process run's.
public protocol BatchExchange: AnyObject {
  /// This process, 0 ..< ``size``.
  var rank: Int { get }
  /// The number of processes.
  var size: Int { get }
  /// Every process's bytes, concatenated in rank order, on every process.
  func allGather(_ bytes: UnsafeRawBufferPointer) throws -> [UInt8]
}

/// What a trainer's exchanges cost: bytes this process sent and bytes it received, per batch.
public struct ExchangeTally: Sendable, Equatable {
  /// Batches exchanged.
  public var batches = 0
  /// Bytes this process contributed, over all batches.
  public var sentBytes = 0
  /// Bytes gathered from all processes, over all batches.
  public var gatheredBytes = 0
  /// Seconds this process spent walking its deals, packing and gathering the updates (waiting
  /// for the slowest process included), and applying every process's updates.
  public var walkSeconds = 0.0
  public var gatherSeconds = 0.0
  public var applySeconds = 0.0

  public init() {}
}
