/// The number of private hands as a type, so the walk can be specialised for the small games
/// where it matters (Kuhn's 3 hands, Leduc's 6): with the count a constant, the compiler unrolls
/// and vectorises the per-hand loops. ``AnyWidth`` reads the count from the game.
protocol HandWidth {
  /// The count, or 0 for "read it from the game".
  static var value: Int { get }
}

enum AnyWidth: HandWidth { static var value: Int { 0 } }
enum ThreeHands: HandWidth { static var value: Int { 3 } }
enum SixHands: HandWidth { static var value: Int { 6 } }
