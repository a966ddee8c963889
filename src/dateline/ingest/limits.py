"""Input limits, in one place so the README, the readers and the errors agree.

A news article is rarely over 100 KB of text; anything far past that is a mistake (a dump,
a binary, a log) and would cost minutes of parsing, so it is refused with a clear reason.
"""

MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # one article's text or HTML
# spaCy's own guard (``nlp.max_length``): past it the parser raises instead of parsing, so a
# longer text is refused here, by name, rather than stopping a whole batch in the NLP stage.
MAX_ARTICLE_CHARS = 1_000_000
MAX_FILE_BYTES = 1024 * 1024 * 1024  # a container file (JSONL, feed, WARC) read as a stream
MAX_ARTICLES_PER_FILE = 5_000_000
