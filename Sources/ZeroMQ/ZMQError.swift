import CZeroMQ

/// A failed libzmq call: which call, its error number and libzmq's text for it.
public struct ZMQError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The `errno` libzmq reported (`EAGAIN` for a timeout, `ETERM` after shutdown, …).
  public let code: Int32
  /// The call that failed, such as `zmq_bind(tcp://127.0.0.1:5555)`.
  public let call: String

  public init(code: Int32, call: String) {
    self.code = code
    self.call = call
  }

  /// libzmq's description of the error.
  public var message: String { String(cString: zmq_strerror(code)) }

  /// True when the call timed out or would have blocked.
  public var isTimeout: Bool { code == EAGAIN }

  public var description: String { "\(call) failed: \(message) (errno \(code))" }

  /// The one path from a libzmq return value to an error: a negative result throws with the
  /// current `zmq_errno()`; `EINTR` (a signal arrived) retries the call.
  @discardableResult
  static func check(_ call: @autoclosure () -> String, _ body: () -> Int32) throws(ZMQError) -> Int32 {
    while true {
      let result = body()
      if result >= 0 { return result }
      let code = zmq_errno()
      if code == EINTR { continue }
      throw ZMQError(code: code, call: call())
    }
  }
}
