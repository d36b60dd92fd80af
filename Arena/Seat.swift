/// One bot's session at the arena: its name and, with duplicate deals, which half it plays
/// (table 0 the deals as first dealt, table 1 their mirror, each to a session that never sees
/// the other half).
public struct Seat: Hashable, Sendable, CustomStringConvertible {
  public var name: String
  public var table: Int
  public init(name: String, table: Int) {
    self.name = name
    self.table = table
  }
  public var description: String { table == 0 ? name : "\(name) (mirrored half)" }
}
