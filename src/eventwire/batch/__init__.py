"""Batch processing at corpus scale: the engine-neutral batch unit, engines (in-process, process pool) and the
resumable ingest driver.

The unit is what any engine runs, one batch at a time, wherever it likes (a process pool here; a Spark or Ray
task, or a job-queue worker later)::

    from eventwire.batch import BatchTask, run_unit
    from eventwire.store import open_store

    sink = open_store("eventwire-data", create=True)   # once per worker
    outcome = run_unit(BatchTask(batch_no=7, raws=raw_documents), sink=sink)   # coded + committed atomically

Re-running a unit is harmless (the store skips documents it already holds), so an engine may retry a failed
or lost task freely.
"""

from eventwire.batch.driver import IngestSummary, ingest
from eventwire.batch.unit import BatchResult, BatchTask, UnitOutcome, process_batch, run_unit

__all__ = ["BatchResult", "BatchTask", "IngestSummary", "UnitOutcome", "ingest", "process_batch", "run_unit"]
