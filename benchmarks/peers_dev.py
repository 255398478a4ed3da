"""newsie beside the peers on ../shared/eval/dev with the official scorer: exact F1 per kind.

    python benchmarks/peers_dev.py [--shared ../shared] [--peer-python PY ...]

Runs `newsie batch` and each peer adapter of ../shared/peers (JioNLP extract_time +
extract_money, Microsoft Recognizers-Text) over the dev inputs, scores every output with
../shared/eval/score.py, and prints a markdown table. A peer whose package is not installed in
the Python that runs it is listed as skipped. `--peer-python` names the Pythons to try (the
Recognizers-Text package needs its own venv: `python3 -m venv v-rt && v-rt/bin/pip install
recognizers-text-suite "emoji<1.0"`).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = {"JioNLP extract_time + extract_money": "jionlp_peer.py",
         "Recognizers-Text (Chinese)": "rt_peer.py"}
KINDS = ("dates", "quantities", "people", "events")


def score(shared: Path, out: Path) -> dict:
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "score",
                          str(shared / "eval" / "dev"), str(out), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--peer-python", nargs="*", default=[sys.executable])
    args = ap.parse_args()
    if not (args.shared / "eval" / "score.py").exists():
        sys.exit(f"no scorer at {args.shared}/eval/score.py: nothing to compare on")
    tmp = Path(tempfile.mkdtemp())
    inputs = tmp / "in.jsonl"
    subprocess.run([sys.executable, str(args.shared / "eval" / "score.py"), "inputs",
                    str(args.shared / "eval" / "dev"), "-o", str(inputs)], check=True)
    rows = []
    out = tmp / "newsie.jsonl"
    subprocess.run([sys.executable, "-m", "newsie", "batch", str(inputs), "-o", str(out), "--workers", "1"],
                   check=True, capture_output=True)
    rows.append(("newsie", score(args.shared, out)))
    for name, script in PEERS.items():
        adapter = args.shared / "peers" / script
        result = None
        for python in args.peer_python:
            out = tmp / f"{script}.jsonl"
            run = subprocess.run([python, str(adapter), str(inputs), str(out)], capture_output=True, text=True)
            if run.returncode == 0 and out.exists():
                result = score(args.shared, out)
                break
        rows.append((name, result))
    print("| system | " + " | ".join(f"{k} exact F1" for k in KINDS) + " |")
    print("|---|" + "---|" * len(KINDS))
    for name, res in rows:
        if res is None:
            print(f"| {name} | " + " | ".join("skipped (not installed)" for _ in KINDS) + " |")
        else:
            print(f"| {name} | " + " | ".join(f"{res[k]['exact']['f1']:.3f}" for k in KINDS) + " |")


if __name__ == "__main__":
    main()
