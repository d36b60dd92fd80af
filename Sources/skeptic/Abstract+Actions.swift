import ArgumentParser
import Foundation
import PokerRules
import Solver

extension Abstract {
  /// `skeptic abstract actions`: how much a bet menu and an action translation cost in the real
  /// no-limit game.
  struct Actions: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "actions",
      abstract: "Solve a no-limit game on a bet menu, then measure each action translation in the real game.",
      discussion: """
        Solves the game with only the menu's bet sizes (--bets, --raises, --reraises as shares \
        of the pot, 'allin'), then plays that strategy in the real game, where any bet size is \
        allowed, reading the opponent's off-menu bets by each translation: pseudo-harmonic \
        f(x) = (B - x)(1 + A) / ((B - A)(1 + x)), geometric and arithmetic. Prints each one's \
        exploitability in the real game (exact best response over every bet size), in chips \
        per hand. The real game must be small: nolimit-kuhn or nolimit-leduc, or a .game file.
        """
    )

    @Option(
      help: "A no-limit game small enough to enumerate every bet size (nolimit-kuhn, nolimit-leduc, a .game file).")
    var game: String = "nolimit-leduc"
    @Option(help: "Bet sizes, shares of the pot (such as \"50%,100%,allin\").")
    var bets: String = "50%,100%,allin"
    @Option(help: "Raise sizes, shares of the pot after the call.")
    var raises: String = "100%,allin"
    @Option(help: "Sizes for raising a raise and deeper, one list per depth separated by '/' (the last repeats).")
    var reraises: String = "allin"
    @Option(help: "Bets and raises per round at most.")
    var raiseCap: Int = 3
    @Option(help: "Iterations of the menu game's solve.")
    var iterations: Int = 2_000
    @Option(help: "cfr, cfr+, lcfr, dcfr or pcfr+.")
    var algorithm: String = "dcfr"
    @Flag(help: "Print the figures as JSON.")
    var json = false

    func validate() throws {
      guard iterations >= 1 else { throw ValidationError("--iterations: at least 1") }
      guard Algorithm(name: algorithm) != nil else {
        throw ValidationError("--algorithm: cfr, cfr+, lcfr, dcfr or pcfr+, not '\(algorithm)'")
      }
    }

    func menu() throws -> ActionMenu {
      do {
        return try BetMenuText(bets: bets, raises: raises, reraises: reraises, raiseCap: raiseCap).menu()
      } catch {
        throw ValidationError(error.message)
      }
    }

    func run() throws {
      let definition: GameDefinition
      do { definition = try GameDefinition.named(game) } catch { throw ValidationError("--game: \(error)") }
      guard definition.betting == .noLimit else {
        throw ValidationError("--game: \(game) is a limit game; action translation needs a no-limit game")
      }
      let menu = try self.menu()
      let terminal = Terminal.standardErrorIsTerminal && !json
      let started = Date()
      let real = try CompiledGame.compile(definition, actions: .every)
      let abstract = try CompiledGame.compile(definition, actions: .menu(menu))
      let solver = CFRSolver(game: abstract, settings: SolverSettings(algorithm: Algorithm(name: algorithm)!))
      let step = max(1, iterations / 100)
      while solver.iteration < iterations {
        solver.iterate(min(step, iterations - solver.iteration))
        if terminal {
          Terminal.writeError(
            "\rsolving the menu game \(Terminal.bar(Double(solver.iteration) / Double(iterations))) \(solver.iteration)/\(iterations)\u{1B}[K"
          )
        }
      }
      if terminal { Terminal.writeError("\n") }
      let policy = solver.averagePolicy()
      let menuExploitability = BestResponse(game: abstract).exploitability(policy)
      let judge = BestResponse(game: real)
      var rows: [(String, Double)] = []
      for translation in ActionTranslation.allCases {
        rows.append((translation.rawValue, judge.exploitability(translation.lift(policy, to: real))))
      }
      let seconds = Date().timeIntervalSince(started)
      if json {
        var fields: [String: Double] = [
          "realNodes": Double(real.nodeCount), "menuNodes": Double(abstract.nodeCount),
          "menuExploitability": menuExploitability, "iterations": Double(iterations), "seconds": seconds,
        ]
        for (name, value) in rows { fields[name] = value }
        print(try JSONOutput.string(fields))
        return
      }
      print(
        "\(game): the real game has \(Terminal.grouped(real.nodeCount)) public nodes, the menu game \(Terminal.grouped(abstract.nodeCount))"
      )
      print("menu: bets \(bets); raises \(raises); reraises \(reraises); at most \(raiseCap) per round")
      print(
        String(
          format: "menu game solved by %@ × %d: exploitability %.5f chips/hand in the menu game", algorithm, iterations,
          menuExploitability))
      print("translation        exploitability in the real game (chips/hand)")
      for (name, value) in rows {
        print(name.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: " %.5f", value))
      }
      print(String(format: "(%.1f s)", seconds))
    }
  }
}
