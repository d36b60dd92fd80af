#!/usr/bin/env python3
"""How far OpenSpiel's own CFR+ trajectory on Leduc moves when one regret is nudged by one rounding.

Runs OpenSpiel's Python CFRPlusSolver (bit-identical to its C++ one) on `leduc_poker`. After the
first iteration it multiplies the first nonzero cumulative regret of the first information set by
(1 + NUDGE) and prints the exploitability (chips per game, NashConv / 2) at the marks. NUDGE 0 is
the unperturbed run, which reproduces the published table.

    python3 scripts/openspiel-cfr-sensitivity.py 0 1e-15 -1e-15 [--iterations 1000]

Needs pyspiel (`../shared/bench/openspiel.sh setup`, then run with that virtual environment's
python). Each run of 1,000 iterations takes about 100 s here.
"""

import argparse
import json

import pyspiel
from open_spiel.python.algorithms import cfr, exploitability


def run(nudge, iterations, marks):
    game = pyspiel.load_game("leduc_poker")
    solver = cfr.CFRPlusSolver(game)
    values = {}
    for iteration in range(1, iterations + 1):
        solver.evaluate_and_update_policy()
        if iteration == 1 and nudge != 0.0:
            node = next(iter(solver._info_state_nodes.values()))
            for action, regret in node.cumulative_regret.items():
                if regret != 0.0:
                    node.cumulative_regret[action] = regret * (1.0 + nudge)
                    break
        if iteration in marks:
            values[iteration] = exploitability.exploitability(game, solver.average_policy())
    return values


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nudges", nargs="+", type=float, help="relative nudges, 0 for none")
    parser.add_argument("--iterations", type=int, default=1000)
    arguments = parser.parse_args()
    marks = {m for m in (10, 100, 200, 500, 1000, 2000, 5000, 10000) if m <= arguments.iterations}
    for nudge in arguments.nudges:
        values = run(nudge, arguments.iterations, marks)
        print(json.dumps({"nudge": nudge, "exploitability": {str(k): v for k, v in sorted(values.items())}}), flush=True)


if __name__ == "__main__":
    main()
