import Cards
import Foundation

extension SpotNodeView {
  /// The 13×13 grid as an SVG picture (``HandClassGrid/svg(title:subtitle:labels:fills:frequencies:mixes:)``):
  /// each class's cell split into bars in proportion to its action mix, with a legend of the
  /// actions and their frequencies over the range.
  public func svg() -> String {
    let aggressive = actions.filter { $0.kind == .bet || $0.kind == .raise }
    let fills = actions.map { action in
      switch action.kind {
      case .fold: HandClassGrid.fill(.fold)
      case .check, .call: HandClassGrid.fill(.passive)
      case .bet, .raise: HandClassGrid.fill(.aggressive(rank: aggressive.firstIndex(of: action) ?? 0))
      }
    }
    let who = player.map { Spot.playerNames[$0] } ?? kind
    return HandClassGrid.svg(
      title:
        "\(who) to act · \(line.isEmpty ? "start" : line.joined(separator: ",")) · board \(board.map(\.description).joined(separator: " ")) · pot \(pot)",
      subtitle: "each cell: the class's action mix, weighted by how often the player holds it here",
      labels: actions.map(\.description), fills: fills, frequencies: frequencies,
      mixes: classMix().mapValues(\.mix))
  }
}
