"""Evaluation against gold standards (seed YAML, PETRARCH validation XML) and the accuracy gate."""

from eventwire.evaluation.gold import GoldEvent, GoldSet, GoldUnit, read_gold
from eventwire.evaluation.matching import PredEvent, actor_key, pred_event
from eventwire.evaluation.scoring import EvalReport, LevelScore, PredUnit, evaluate

__all__ = [
    "EvalReport",
    "GoldEvent",
    "GoldSet",
    "GoldUnit",
    "LevelScore",
    "PredEvent",
    "PredUnit",
    "actor_key",
    "evaluate",
    "pred_event",
    "read_gold",
]
