import ArgumentParser

extension Skeptic {
  /// `skeptic bench`: speed figures, measured on this machine.
  struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Measure speed on this machine (build with -c release for meaningful figures).",
      subcommands: [
        HandEval.self, SolverBench.self, StatsBench.self, ArenaBench.self, SpotBench.self, KMeansBench.self,
        BlueprintBench.self, LBRCurve.self, BucketCurve.self, MPIBench.self,
      ]
    )
  }
}
