"""Human-readable summaries of extractions for the terminal."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.markup import escape

from dateline.records import Extraction

_KIND_ORDER = {"direct": 0, "mixed": 1, "partial": 2, "indirect": 3}


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_extraction(console: Console, x: Extraction, *, max_quotes: int = 6, width: int = 110) -> None:
    a = x.article
    head = " · ".join(part for part in (a.source, a.dateline, a.published, a.licence) if part)
    console.print(f"[bold]{escape(a.title or a.id)}[/bold]" + (f" — {escape(head)}" if head else ""), highlight=False)
    console.print(f"  [dim]id {a.id}[/dim]", highlight=False)
    if x.skipped:
        console.print(f"  [yellow]not parsed[/yellow] · {escape(x.skipped)}", highlight=False)
    text = a.text
    entities = {e.id: e for e in x.entities}
    by_speaker: dict[str, list] = defaultdict(list)
    for q in x.quotes:
        speaker = q.speaker_name or (q.speaker_mention.of(text) if q.speaker_mention else "(unknown speaker)")
        by_speaker[speaker].append(q)
    for speaker, quotes in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
        entity = entities.get(quotes[0].speaker or "")
        role = f" ({escape(entity.role)})" if entity and entity.role else ""
        console.print(f"  [cyan]{escape(speaker)}[/cyan]{role}", highlight=False)
        # Direct words first: they are what a reader checks against the article.
        ranked = sorted(quotes, key=lambda q: _KIND_ORDER.get(q.kind, 9))
        for q in ranked[:max_quotes]:
            cue = q.cue.of(text) if q.cue else q.kind
            words = " … ".join(c.of(text) for c in q.content)
            mark = "“{}”" if q.kind in ("direct", "partial", "mixed") else "{}"
            console.print(
                f"    [green]{escape(cue):<12}[/green] {escape(mark.format(_clip(words, width)))}", highlight=False
            )
        if len(quotes) > max_quotes:
            console.print(f"    … {len(quotes) - max_quotes} more", highlight=False)
    if x.entities:
        shown = sorted(x.entities, key=lambda e: -len(e.mentions))[:8]
        names = ", ".join(
            f"{escape(e.name)} [dim]{e.kind}{'/' + e.actor_code if e.actor_code else ''} ×{len(e.mentions)}[/dim]"
            for e in shown
        )
        console.print(f"  [magenta]Entities[/magenta] {names}", highlight=False)
    if x.events:
        console.print("  [magenta]Events[/magenta]", highlight=False)
        for v in x.events:
            src = ", ".join(entities[s].name for s in v.source if s in entities) or "?"
            tgt = ", ".join(entities[t].name for t in v.target if t in entities) or "—"
            when = v.when.value if v.when else "—"
            where = f" · {v.where.name}" + (f", {v.where.country}" if v.where.country else "") if v.where else ""
            console.print(
                f"    {escape(when):<11} {escape(src)}  [yellow]{v.type}[/yellow]"
                f" ({escape(v.cameo or '')})  {escape(tgt)}{escape(where)}",
                highlight=False,
            )
