"""Small helpers over spaCy's dependency parse, shared by the stages that rank candidates by syntactic closeness."""

from __future__ import annotations

from spacy.tokens import Token

#: distance given to tokens of different sentences: larger than any path inside one sentence
FAR = 10_000


def tree_distance(a: Token, b: Token) -> int:
    """Dependency arcs between two tokens; tokens of different sentences are FAR apart (plus their token gap)."""
    depth = {a.i: 0}
    for n, anc in enumerate(a.ancestors, start=1):
        depth[anc.i] = n
    if b.i in depth:
        return depth[b.i]
    for n, anc in enumerate(b.ancestors, start=1):
        if anc.i in depth:
            return n + depth[anc.i]
    return FAR + abs(a.i - b.i)
