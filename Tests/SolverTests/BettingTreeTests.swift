import Cards
import Solver
import Testing

@Suite struct BettingTreeTests {
  static func rules(
    pot: Int = 100, stack: Int, street: Street = .river, bets: [BetSize], raises: [BetSize], threshold: Double = 0.67,
    cap: Int = 4
  ) -> BettingRules {
    .uniform(
      pot: pot, stack: stack, street: street, menu: StreetMenu(bets: bets, raises: raises), allInThreshold: threshold,
      raiseCap: cap)
  }

  /// SPR 1 with 50 %, 100 %, all-in: the 100 % bet is the whole stack, so it merges with all-in.
  @Test func sizesBecomeChipsAndMerge() throws {
    let tree = try BettingTree(
      rules: Self.rules(stack: 100, bets: [.percentOfPot(50), .percentOfPot(100), .allIn], raises: [.allIn]))
    #expect(tree.nodes[0].actions.map(\.description) == ["check", "bet 50", "bet 100 (all-in)"])
    let facing = tree.nodes[tree.child(of: 0, token: "b50")!]
    #expect(facing.actions.map(\.description) == ["fold", "call", "raise 100 (all-in)"])
    #expect(facing.committed == [50, 0])
  }

  /// A bet over 67 % of the stack behind becomes all-in; a pot raise is call + the pot after it.
  @Test func thresholdAndPotRaises() throws {
    let tree = try BettingTree(
      rules: Self.rules(stack: 500, bets: [.percentOfPot(50), .percentOfPot(100)], raises: [.percentOfPot(100)]))
    #expect(tree.nodes[0].actions.map(\.token) == ["x", "b50", "b100"])
    // Facing 100 into 100: calling makes 300, so a pot raise is to 100 + 300 = 400, which puts
    // in 400 of 500 behind (over 67 %): all-in.
    let facing = tree.nodes[tree.child(of: 0, token: "b100")!]
    #expect(facing.actions.map(\.description) == ["fold", "call", "raise 500 (all-in)"])
    // Facing 50 into 100: call 50 makes 200, raise to 250 puts in 250 ≤ 335: stays.
    let small = tree.nodes[tree.child(of: 0, token: "b50")!]
    #expect(small.actions.map(\.token) == ["f", "c", "r250"])
  }

  /// After the cap, only fold and call; checks close the street; the river ends in showdowns.
  @Test func raiseCapAndStreetEnds() throws {
    let tree = try BettingTree(
      rules: Self.rules(stack: 10_000, bets: [.percentOfPot(100)], raises: [.percentOfPot(100)], cap: 2))
    var node = 0
    for token in ["b100", "r400"] { node = tree.child(of: node, token: token)! }
    #expect(tree.nodes[node].actions.map(\.token) == ["f", "c"])
    let checkedDown = tree.child(of: tree.child(of: 0, token: "x")!, token: "x")!
    #expect(tree.nodes[checkedDown].kind == .showdown)
    #expect(tree.nodes[tree.child(of: node, token: "f")!].kind == .fold(player: 0))
  }

  /// On the turn a call deals the river (a chance node) and OOP opens it; an all-in call runs the
  /// board out with no more betting.
  @Test func streetsAndAllInRunouts() throws {
    let tree = try BettingTree(
      rules: Self.rules(stack: 100, street: .turn, bets: [.percentOfPot(50), .allIn], raises: [.allIn]))
    let chance = tree.child(of: tree.child(of: 0, token: "b50")!, token: "c")!
    #expect(tree.nodes[chance].kind == .chance && tree.nodes[chance].street == .river)
    let river = tree.nodes[tree.nodes[chance].children[0]]
    #expect(river.kind == .decision(player: 0) && river.committed == [50, 50])
    let allIn = tree.child(of: tree.child(of: 0, token: "b100")!, token: "c")!
    let runout = tree.nodes[allIn]
    #expect(runout.kind == .chance)
    #expect(tree.nodes[runout.children[0]].kind == .showdown)
  }

