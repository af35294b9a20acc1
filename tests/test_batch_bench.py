"""The benchmark's pieces: the three modes measure the same corpus, and the ratios are computed per worker count."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.batch.bench import MODES, Measurement, best_of, build_corpus, measure, rows


def test_batch_bench_modes_measure_the_same_corpus(tmp_path: Path) -> None:
    inputs, cleaned = build_corpus(tmp_path, 6, seed=4, examples=None)
    results = {
        mode: measure(mode, 1, inputs=inputs, cleaned=cleaned, batch_size=4, model=None) for mode in MODES
    }
    assert {m.docs for m in results.values()} == {6}
    assert len({m.words for m in results.values()}) == 1 and results["floor"].words > 200
    assert results["floor"].sentences >= 6 and results["floor"].events == 0
    assert results["extract"].events == results["ingest"].events
    assert all(m.seconds > 0 and m.cpu_s > 0 and m.peak_rss_mb > 50 for m in results.values())


def _m(mode: str, workers: int, seconds: float, words: int = 1000, cpu: float = 1.0) -> Measurement:
    return Measurement(mode, workers, 10, words, 50 if mode == "floor" else 0, seconds, 0.1, 300.0, 0, cpu)


@pytest.mark.parametrize(
    ("runs", "expected"),
    [
        # floor 1 worker 1 s, ingest 1 worker 2 s, ingest 2 workers 1.25 s (1.6x), floor 2 workers 0.5 s
        (
            [_m("floor", 1, 1.0), _m("ingest", 1, 2.0, cpu=2.0), _m("floor", 2, 0.5), _m("ingest", 2, 1.25)],
            {("floor", 1): (1.0, None), ("ingest", 1): (0.5, None), ("ingest", 2): (0.4, 1.6)},
        ),
    ],
)
def test_batch_bench_ratios(runs: list[Measurement], expected: dict[tuple[str, int], tuple]) -> None:  # type: ignore[type-arg]
    table = {(r["mode"], r["workers"]): r for r in rows(runs)}
    for key, (ratio, speedup) in expected.items():
        assert table[key]["ratio_to_floor"] == ratio
        assert table[key]["speedup_vs_1"] == speedup
    assert table[("ingest", 1)]["cpu_ratio_to_floor"] == 0.5
    assert table[("ingest", 2)]["sentences"] == 50  # sentence counts come from the floor


def test_batch_bench_best_of_keeps_fastest_run() -> None:
    runs = [_m("floor", 1, 3.0), _m("floor", 1, 2.0), _m("extract", 1, 5.0), _m("floor", 2, 9.0)]
    best = best_of(runs)
    assert [(m.mode, m.workers, m.seconds) for m in best] == [
        ("floor", 1, 2.0),
        ("extract", 1, 5.0),
        ("floor", 2, 9.0),
    ]


def test_batch_bench_cpu_speedup_estimate() -> None:
    from eventwire.batch.bench import cpu_speedup

    one = _m("ingest", 1, 10.0, cpu=10.0)
    # Two workers, busy 90% of a 6 s run, 11 CPU-s for the same documents (pool overhead): 2 x 0.9 x 10/11.
    two = Measurement("ingest", 2, 10, 1000, 0, 6.0, 0.1, 300.0, 0, 11.0, busy_s=10.8)
    assert cpu_speedup(two, one) == round(2 * 0.9 * 10 / 11, 3)
    assert cpu_speedup(one, one) is None and cpu_speedup(two, None) is None
