"""Write a deterministic synthetic news corpus as JSON Lines (offline; see eventwire.batch.corpus).

.venv/bin/python scripts/gen_corpus.py --docs 500 --seed 0 --out bench-out/corpus.jsonl
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eventwire.batch.corpus import write_jsonl


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=500, help="number of articles to write")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (same seed, same articles)")
    parser.add_argument("--out", type=Path, default=Path("bench-out/corpus.jsonl"), help="output .jsonl path")
    args = parser.parse_args(argv)
    written = write_jsonl(args.out, args.docs, seed=args.seed)
    print(f"wrote {written} articles to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
