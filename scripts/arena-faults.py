#!/usr/bin/env python3
"""Fault and attack bots for the Skeptic arena, written from docs/PROTOCOL.md; they measure the
figures of the arena-integrity issue. Each connects to a running arena's remote seat.

  hold     hold the first decision open, answer the rest with calls, and after N hand ends
           either leave (--then leave) or go silent (--then silent); prints the hands whose
           handEnd it received, to compare with match.log
  replay   remember every deal of hand 2j and use it in hand 2j+1 (Leduc): with --duplicate it
           knows the opponent's card and the board; --shared plays both halves' sessions from
           this one process (memory shared), otherwise run it twice (one process per half)
  flood    send COUNT frames of SIZE bytes without ever taking a seat

    python3 scripts/arena-faults.py hold --connect tcp://127.0.0.1:5555 --name py --game nolimit-holdem
"""
import argparse
import json
import sys

import zmq


def connect(context, args):
    socket = context.socket(zmq.DEALER)
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(args.connect)
    hello = {"type": "hello", "name": args.name, "protocols": [1], "game": args.game, "inFlight": 256}
    if args.secret_file:
        with open(args.secret_file) as file:
            hello["secret"] = file.read().strip()
    socket.send(json.dumps(hello).encode())
    return socket


def send(socket, message):
    socket.send(json.dumps(message).encode())


def hold(args):
    socket = connect(zmq.Context(), args)
    held, ended, gone = None, set(), False
    while socket.poll(5_000 if gone else 60_000):
        message = json.loads(socket.recv())
        kind = message["type"]
        if kind == "decide" and not gone:
            if held is None:
                held = message["hand"]
            else:
                send(socket, {"type": "act", "id": message["id"], "action": "c"})
        elif kind == "handEnd":
            ended.add(message["hand"])
            if len(ended) == args.count and not gone:
                gone = True
                if args.then == "leave":
                    send(socket, {"type": "leave", "reason": "fault test"})
        elif kind in ("matchEnd", "refused"):
            break
    print(json.dumps({"held": held, "ended": sorted(ended)}))


RANK = {"2": 0, "3": 1, "4": 2}


def strength(card, board):
    """Leduc: a pair with the board beats any unpaired card; otherwise the higher rank wins."""
    return (1 if board and card[0] == board[0] else 0, RANK[card[0]])


def replay(args):
    context = zmq.Context()
    sockets = [connect(context, args) for _ in range(2 if args.shared else 1)]
    memory = {}  # deal j -> (my card in hand 2j, the board if it was dealt)
    known = hands = 0
    total = 0.0
    poller = zmq.Poller()
    for socket in sockets:
        poller.register(socket, zmq.POLLIN)
    open_sockets = len(sockets)
    while open_sockets:
        ready = dict(poller.poll(60_000))
        if not ready:
            break
        for socket in list(ready):
            message = json.loads(socket.recv())
            kind = message["type"]
            if kind == "decide":
                fields = message["matchState"].split(":")
                cards = fields[4].split("/")
                mine = cards[0].split("|")[message["seat"]]
                board = cards[1] if len(cards) > 1 else ""
                legal = message["legal"]
                action = "c"
                remembered = memory.get(message["hand"] // 2) if message["hand"] % 2 == 1 else None
                if remembered:
                    known += 1
                    theirs, final_board = remembered  # the opponent now holds what this bot held
                    me, them = strength(mine, board or final_board), strength(theirs, board or final_board)
                    if me > them and legal.get("raise"):
                        action = "r"
                    elif me < them and legal["fold"]:
                        action = "f"
                send(socket, {"type": "act", "id": message["id"], "action": action})
            elif kind == "handEnd":
                hands += 1
                total += message["payoffs"][message["seat"]]
                if message["hand"] % 2 == 0:
                    cards = message["matchState"].split(":")[4].split("/")
                    memory[message["hand"] // 2] = (
                        cards[0].split("|")[message["seat"]], cards[1] if len(cards) > 1 else "")
            elif kind in ("matchEnd", "refused"):
                poller.unregister(socket)
                open_sockets -= 1
    print(json.dumps({"hands": hands, "total": total, "decisionsWithTheDealKnown": known}))


def flood(args):
    context = zmq.Context()
    socket = context.socket(zmq.DEALER)
    socket.setsockopt(zmq.LINGER, 5_000)
    socket.connect(args.connect)
    payload = b"x" * args.size
    for _ in range(args.count):
        socket.send(payload)
    socket.close()
    context.term()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["hold", "replay", "flood"])
    parser.add_argument("--connect", required=True)
    parser.add_argument("--name", default="py")
    parser.add_argument("--game", default="leduc")
    parser.add_argument("--count", type=int, default=8)
    parser.add_argument("--then", choices=["leave", "silent"], default="leave")
    parser.add_argument("--shared", action="store_true")
    parser.add_argument("--size", type=int, default=10_000_000)
    parser.add_argument("--secret-file", help="the seat's secret (the arena writes seats/NAME.secret)")
    args = parser.parse_args()
    {"hold": hold, "replay": replay, "flood": flood}[args.mode](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
