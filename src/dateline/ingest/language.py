"""Which language an article is written in, offline, with py3langid (a small bundled model).

py3langid was chosen over lingua (hundreds of MB of models) and fastText (a model download):
it ships its 97-language model inside the wheel and classifies a page in about a millisecond.
"""

from __future__ import annotations

from functools import cache

# Shorter texts are too little to tell; they get no language rather than a guess.
MIN_CHARS = 40
SAMPLE_CHARS = 3000


@cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str | None:
    """An ISO 639-1 code (``"en"``, ``"ar"``), or None when the text is too short or too mixed to say."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.strip()) < MIN_CHARS:
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= 0.5 else None
