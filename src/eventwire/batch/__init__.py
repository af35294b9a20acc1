"""Batch processing at corpus scale: the engine-neutral batch unit, engines (in-process, process pool) and the
resumable ingest driver."""

from eventwire.batch.driver import IngestSummary, ingest
from eventwire.batch.unit import BatchResult, BatchTask, UnitOutcome, process_batch, run_unit

__all__ = ["BatchResult", "BatchTask", "IngestSummary", "UnitOutcome", "ingest", "process_batch", "run_unit"]
