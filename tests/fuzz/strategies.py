"""Hypothesis strategies for news-like hostile input: unicode, quote marks, RTL, control chars."""

from __future__ import annotations

from collections import Counter

from hypothesis import strategies as st

# Inputs really fed to Dateline per fuzz target, summed at the end of ``make fuzz``.
COUNTS: Counter[str] = Counter()

QUOTE_MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "``", "''"]
PUNCTUATION = [".", "!", "?", "...", "…", ",", ";", ":", " - ", " — ", "(", ")", "[", "]", ". .", "?!"]
WORDS = [
    "said",
    "told",
    "stressed",
    "according to",
    "minister",
    "President",
    "Iran",
    "Tehran",
    "United States",
    "Ali",
    "Khamenei",
    "NATO",
    "the",
    "on",
    "Monday",
    "2023",
    "April",
    "last",
    "week",
    "army",
    "attacked",
    "met",
    "with",
    "in",
    "Baghdad",
    "Mr.",
    "Dr.",
    "Gen.",
    "U.S.",
    "TEHRAN",
    "WASHINGTON",
    "(Reuters)",
    "spokesman",
]
RTL = ["تهران", "وزیر", "گفت", "ایران", "שלום", "ירושלים", "بغداد", "\u200f", "\u200e", "\u202b", "\u202c"]
CONTROL = [
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\u0085",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200b",
    "\u00ad",
    "\ufffd",
    "\r",
    "\r\n",
    "\t",
]
SPACES = [" ", "  ", "\n", "\n\n", "\u00a0", "\u3000", "\t"]

any_text = st.text(max_size=300)  # any unicode (surrogates excluded, as in a decoded str)
word = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(RTL),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=12),
)
long_token = st.integers(200, 5000).flatmap(
    lambda n: st.sampled_from(["a", "x", "7", "ش", "-", "."]).map(lambda c: c * n)
)
piece = st.one_of(
    word,
    word,
    word,
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(CONTROL),
    st.sampled_from(SPACES),
    long_token,
)
# Sentences of words with spaces, quotes, empty sentences (". . ."), control chars, long tokens.
news_text = st.lists(piece, max_size=120).map(lambda parts: " ".join(parts))
hostile_text = st.one_of(news_text, any_text, news_text.map(lambda t: t.upper()), st.just(""), st.just(" \n "))

TAGS = [
    "div",
    "p",
    "article",
    "span",
    "b",
    "i",
    "script",
    "style",
    "title",
    "head",
    "body",
    "html",
    "meta",
    "br",
    "table",
    "td",
    "tr",
    "a",
    "h1",
    "!--",
    "![CDATA[",
    "?xml",
    "template",
    "svg",
    "math",
    "noscript",
]


@st.composite
def html_page(draw: st.DrawFn) -> str:
    """Tag soup: random tags, opened and maybe closed, around news text, sometimes with a doctype."""
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append("<!DOCTYPE html><html><head><title>" + draw(news_text)[:80] + "</title></head><body>")
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(st.sampled_from(TAGS))
        attrs = draw(st.sampled_from(["", ' class="x"', ' charset="utf-8"', " onload='x()'", ' a="<>"', " =", ' "']))
        parts.append(f"<{tag}{attrs}>")
        parts.append(draw(news_text))
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    if draw(st.booleans()):
        parts.append("<div>" * draw(st.integers(0, 2000)))
    return "".join(parts)


raw_bytes = st.one_of(
    st.binary(max_size=2000),
    hostile_text.map(lambda t: t.encode("utf-8")),
    hostile_text.map(lambda t: t.encode("utf-16-le")),
    st.tuples(hostile_text, st.binary(max_size=20)).map(lambda p: p[0].encode() + p[1]),
    html_page().map(lambda h: h.encode("utf-8")),
    html_page().map(lambda h: h.encode("cp1256", errors="replace")),
)
