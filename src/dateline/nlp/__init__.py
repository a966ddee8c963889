"""NLP: the spaCy pipeline and Dateline's components (entities, quotes, events, dates).

Public surface: ``load_pipeline``, ``model_name``, ``to_records``. Reads only ``records``;
knows nothing of storage or interfaces.
"""

from dateline.nlp.convert import to_records
from dateline.nlp.pipeline import load_pipeline, model_name, shared_pipeline

__all__ = ["load_pipeline", "model_name", "shared_pipeline", "to_records"]
