"""``dateline_paragraphs``: a blank line ends a sentence, before the parser runs.

spaCy's small parser reads across blank lines: a headline glued to the first paragraph
gets its verb's subject from the dateline ("Obama Says Museum Will Open … WASHINGTON --
President Obama, dedicating …, said …" parses "WASHINGTON" as the subject of "Says"), and a
"___" rule or a time stamp ("2:25 p.m.") becomes part of the next sentence. News text
never runs a sentence over a paragraph break, so the first word after one starts a
sentence; the parser keeps boundaries set before it.
"""

from __future__ import annotations

from spacy.tokens import Doc


class ParagraphBreaks:
    """The component: marks the first token after a blank line as a sentence start."""

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("DEP"):
            return doc  # parsed already (a Doc passed through again): its sentences stand
        after_break = False
        for tok in doc:
            if tok.is_space:
                after_break = after_break or tok.text.count("\n") >= 2
            elif after_break:
                tok.is_sent_start = True
                after_break = False
        return doc
