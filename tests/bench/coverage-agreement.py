#!/usr/bin/env python3
"""How often a blind reviewer's coverage agrees with the reviewed guide, outcome by outcome.

Each file in docs/reviews/blind-coverage/ is one reviewer's judgement of every situation from the
protocol's source text and topics.toml alone (they never saw the council's file). It is counted as
`eval-draft` counts the drafter: each reviewed outcome against the judgement for its situation, so
the two figures can be set side by side. Usage: coverage-agreement.py [path/to/protocol-guide]
"""
import collections
import json
import pathlib
import subprocess
import sys

repo = pathlib.Path(__file__).resolve().parents[2]
cli = sys.argv[1] if len(sys.argv) > 1 else str(repo / "target/release/protocol-guide")
right = total = 0
for judged in sorted((repo / "docs/reviews/blind-coverage").glob("*.json")):
    council = judged.stem
    verdicts = {v["situation"]: v["coverage"] for v in json.loads(judged.read_text())}
    export = json.loads(subprocess.run([cli, "--dir", str(repo / "protocols"), "export", "--council", council],
                                       check=True, capture_output=True, text=True).stdout)
    outcomes = [n for n in export["flow"]["nodes"] if n["kind"] == "outcome"]
    missing = [o["situation"] for o in outcomes if o["situation"] not in verdicts]
    if missing:
        sys.exit(f"{judged}: no verdict for {', '.join(sorted(set(missing)))}")
    agree = sum(verdicts[o["situation"]] == o["coverage"] for o in outcomes)
    confusion = collections.Counter(f"{o['coverage']}->{verdicts[o['situation']]}" for o in outcomes
                                    if verdicts[o["situation"]] != o["coverage"])
    print(f"{council:18} {agree}/{len(outcomes)} = {agree / len(outcomes):.3f}  "
          f"disagreements (reviewed->blind): {dict(sorted(confusion.items()))}")
    right, total = right + agree, total + len(outcomes)
print(f"{'overall':18} {right}/{total} = {right / total:.3f}")
