#!/usr/bin/env python3
"""A Skeptic arena bot in Python, written from docs/PROTOCOL.md alone.

It plays a legal, simple strategy: raise a third of the time when it may, fold a tenth of the
time when facing a bet, call otherwise.

    pip install pyzmq
    python3 python_bot.py --connect tcp://127.0.0.1:5555 --name py --game leduc \
        --secret-file arena-match/seats/py.secret
"""
import argparse
import json
import random
import sys

import zmq


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connect", required=True, help="the arena's address")
    parser.add_argument("--name", default="python")
    parser.add_argument("--game", default="leduc")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--secret-file", help="the seat's secret (the arena writes seats/NAME.secret)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    hello = {"type": "hello", "name": args.name, "protocols": [1], "game": args.game}
    if args.secret_file:
        with open(args.secret_file) as file:
            hello["secret"] = file.read().strip()

    context = zmq.Context()
    socket = context.socket(zmq.DEALER)
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(args.connect)
    socket.send(json.dumps(hello).encode())

    hands = 0
    total = 0.0
    while True:
        if socket.poll(120_000) == 0:
            print("no message from the arena for two minutes", file=sys.stderr)
            return 1
        message = json.loads(socket.recv())
        kind = message.get("type")
        if kind == "refused":
            print("refused: " + message.get("reason", ""), file=sys.stderr)
            return 1
        if kind == "decide":
            legal = message["legal"]
            action = "c"
            if legal.get("raise") and rng.random() < 1 / 3:
                low, high = legal["raise"]
                # No-limit raises carry their total; limit raises are just "r".
                action = "r" if low == high else "r%d" % rng.randint(low, high)
            elif legal.get("fold") and rng.random() < 0.1:
                action = "f"
            socket.send(json.dumps({"type": "act", "id": message["id"], "action": action}).encode())
        elif kind == "handEnd":
            hands += 1
            total += message["payoffs"][message["seat"]]
        elif kind == "matchEnd":
            print("%s: %d hands, total %+.1f chips" % (args.name, hands, total), file=sys.stderr)
            return 0
        # welcome and anything unknown: nothing to do.


if __name__ == "__main__":
    sys.exit(main())
