import Foundation

extension HandClassGrid {
  /// SVG fills for actions: checks and calls green, folds blue, bets and raises from yellow to red.
  public static func fill(_ move: Move) -> String {
    let palette = ["#3d9a50", "#e0b020", "#e07020", "#c83030", "#8a2be2", "#1f6fb5"]
    switch move {
    case .fold: return "#5b8bd0"
    case .passive: return palette[0]
    case .aggressive(let rank): return palette[1 + min(max(rank, 0), palette.count - 2)]
    }
  }

  /// The 13×13 grid as an SVG picture: each class's cell split into bars in proportion to its
  /// action mix (grey where `mixes` has no entry), under `title` and `subtitle`, with a legend of
  /// the actions (`labels`, `fills`) and their `frequencies`.
  public static func svg(
    title: String, subtitle: String, labels: [String], fills: [String], frequencies: [Double],
    mixes: [HandClass: [Double]]
  ) -> String {
    let cell = 44.0
    let left = 10.0
    let top = 52.0
    let width = left * 2 + cell * 13
    let legendHeight = 22.0 * Double((labels.count + 2) / 3)
    let height = top + cell * 13 + 16 + legendHeight
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif">
      <rect width="100%" height="100%" fill="white"/>

      """
    svg += "<text x=\"\(left)\" y=\"22\" font-size=\"16\" font-weight=\"bold\">\(title)</text>\n"
    svg += "<text x=\"\(left)\" y=\"40\" font-size=\"12\" fill=\"#555\">\(subtitle)</text>\n"
    for row in 0..<13 {
      for column in 0..<13 {
        let key = HandClass(row: row, column: column)
        let x = left + Double(column) * cell
        let y = top + Double(row) * cell
        if let mix = mixes[key] {
          var offset = 0.0
          for (index, share) in mix.enumerated() where share > 0 {
            let w = share * cell
            svg += String(
              format: "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%@\"/>\n", x + offset, y, w,
              cell, fills[index])
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
    for (index, label) in labels.enumerated() {
      let x = left + Double(index % 3) * (cell * 13 / 3)
      let y = legendTop + Double(index / 3) * 22
      svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"14\" height=\"14\" fill=\"\(fills[index])\"/>\n"
      svg += String(
        format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\">%@ %.1f%%</text>\n", x + 20, y + 12, label,
        frequencies[index] * 100)
    }
    svg += "</svg>\n"
    return svg
  }
}
