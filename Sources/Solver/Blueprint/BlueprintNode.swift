/// One node of a ``BlueprintTree``, packed for the trainer's walks.
public struct BlueprintNode: Sendable, Hashable {
  /// ``decision0``/``decision1`` (the player to act), ``fold`` or ``showdown``.
  public var kind: UInt8
  /// The betting round.
  public var round: UInt8
  /// Actions at a decision (0 elsewhere); the children are `firstChild ..< firstChild + count`.
  public var childCount: UInt8
  /// At a fold terminal, the seat that folded.
  public var folder: UInt8
  /// The first child's node number (-1 at terminals).
  public var firstChild: Int32
  /// Where this decision's actions start in its round's block of every bucket (-1 elsewhere).
  public var actionOffset: Int32
  /// Chips each seat has put in when the node is reached.
  public var spent0: Int32
  public var spent1: Int32

  /// Kinds.
  public static let decision0: UInt8 = 0
  public static let decision1: UInt8 = 1
  public static let fold: UInt8 = 2
  public static let showdown: UInt8 = 3

  /// True at a decision node.
  @inlinable public var isDecision: Bool { kind < 2 }
}
