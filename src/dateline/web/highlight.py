"""Article text as HTML with every record's span marked, built from character offsets.

Owns the one place where untrusted article text becomes markup. Every piece of text goes
through ``markupsafe.escape``; tags and attributes come only from record ids and kinds we
generated, and those are escaped too. Spans may nest or overlap (a speaker mention inside a
quote, an event's evidence crossing a quote's end): the text is cut at every boundary and, at
each cut, the open tags are closed and reopened so the output is always well-formed. A span
cut into pieces carries the same ``data-*`` attributes on each piece; only the first piece
gets the ``id`` that links and the side panel point at.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from dateline.records import Extraction


@dataclass(frozen=True)
class Mark:
    """One span to mark: ``tag`` with ``attrs``; ``anchor`` becomes the first piece's id."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...]
    anchor: str | None = None
    # Lower rank opens first (outermost) when two marks start and end at the same place.
    rank: int = 0
    order: int = field(default=0, compare=False)


def render_marks(text: str, marks: list[Mark]) -> Markup:
    """``text`` escaped, with each mark's tag wrapped around its characters."""
    usable = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    usable = [Mark(m.start, m.end, m.tag, m.attrs, m.anchor, m.rank, i) for i, m in enumerate(usable)]
    cuts = sorted({0, len(text), *(m.start for m in usable), *(m.end for m in usable)})
    # Outer before inner: earlier start, then longer, then rank, then input order.
    nesting = sorted(usable, key=lambda m: (m.start, -m.end, m.rank, m.order))
    out: list[str] = []
    open_: list[Mark] = []
    anchored: set[int] = set()
    for here, nxt in zip(cuts, cuts[1:], strict=False):
        wanted = [m for m in nesting if m.start <= here < m.end]
        keep = 0
        while keep < min(len(open_), len(wanted)) and open_[keep] is wanted[keep]:
            keep += 1
        for m in reversed(open_[keep:]):
            out.append(f"</{m.tag}>")
        for m in wanted[keep:]:
            out.append(_open_tag(m, first=m.order not in anchored))
            anchored.add(m.order)
        open_ = wanted
        out.append(str(escape(text[here:nxt])))
    for m in reversed(open_):
        out.append(f"</{m.tag}>")
    return Markup("".join(out))  # noqa: S704 (every text piece and attribute above is escaped)


def _open_tag(mark: Mark, *, first: bool) -> str:
    attrs = list(mark.attrs)
    if first and mark.anchor:
        attrs.insert(0, ("id", mark.anchor))
    rendered = "".join(f' {name}="{escape(value)}"' for name, value in attrs)
    return f"<{mark.tag}{rendered}>"


def speaker_classes(x: Extraction) -> dict[str, int]:
    """A colour number (0-7) per speaker, in order of first quote, so colours are stable per page."""
    colours: dict[str, int] = {}
    for q in x.quotes:
        key = speaker_key(q.speaker, q.speaker_name)
        if key not in colours:
            colours[key] = len(colours) % 8
    return colours


def speaker_key(speaker_id: str | None, speaker_name: str | None) -> str:
    return speaker_id or speaker_name or "?"


def article_marks(x: Extraction) -> list[Mark]:
    """The marks for an article page: quotes, speaker mentions, entities, event evidence and triggers."""
    colours = speaker_classes(x)
    names = {e.id: e.name for e in x.entities}
    marks: list[Mark] = []
    for e in x.entities:
        title = f"{e.name} ({e.kind}{', ' + e.actor_code if e.actor_code else ''})"
        for m in e.mentions:
            attrs: tuple[tuple[str, str], ...] = (
                ("class", f"ent ent-{_token(e.kind)}"),
                ("data-entity", e.id),
                ("title", title),
            )
            marks.append(Mark(m.start, m.end, "span", attrs, rank=3))
    linked: set[tuple[int, int]] = set()
    for q in x.quotes:
        colour = colours[speaker_key(q.speaker, q.speaker_name)]
        who = q.speaker_name or (names.get(q.speaker or "") or "unknown speaker")
        for i, c in enumerate(q.content):
            attrs = (
                ("class", f"q q-{_token(q.kind)} spk-{colour}"),
                ("data-quote", q.id),
                ("title", f"{who} ({q.kind} quote)"),
            )
            marks.append(Mark(c.start, c.end, "mark", attrs, anchor=f"rec-{q.id}" if i == 0 else None, rank=1))
        if q.cue:
            marks.append(Mark(q.cue.start, q.cue.end, "span", (("class", "cue"), ("data-quote", q.id)), rank=4))
        sm = q.speaker_mention
        if sm and (sm.start, sm.end) not in linked:
            # A mention that introduces several quotes links to the first; a link is never nested in a link.
            linked.add((sm.start, sm.end))
            attrs = (
                ("class", f"speaker spk-{colour}"),
                ("href", f"#rec-{q.id}"),
                ("data-quote", q.id),
                ("title", f"{who}: jump to the quote"),
            )
            marks.append(Mark(sm.start, sm.end, "a", attrs, rank=2))
    for v in x.events:
        marks.append(
            Mark(
                v.evidence.start,
                v.evidence.end,
                "span",
                (("class", "evidence"), ("data-event", v.id)),
                anchor=f"rec-{v.id}",
                rank=0,
            )
        )
        if v.trigger:
            attrs = (("class", "trigger"), ("data-event", v.id), ("title", f"{v.type} ({v.cameo or 'no CAMEO code'})"))
            marks.append(Mark(v.trigger.start, v.trigger.end, "span", attrs, rank=5))
    return marks


def render_article(x: Extraction) -> Markup:
    return render_marks(x.article.text, article_marks(x))


def _token(value: str) -> str:
    """A CSS-class-safe word from a record kind (kinds are ours, but never trust a stored value)."""
    return "".join(ch for ch in value.lower() if ch.isalnum() or ch == "-")[:20] or "other"


def snippet_markup(snippet: str) -> Markup:
    """A search snippet with ``[``…``]`` match markers as ``<b>``, everything else escaped."""
    out: list[str] = []
    rest = snippet
    while "[" in rest:
        before, _, after = rest.partition("[")
        inside, closed, tail = after.partition("]")
        if not closed:
            break
        out.append(f"{escape(before)}<b>{escape(inside)}</b>")
        rest = tail
    out.append(str(escape(rest)))
    return Markup("".join(out))  # noqa: S704 (pieces escaped above)
