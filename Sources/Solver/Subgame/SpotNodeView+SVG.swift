import Cards
import Foundation

extension SpotNodeView {
  /// The 13×13 grid as an SVG picture: each class's cell split into bars in proportion to its
  /// action mix, with a legend of the actions and their frequencies over the range.
  public func svg() -> String {
    let cell = 44.0
    let left = 10.0
    let top = 52.0
    let mixes = classMix()
    let palette = ["#3d9a50", "#e0b020", "#e07020", "#c83030", "#8a2be2", "#1f6fb5"]
    func colour(_ index: Int) -> String {
      switch actions[index].kind {
      case .fold: return "#5b8bd0"
      case .check, .call: return palette[0]
      default:
        let aggressive = actions.indices.filter { actions[$0].kind == .bet || actions[$0].kind == .raise }
        return palette[1 + min((aggressive.firstIndex(of: index) ?? 0), palette.count - 2)]
      }
    }
    let width = left * 2 + cell * 13
    let legendHeight = 22.0 * Double((actions.count + 2) / 3)
    let height = top + cell * 13 + 16 + legendHeight
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif">
      <rect width="100%" height="100%" fill="white"/>

      """
    let who = player.map { Spot.playerNames[$0] } ?? kind
    let title =
      "\(who) to act · \(line.isEmpty ? "start" : line.joined(separator: ",")) · board \(board.map(\.description).joined(separator: " ")) · pot \(pot)"
    svg += "<text x=\"\(left)\" y=\"22\" font-size=\"16\" font-weight=\"bold\">\(title)</text>\n"
    svg +=
      "<text x=\"\(left)\" y=\"40\" font-size=\"12\" fill=\"#555\">each cell: the class's action mix, weighted by how often the player holds it here</text>\n"
    for row in 0..<13 {
      for column in 0..<13 {
        let key = HandClass(row: row, column: column)
        let x = left + Double(column) * cell
        let y = top + Double(row) * cell
        if let entry = mixes[key] {
          var offset = 0.0
          for (index, share) in entry.mix.enumerated() where share > 0 {
            let w = share * cell
            svg += String(
              format: "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%@\"/>\n", x + offset, y, w,
              cell, colour(index))
            offset += w
          }
        } else {
          svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"#eeeeee\"/>\n"
        }
        svg +=
          "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"none\" stroke=\"white\" stroke-width=\"1\"/>\n"
        let ink = mixes[key] == nil ? "#999" : "#111"
        svg +=
          "<text x=\"\(x + cell / 2)\" y=\"\(y + cell / 2 + 5)\" font-size=\"13\" text-anchor=\"middle\" fill=\"\(ink)\">\(key)</text>\n"
      }
    }
    let legendTop = top + cell * 13 + 16
    for (index, action) in actions.enumerated() {
      let x = left + Double(index % 3) * (cell * 13 / 3)
      let y = legendTop + Double(index / 3) * 22
      svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"14\" fill=\"\(colour(index))\"/>\n"
      svg += String(
        format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\">%@ %.1f%%</text>\n", x + 20, y + 12, action.description,
        frequencies[index] * 100)
    }
    svg += "</svg>\n"
    return svg
  }
}
