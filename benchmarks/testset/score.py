"""Score eventwire on the BLIND testset: per-article and micro-averaged (summed TP/FP/FN) results.

This reuses the devset scorer (benchmarks/devset/score.py) by import, pointed at this folder, so both sets are
scored identically.

Usage (from the repository root):
    .venv/bin/python benchmarks/testset/score.py            # table
    .venv/bin/python benchmarks/testset/score.py --json     # JSON (per article + aggregate)
    .venv/bin/python benchmarks/testset/score.py --verbose  # also every miss and false positive

The testset is BLIND: read the aggregate, do not tune the coder on the listed misses.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

TESTSET = Path(__file__).resolve().parent
DEVSET_SCORE = TESTSET.parent / "devset" / "score.py"


def devset_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eventwire_devset_score", DEVSET_SCORE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    scorer = devset_scorer()
    if "--json" in argv:
        print(json.dumps(scorer.summary(scorer.run(TESTSET)), indent=2))
        return 0
    # the devset table/verbose printer with its default folder swapped for this one
    original = scorer.run
    scorer.run = lambda root=TESTSET, model=None: original(TESTSET, model)  # type: ignore[assignment]
    return int(scorer.main(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
