import Foundation

/// A value one thread sets and others read, behind a lock.
public final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value

  public init(_ value: Value) { stored = value }

  public var value: Value { lock.withLock { stored } }

  public func set(_ value: Value) { lock.withLock { stored = value } }

  /// Changes the value in place under the lock.
  public func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
