#!/usr/bin/env python3
"""Times OpenSpiel's external-sampling MCCFR (C++, through pyspiel) on heads-up limit hold'em.

Usage: openspiel-mccfr.py SECONDS [SEED]
Prints one JSON object: iterations, seconds, iterations per second, and the resident memory
(MiB) before and after, since its tables grow as it meets new information sets.
Run it with the Python that has pyspiel (../shared/bench/openspiel.sh setup makes one).
"""
import json
import resource
import sys
import time

import pyspiel


def resident_mib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
game = pyspiel.load_game(pyspiel.hulh_game_string("fcpa"))
solver = pyspiel.ExternalSamplingMCCFRSolver(game, seed=seed)
before = resident_mib()
start = time.time()
iterations = 0
while time.time() - start < seconds:
    for _ in range(100):
        solver.run_iteration()
    iterations += 100
elapsed = time.time() - start
print(json.dumps({
    "iterations": iterations, "seconds": elapsed, "iterationsPerSecond": iterations / elapsed,
    "residentMiBBefore": before, "residentMiBAfter": resident_mib(),
}))
