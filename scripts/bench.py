"""`make bench`: parse-only floor vs eventwire extraction vs full ingest, at 1 and 2 workers, on one corpus.

    .venv/bin/python scripts/bench.py --docs 250 --workers 1 2 --repeat 2

Prints words/s, docs/s, sentences/s, peak RSS per worker, the ratio to the parse-only floor at the same worker
count and the speed-up over one worker; writes the results as JSON to bench-out/. See eventwire.batch.bench
for what each mode measures. Numbers on a shared machine are noisy: read the ratios, and the CPU-time ones.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from dataclasses import asdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

from eventwire.batch.bench import MODES, Measurement, best_of, build_corpus, machine, rows, run_child

ROOT = Path(__file__).resolve().parent.parent
LEGEND = (
    "× floor: words/s over the parse-only floor's at the same worker count (wall clock; CPU: per CPU-second, "
    "which other jobs on the machine hardly move). × 1 worker: docs/s over the same mode with one worker; "
    "CPU est.: the same if each worker had a core to itself (eventwire.batch.bench.cpu_speedup). "
    "busy: share of the run the workers spent inside batches (near 100%: the driver keeps them fed).\n"
    "On a shared machine read the CPU columns: wall-clock numbers there mostly measure the other jobs."
)


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=250, help="synthetic articles to generate (default 250)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to measure")
    parser.add_argument("--repeat", type=int, default=2, help="runs of the whole sequence; best kept")
    parser.add_argument(
        "--batch-size",
        type=int,
        default=16,
        help="documents per batch (16: enough batches to balance 2 workers)",
    )
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: $EVENTWIRE_MODEL)")
    parser.add_argument("--modes", nargs="+", default=list(MODES), choices=MODES, help="what to measure")
    parser.add_argument(
        "--no-examples", action="store_true", help="leave examples/articles out of the corpus"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out", help="output folder (git-ignored)")
    return parser.parse_args(argv)


def _table(results: list[dict[str, object]]) -> Table:
    table = Table(title="eventwire throughput (steady state; start-up excluded)", title_justify="left")
    for column in ("mode", "workers", "docs", "docs/s", "words/s", "sents/s", "× floor", "× 1 worker",
                   "× 1 (CPU est.)", "words/CPU-s", "× floor (CPU)", "busy", "peak RSS/worker", "events", "start-up"):  # fmt: skip
        table.add_column(column, justify="left" if column == "mode" else "right")
    for r in results:
        ratio, speedup = r["ratio_to_floor"], r["speedup_vs_1"]
        table.add_row(
            str(r["mode"]),
            str(r["workers"]),
            f"{r['docs']:,}",
            f"{r['docs_per_s']:,.1f}",
            f"{r['words_per_s']:,.0f}",
            f"{r['sentences_per_s']:,.0f}",
            "-" if ratio is None else f"{ratio:.2f}",
            "-" if speedup is None else f"{speedup:.2f}",
            "-" if r["cpu_speedup_vs_1"] is None else f"{r['cpu_speedup_vs_1']:.2f}",
            f"{r['words_per_cpu_s']:,.0f}",
            "-" if r["cpu_ratio_to_floor"] is None else f"{r['cpu_ratio_to_floor']:.2f}",
            "-" if r["worker_utilisation"] is None else f"{r['worker_utilisation']:.0%}",
            f"{r['peak_rss_mb']:,.0f} MB",
            f"{r['events']:,}",
            f"{r['startup_s']:.1f} s",
        )
    return table


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    console = Console(width=150)  # the table is wide; keep it whole when piped to a file
    args.out.mkdir(parents=True, exist_ok=True)
    examples = None if args.no_examples else ROOT / "examples" / "articles"
    started = time.perf_counter()
    before = machine()
    inputs, cleaned = build_corpus(args.out, args.docs, args.seed, examples)
    n_docs = sum(1 for _ in cleaned.open(encoding="utf-8"))
    console.print(f"corpus: {n_docs:,} documents from {', '.join(inputs)}")
    measurements: list[Measurement] = []
    for round_no in range(1, args.repeat + 1):  # whole sequences, so load drift hits every mode alike
        for workers in args.workers:
            for mode in args.modes:
                console.print(f"  run {round_no}/{args.repeat}: {mode} with {workers} worker(s)...")
                measurements.append(
                    run_child(
                        mode,
                        workers,
                        inputs=inputs,
                        cleaned=cleaned,
                        batch_size=args.batch_size,
                        model=args.model,
                    )
                )
    results = rows(best_of(measurements))
    console.print(_table(results))
    console.print(LEGEND)
    report = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": before,
        "load_average_after": machine()["load_average"],
        "corpus": {"inputs": inputs, "documents": n_docs, "seed": args.seed, "synthetic": args.docs},
        "batch_size": args.batch_size,
        "model": args.model,
        "results": results,
        "all_runs": [asdict(m) for m in measurements],
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    for path in (args.out / f"bench-{stamp}.json", args.out / "bench.json"):
        path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    console.print(f"load average {before['load_average']} -> {report['load_average_after']}; "
                  f"{report['total_seconds']} s in all; results in {args.out / 'bench.json'}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
