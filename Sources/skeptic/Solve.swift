import ArgumentParser
import Foundation
import Solver

extension Skeptic {
  /// `skeptic solve`: a heads-up no-limit postflop spot, range against range.
  struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Solve a heads-up no-limit postflop spot, range against range, with no card abstraction.",
      discussion: """
        SPOT is a spot file (docs/SPOTS.md; examples in Examples/spots/), or give the spot with \
        flags: --board, --pot, --stack, --oop, --ip, --bets, --raises and --set 'river ip raises: 60%'. \
        Flags override the file. The solver runs DCFR until the exploitability (exact best \
        response, % of the starting pot: the unit PioSOLVER and TexasSolver report) is at or below \
        --accuracy, or a limit is hit; --out saves the solution to browse later with --show.

        Examples:
          skeptic solve Examples/spots/river-spr5.spot --accuracy 0.1% --out river.solution
          skeptic solve --board QsJh2h8d3s --pot 100 --stack 100 --oop 'QQ,JJ,AQ' --ip 'AA,KK,AK' --bets 50%,100%,allin --raises allin
          skeptic solve --show river.solution --line x,b50
        """
    )

    @Argument(help: "A spot file.")
    var spot: String?

    @Option(help: "Board cards, such as 'Qs Jh 2h' (3, 4 or 5).")
    var board: String?
    @Option(help: "The starting pot in chips (both players' commitments so far).")
    var pot: Int?
    @Option(help: "The effective stack behind in chips.")
    var stack: Int?
    @Option(help: "OOP's range, such as 'QQ+,AKs,A5s:0.5'.")
    var oop: String?
    @Option(help: "IP's range.")
    var ip: String?
    @Option(help: "Bet sizes for both players on every street, such as '50%,100%,allin'.")
    var bets: String?
    @Option(help: "Raise sizes (% of the pot after calling) for both players on every street.")
    var raises: String?
    @Option(help: "A bet or raise putting in more than this share of the stack becomes all-in (default 1: off).")
    var allinThreshold: Double?
    @Option(help: "The most bets and raises per street (default 4).")
    var raiseCap: Int?
    @Option(help: "Any spot-file line, such as 'river oop donks: 50%' (repeatable).")
    var set: [String] = []

    @Option(help: "Stop at this exploitability, in % of the pot, such as 0.5%.")
    var accuracy: String = "0.5%"
    @Option(parsing: .unconditional, help: "Stop after this many iterations.")
    var iterations: Int = 1000
    @Option(help: "Stop after this long, such as 30s or 10m.")
    var timeLimit: String?
    @Option(parsing: .unconditional, help: "Threads for the board cards to come.")
    var threads: Int = 1
    @Option(help: "dcfr (default), cfr, cfr+ or lcfr.")
    var algorithm: String = "dcfr"
    @Option(help: "DCFR's α (positive-regret discount exponent; default 1.5).")
    var alpha: Double?
    @Option(help: "DCFR's β (negative-regret discount exponent; default 0).")
    var beta: Double?
    @Option(help: "DCFR's γ (averaging exponent; default 3).")
    var gamma: Double?
    @Flag(help: "Keep the solver's tables in 16 bits: half the memory, a little slower.")
    var compress = false
    @Option(parsing: .unconditional, help: "Measure exploitability every N iterations.")
    var evalEvery: Int = 10
    @Option(help: "Refuse a spot that needs more memory than this, such as 4G or 500M (default: 80 % of RAM).")
    var maxMemory: String?

    @Option(help: "Save the solution here (written atomically, with a checksum).")
    var out: String?
    @Option(help: "Browse a saved solution instead of solving.")
    var show: String?
    @Option(
      help:
        "With --show: the betting line to the node, such as 'x,b50,c,7c,x' (checks, calls, folds, bets and raises in chips to, cards dealt)."
    )
    var line: String?
    @Flag(help: "With --show: each combination's strategy, EV and equity.")
    var combos = false
    @Option(
      parsing: .unconditional,
      help: "With --show --json: how many moves and cards below --line to include (default: the whole tree).")
    var depth: Int?
    @Option(help: "With --show: write the 13×13 grid as an SVG picture.")
    var svg: String?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
      guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
      guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1") }
      guard evalEvery >= 1 else { throw ValidationError("--eval-every must be at least 1") }
    }

    func run() throws {
      if let show {
        try browse(show)
        return
      }
      let spot = try readSpot()
      guard var algorithm = Algorithm(name: self.algorithm).map({ $0 == .dcfr ? SpotSolver.dcfr : $0 }),
        algorithm != .predictivePlus
      else {
        throw ValidationError("--algorithm: '\(self.algorithm)' is not one of dcfr, cfr, cfr+, lcfr")
      }
      if alpha != nil || beta != nil || gamma != nil {
        guard case .discounted(let a, let b, let g) = algorithm else {
          throw ValidationError("--alpha, --beta and --gamma go with --algorithm dcfr or lcfr")
        }
        algorithm = .discounted(alpha: alpha ?? a, beta: beta ?? b, gamma: gamma ?? g)
      }
      let target = try Self.percent(accuracy, option: "--accuracy")
      var seconds: Double? = nil
      if let timeLimit {
        guard case .seconds(let value) = Interval(timeLimit) else {
          throw ValidationError("--time-limit: '\(timeLimit)' is not \(Interval.help)")
        }
        seconds = value
      }
      let allowed = try maxMemory.map { try Self.bytes($0, option: "--max-memory") } ?? Self.defaultMemory()
      if let out { try OutputPath.check(out, option: "--out") }
      let game: SpotGame
      let solver: SpotSolver
      do {
        game = try SpotGame(spot: spot, maxMemory: allowed, compressedTables: compress, threads: threads)
        solver = try SpotSolver(game: game, algorithm: algorithm, threads: threads, compressed: compress)
      } catch {
        throw CommandError(error)
      }
      let live = Terminal.standardErrorIsTerminal && !json
      if !json {
        let counts = game.handCounts
        Terminal.writeError(
          "\(spot.street) spot \(spot.board.map(\.description).joined(separator: " ")): pot \(spot.rules.pot), stack \(spot.rules.stack); OOP \(counts[0]) combos, IP \(counts[1])\n\(game.tree.nodes.count) betting nodes, \(Terminal.grouped(game.nodeCount)) with the cards dealt, \(SpotFormat.megabytes(solver.bytes)) of tables and scratch\n"
        )
      }
      var lastLine = -10.0
      let limits = SpotSolver.Limits(
        accuracy: target, iterations: iterations, seconds: seconds, evaluateEvery: evalEvery)
      func draw(_ iteration: Int, _ seconds: Double, _ exploitability: String) {
        let fraction = Double(iteration) / Double(iterations)
        Terminal.writeError(
          "\r\(Terminal.bar(fraction)) \(iteration)/\(iterations)  \(Terminal.clock(seconds)) elapsed  exploitability \(exploitability)  \(SpotFormat.megabytes(SpotFormat.peakResidentBytes())) resident\u{1B}[K"
        )
      }
      func percent(_ evaluation: SpotEvaluation) -> String {
        String(format: "%.3f%% of the pot", evaluation.exploitabilityPercentOfPot)
      }
      // A river iteration takes microseconds: the bar is drawn at most ten times a second, and at
      // each measurement.
      var lastDraw = -1.0
      let result = solver.run(limits) { progress in
        let exploitability = progress.latest.map(percent) ?? "…"
        if live {
          if progress.evaluated || progress.seconds - lastDraw >= 0.1 {
            lastDraw = progress.seconds
            draw(progress.iteration, progress.seconds, exploitability)
          }
        } else if !json && (progress.evaluated && progress.seconds - lastLine >= 5) {
          lastLine = progress.seconds
          Terminal.writeError(
            "iteration \(progress.iteration)  elapsed \(Terminal.clock(progress.seconds))  exploitability \(exploitability)\n"
          )
        }
        return true
      }
      // The bar's last state: the run ends on a measurement that no progress call has shown.
      if live { draw(result.iterations, result.seconds, percent(result.evaluation)) }
      if live { Terminal.writeError("\n") }
      if let out {
        do {
          try SpotSolution(solver: solver, result: result).write(to: out)
        } catch {
          throw CommandError(error)
        }
      }
      if json {
        print(try JSONOutput.string(SolveReport(spot: spot, game: game, solver: solver, result: result, file: out)))
        return
      }
      print(SpotFormat.summary(spot: spot, result: result, bytes: solver.bytes, threads: threads))
      if let out { print("solution written to \(out); browse it with: skeptic solve --show \(out)") }
    }
  }
}