  /// Donk sizes apply only when OOP leads into the last street's aggressor.
  @Test func donkSizes() throws {
    var rules = Self.rules(stack: 1_000, street: .turn, bets: [.percentOfPot(100)], raises: [])
    rules.menus[.river]![0].donks = [.percentOfPot(25)]
    let tree = try BettingTree(rules: rules)
    func riverRoot(_ line: [String]) -> BettingNode {
      var node = 0
      for token in line { node = tree.child(of: node, token: token)! }
      return tree.nodes[tree.nodes[node].children[0]]
    }
    // IP bet the turn and OOP called: OOP may donk 25 % (of 300) on the river.
    #expect(riverRoot(["x", "b100", "c"]).actions.map(\.token) == ["x", "b75"])
    // OOP bet the turn: its river bet is the ordinary 100 %.
    #expect(riverRoot(["b100", "c"]).actions.map(\.token) == ["x", "b300"])
  }

  /// Each bad spot gets an error naming the field (and the line, from a file).
  @Test func badSpotsNameTheField() {
    func error(_ text: String) -> SpotError? {
      do {
        _ = try Spot(parsing: text, path: "bad.spot")
        return nil
      } catch { return error }
    }
    let base = "pot: 100\nstack: 100\noop range: QQ\nip range: AK\nbets: 50%\n"
    #expect(error("board: Qs Qs 2h\n" + base)?.code == .badBoard)
    #expect(error("board: Qs Jh\n" + base)?.description.contains("3 (flop), 4 (turn) or 5 (river)") == true)
    let emptied = error("board: Qs Qh Qd\npot: 100\nstack: 100\noop range: QQ\nip range: AK\n")
    #expect(emptied?.code == .badRange && emptied?.field == "oop range")
    let size = error("board: Qs Jh 2h\n" + base + "river ip raises: huge\n")
    #expect(size?.code == .badBetSize && size?.location == "bad.spot:7")
    #expect(
      error("board: Qs Jh 2h\n" + base.replacingOccurrences(of: "stack: 100", with: "stack: -5"))?.field == "stack")
    #expect(error("board: Qs Jh 2h\n" + base + "rake: 5\n")?.code == .badLine)
    #expect(error("board: Qs Jh 2h\npot: 100\nstack: 100\nip range: AK\n")?.field == "oop range")
  }

  /// A spot that would not fit is refused with the estimate before anything large is allocated.
  @Test func tooLargeIsRefusedWithTheEstimate() throws {
    let spot = try Spot(
      parsing:
        "board: Qs Jh 2h\npot: 100\nstack: 10000\noop range: random\nip range: random\nbets: 33%,50%,75%,100%,150%\nraises: 50%,100%\n"
    )
    #expect {
      _ = try SpotGame(spot: spot, maxMemory: 1 << 30)
    } throws: { error in
      (error as? SpotError)?.code == .tooLarge && "\(error)".contains("GB")
    }
  }

  /// Five sizes under a raise cap of 30 grow the betting tree exponentially: it is refused once it
  /// passes its node limit, naming the raise cap, instead of filling the memory while it is built
  /// (found by hand: 7.5 GB in 20 s before the limit).
  @Test func anExplodingBettingTreeIsRefused() throws {
    let spot = try Spot(
      parsing:
        "board: Qs Jh 2h\npot: 1\nstack: 1000000000\noop range: AA\nip range: KK\nbets: 10%,20%,30%,40%,50%\nraises: 10%,20%,30%,40%,50%\nraise cap: 30\n"
    )
    #expect {
      _ = try BettingTree(rules: spot.rules, maxNodes: 100_000)
    } throws: { error in
      (error as? SpotError)?.code == .tooLarge && (error as? SpotError)?.field == "raise cap"
    }
    #expect {
      _ = try SpotGame(spot: spot, maxMemory: 64 << 20)
    } throws: { error in
      (error as? SpotError)?.code == .tooLarge
    }
    // The limit leaves ordinary trees alone.
    let flop = try SpotSolverTests.spotFile("flop")
    #expect(try BettingTree(rules: flop.rules, maxNodes: 1_000).nodes.count == 354)
  }
}
