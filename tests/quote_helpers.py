"""What the quote rule tests read off ``doc._.dl_quotes``: the text of a span, the quotes with or
without partial ones, the one quote of a sentence, the quote on a given cue, and (content, cue,
speaker mention) triples. One copy for every ``test_nlp_quotes_*`` file."""

from __future__ import annotations


def span_text(text: str, span) -> str | None:
    return text[span[0] : span[1]] if span else None


def all_quotes(nlp, text: str) -> list[dict]:
    return nlp(text)._.dl_quotes


def non_partial(nlp, text: str) -> list[dict]:
    return [q for q in nlp(text)._.dl_quotes if q["kind"] != "partial"]


def only_quote(nlp, text: str) -> tuple[str, dict]:
    """The text and its one non-partial quote (fails when there are none or several)."""
    quotes = non_partial(nlp, text)
    assert len(quotes) == 1, quotes
    return text, quotes[0]


def by_cue(nlp, text: str, cue: str) -> dict:
    """The first non-partial quote whose cue is ``cue``."""
    found = [q for q in non_partial(nlp, text) if span_text(text, q["cue"]) == cue]
    assert found, [(span_text(text, q["cue"]), q) for q in non_partial(nlp, text)]
    return found[0]


def reported(nlp, text: str) -> list[tuple[str, str, str | None]]:
    """(content, cue, speaker mention) of every non-partial quote."""
    return [
        (
            " ".join(span_text(text, c) or "" for c in q["content"]),
            span_text(text, q["cue"]) or "",
            span_text(text, q["speaker_mention"]),
        )
        for q in non_partial(nlp, text)
    ]
