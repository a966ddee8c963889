"""Article tone: how positive or negative the wording is, in [-1, 1].

Uses the VADER lexicon (Hutto & Gilbert 2014, MIT; the ``vaderSentiment`` package ships it)
for word valences, applied GDELT-style over the whole article: the mean valence of the
sentiment-bearing words, with VADER's negation scaling. VADER's own sentence scorer is not
used because it re-tokenises every sentence in Python, which would cost more than the rest of
our components together; the lexicon lookup here reuses spaCy's tokens.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from dateline.nlp.doccache import attr_array

# VADER's constants: a negator within three words flips and damps the valence.
_NEGATION_SCALE = -0.74
_NEGATORS = frozenset(
    "not no never none nobody nothing neither nor nowhere cannot without n't isnt arent wasnt werent dont doesnt didnt"
    " wont wouldnt shouldnt couldnt cant hasnt havent hadnt".split()
)
_MAX_VALENCE = 4.0


@lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    text = files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    lexicon: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():  # words only; emoticons do not occur in news
            lexicon[parts[0]] = float(parts[1])
    return lexicon


@lru_cache(maxsize=1)
def _lexicon_by_id() -> dict[int, float]:
    """The lexicon keyed by the string id spaCy's LOWER array holds for each word."""
    return {get_string_id(word): valence for word, valence in vader_lexicon().items()}


_NEGATOR_IDS = frozenset(get_string_id(word) for word in _NEGATORS)


def tone_of(doc: Doc) -> float | None:
    """Mean valence of the article's sentiment words scaled to [-1, 1]; None when there are none."""
    lexicon = _lexicon_by_id()  # ids, not strings: no Token object per word
    total = 0.0
    count = 0
    lowers = attr_array(doc, LOWER).tolist()
    for i, word in enumerate(lowers):
        valence = lexicon.get(word)
        if valence is None:
            continue
        if any(w in _NEGATOR_IDS for w in lowers[max(0, i - 3) : i]):
            valence *= _NEGATION_SCALE
        total += valence
        count += 1
    if count == 0:
        return None
    return round(max(-1.0, min(1.0, total / count / _MAX_VALENCE)), 4)


class ToneScorer:
    """Writes ``doc._.dl_tone``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.dl_tone = tone_of(doc)
        return doc
