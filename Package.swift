// swift-tools-version: 6.1
// Skeptic: game-theoretic poker. See README.md for what each target holds and how they depend on
// one another; no target imports one above it.
import PackageDescription

#if canImport(Foundation)
  import Foundation
#endif

/// The hot loops (the solvers, hand evaluation) are compiled for AVX2 and FMA (LLVM's `haswell`:
/// eight floats per vector instead of SSE's four) when the machine building Skeptic has them, the
/// way the C++ peers build with `-march=native`: the spot solver's iterations take 12–20 % less
/// time, with the same bits. Off when `SKEPTIC_PORTABLE` is set (a binary for other machines),
/// off on other architectures, and off when Skeptic is built as another package's dependency
/// (SwiftPM refuses build flags in dependencies fetched by version).
let hostTuning: [SwiftSetting] = {
  #if arch(x86_64) && os(Linux) && canImport(Foundation)
    let directory = Context.packageDirectory
    guard Context.environment["SKEPTIC_PORTABLE"] == nil, !directory.contains("/checkouts/"),
      let cpu = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = cpu.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    let flags = Set(line.split(separator: " ").map(String.init))
    guard ["avx2", "fma", "bmi2", "f16c", "movbe"].allSatisfy(flags.contains) else { return [] }
    return [.unsafeFlags(["-target-cpu", "haswell"])]
  #else
    return []
  #endif
}()

let package = Package(
  name: "Skeptic",
  products: [
    .executable(name: "skeptic", targets: ["skeptic"]),
    .library(name: "Cards", targets: ["Cards"]),
    .library(name: "PokerRules", targets: ["PokerRules"]),
    .library(name: "Basics", targets: ["Basics"]),
    .library(name: "Randomness", targets: ["Randomness"]),
    .library(name: "Solver", targets: ["Solver"]),
    .library(name: "ZeroMQ", targets: ["ZeroMQ"]),
    .library(name: "GameTheoreticProbability", targets: ["GameTheoreticProbability"]),
    // A Swift bot author depends on these: the protocol's messages and the agents with their runtime.
    .library(name: "BotProtocol", targets: ["BotProtocol"]),
    .library(name: "Agents", targets: ["Agents"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
  ],
  targets: [
    // Atomic file writes and the JSON value, reader and writer that files and frames share; no poker in it.
    .target(name: "Basics"),
    // Seeded generators that give the same numbers on every machine; no poker in it.
    .target(name: "Randomness"),
    // Cards, card sets, decks, hand evaluation, ranges and equity.
    .target(name: "Cards", dependencies: ["Randomness"], swiftSettings: hostTuning),
    // ACPC game definitions, the betting state machine, match-state text, bundled games.
    .target(name: "PokerRules", dependencies: ["Cards", "Randomness"]),
    // Shafer–Vovk game-theoretic probability and testing by betting; no poker in it.
    .target(
      name: "GameTheoreticProbability",
      dependencies: ["Randomness", .product(name: "BigInt", package: "BigInt")]),
    // libzmq from Debian's libzmq3-dev; only the ZeroMQ module imports it.
    .systemLibrary(name: "CZeroMQ", path: "Sources/CZeroMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),
    // OpenBLAS from Debian's libopenblas-dev, opened at run time (dlopen) the first time the card
    // abstraction multiplies matrices; only Solver's BLAS wrapper imports it.
    .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS", providers: [.apt(["libopenblas-dev"])]),
    // Open MPI from Debian's libopenmpi-dev, opened at run time (dlopen) only under mpirun; only
    // the MPI module imports it.
    .systemLibrary(name: "CMPI", path: "Sources/CMPI", providers: [.apt(["libopenmpi-dev", "openmpi-bin"])]),
    // The Swift wrapper of MPI: the job's rank and size, gather, broadcast, one error path.
    .target(name: "MPI", dependencies: ["CMPI"]),
    // The Swift wrapper: context, sockets, multipart messages, poll, options, one error path.
    .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
    // The arena protocol's messages (JSON frames), shared by the arena and the bots.
    .target(name: "BotProtocol", dependencies: ["Basics"]),
    // The bots: the Agent protocol, built-in agents and the runtime that connects one to an arena.
    .target(
      name: "Agents",
      dependencies: [
        "BotProtocol", "PokerRules", "Cards", "Solver", "Randomness", "ZeroMQ", "GameTheoreticProbability",
      ],
      path: "Agents", exclude: ["README.md"]),
    // The referee and match runner; bots are processes, so it never imports Agents.
    .target(
      name: "Arena",
      dependencies: [
        "Basics", "BotProtocol", "PokerRules", "Cards", "Randomness", "GameTheoreticProbability", "ZeroMQ", "Plotting",
      ],
      path: "Arena", exclude: ["README.md"]),
    // SVG charts (convergence curves, confidence sequences); no dependencies.
    .target(name: "Plotting"),
    // The CFR family, exact best response, policy files, the spot solver, card abstraction.
    .target(
      name: "Solver", dependencies: ["Basics", "PokerRules", "Cards", "Randomness", "COpenBLAS"],
      swiftSettings: hostTuning),
    // Benchmarks the CLI runs (`skeptic bench …`); kept apart from the tests.
    // A person at the table: the terminal interface, the screen model and the coach.
    .target(
      name: "Play",
      dependencies: [
        "Agents", "Arena", "BotProtocol", "Cards", "GameTheoreticProbability", "PokerRules", "Solver",
      ]),
    .target(
      name: "SkepticBenchmarks", dependencies: ["Cards", "PokerRules", "Randomness", "Solver", "Arena"],
      swiftSettings: hostTuning),
    // The command-line tool: thin commands over the libraries.
    .executableTarget(
      name: "skeptic",
      dependencies: [
        "Basics", "Cards", "PokerRules", "Randomness", "Solver", "Plotting", "GameTheoreticProbability", "Agents",
        "Arena",
        "Play", "SkepticBenchmarks", "MPI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What the test targets share: scratch paths, a locked value, policy files from a quick solve.
    .target(name: "TestSupport", dependencies: ["Solver", "PokerRules"], path: "Tests/TestSupport"),
    .testTarget(name: "BasicsTests", dependencies: ["Basics", "TestSupport"]),
    .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
    .testTarget(name: "CardsTests", dependencies: ["Cards", "Randomness"]),
    .testTarget(name: "PokerRulesTests", dependencies: ["PokerRules", "Cards", "Randomness"]),
    .testTarget(name: "GameTheoreticProbabilityTests", dependencies: ["GameTheoreticProbability", "Randomness"]),
    .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
    .testTarget(name: "BotProtocolTests", dependencies: ["BotProtocol", "Basics"]),
    .testTarget(
      name: "ArenaTests",
      dependencies: ["Arena", "BotProtocol", "PokerRules", "Cards", "Randomness", "GameTheoreticProbability"]),
    .testTarget(
      name: "AgentsTests",
      dependencies: ["Agents", "Arena", "BotProtocol", "PokerRules", "Solver", "ZeroMQ", "TestSupport"]),
    .testTarget(name: "SolverTests", dependencies: ["Solver", "PokerRules", "Cards", "TestSupport"]),
    .testTarget(name: "PlayTests", dependencies: ["Play", "Arena", "BotProtocol", "Cards", "PokerRules", "Solver"]),
    .testTarget(
      name: "EndToEndTests", dependencies: ["skeptic", "Arena", "BotProtocol", "PokerRules", "ZeroMQ", "TestSupport"]),
  ]
)
