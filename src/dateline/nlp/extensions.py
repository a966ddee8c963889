"""The ``Doc._`` attributes Dateline's components write, and helpers to read them.

Values are plain data (lists and dicts of str/int, offsets as ``[start, end]`` character
offsets into ``doc.text``), never Span objects, so ``DocBin(store_user_data=True)`` can ship
them between processes.

``doc._.dl_entities``: ``[{"id", "name", "kind", "label", "role", "actor_code",
"mentions": [[s, e], ...]}]``, written by ``dateline_entities``.
``doc._.dl_quotes``: ``[{"id", "kind", "content": [[s, e]], "cue", "speaker_mention",
"speaker", "speaker_name"}]``, written by ``dateline_quotes``.
``doc._.dl_events``: event dicts shaped like ``records.Event``, written by ``dateline_events``.
``doc._.dl_tone``: a float in [-1, 1] or None.
``doc._.dl_published``: the article's publication date (ISO) or None, set by ``core`` before the
pipeline runs, so components can normalise relative dates ("last month") against it.
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc

for _name in ("dl_entities", "dl_quotes", "dl_events", "dl_tone", "dl_published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class MentionIndex:
    """Find the entity a character span belongs to, by overlap with its mentions."""

    def __init__(self, entities: list[dict[str, Any]] | None) -> None:
        rows = sorted((m[0], m[1], e["id"]) for e in entities or () for m in e["mentions"])
        self._starts = [r[0] for r in rows]
        self._rows = rows
        self._names = {e["id"]: e["name"] for e in entities or ()}

    def entity_at(self, start: int, end: int) -> str | None:
        """The entity whose mention best covers ``[start, end)``, or None."""
        best: tuple[int, str] | None = None
        i = bisect.bisect_right(self._starts, end) - 1
        while i >= 0 and self._rows[i][1] > start - 400:
            s, e, ent = self._rows[i]
            overlap = min(e, end) - max(s, start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, ent)
            i -= 1
        return best[1] if best else None

    def name(self, entity_id: str | None) -> str | None:
        return self._names.get(entity_id) if entity_id else None
