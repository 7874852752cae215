"""Print how far the pipeline recovers the demo gold, as one JSON object.

    .venv/bin/python -m tests.demo.report_gold                 # runs the real pipeline
    .venv/bin/python tests/demo/report_gold.py --result x.json # scores `fogline demo --json x.json`

The figures are those tests/demo/test_gold.py asserts floors on, followed by the failures
behind them: gold statements not recovered (with what came out of their sentence instead),
matched statements with wrong fields, stance errors, and missed dependences and phrases.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__:
    from .measures import all_figures, load_gold, run_demo
else:  # run by path: import it as the package it is
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.demo.measures import all_figures, load_gold, run_demo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--result", type=Path, help="score this result JSON instead of running")
    parser.add_argument("--embedder", default="minilm", help="embedder for the run (minilm)")
    args = parser.parse_args(argv)
    if args.result:
        result = json.loads(args.result.read_text(encoding="utf-8"))
    else:
        result, _ = run_demo(embedder=args.embedder)
    json.dump(all_figures(result, load_gold()), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
