"""Server-side highlighting: nested and overlapping spans give well-formed, fully escaped HTML."""

from __future__ import annotations

from html.parser import HTMLParser

from dateline.web.highlight import Mark, render_article, render_marks, snippet_markup
from tests.web_seed import annotated_seed, direct_quote_texts


class Checker(HTMLParser):
    """Collects text and fails on any close tag that does not match the innermost open tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.by_attr: dict[str, list[str]] = {}
        self._capture: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        quote = dict(attrs).get("data-quote")
        if tag == "mark" and quote:
            self._capture.append((quote, len("".join(self.text))))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()
        if tag == "mark" and self._capture:
            quote, start = self._capture.pop()
            self.by_attr.setdefault(quote, []).append("".join(self.text)[start:])

    def handle_data(self, data):
        self.text.append(data)


def check(html: str) -> Checker:
    c = Checker()
    c.feed(html)
    c.close()
    assert c.stack == []
    return c


def test_overlapping_spans_are_split_and_reopened():
    text = "abcdefghij"
    marks = [
        Mark(0, 6, "mark", (("data-quote", "q1"),), anchor="rec-q1"),
        Mark(4, 9, "span", (("class", "evidence"),)),
        Mark(2, 3, "a", (("href", "#x"),)),
    ]
    html = str(render_marks(text, marks))
    c = check(html)
    assert "".join(c.text) == text
    assert html.count('id="rec-q1"') == 1  # only the first piece carries the anchor
    assert html.startswith('<mark id="rec-q1" data-quote="q1">ab<a href="#x">c</a>d<span class="evidence">ef</span>')


def test_text_and_attributes_are_escaped():
    text = '<script>alert("x")</script> & <img onerror=1>'
    html = str(render_marks(text, [Mark(0, 8, "span", (("title", '"><script>'),))]))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&#34;&gt;&lt;script&gt;" in html
    assert "".join(check(html).text) == text


def test_out_of_range_spans_are_ignored():
    html = str(render_marks("short", [Mark(3, 99, "mark", ()), Mark(4, 4, "mark", ())]))
    assert html == "short"


def test_seed_article_renders_every_quote_once_with_its_words():
    x = annotated_seed()
    c = check(str(render_article(x)))
    assert "".join(c.text) == x.article.text
    for q in x.quotes:
        assert "".join(c.by_attr[q.id]) == "".join(s.of(x.article.text) for s in q.content)
    direct = ["".join(c.by_attr[q.id]) for q in x.quotes if q.kind == "direct"]
    assert direct == direct_quote_texts()


def test_snippet_markers_become_bold_and_the_rest_is_escaped():
    assert str(snippet_markup("a [b] <i>[c]</i> [open")) == "a <b>b</b> &lt;i&gt;<b>c</b>&lt;/i&gt; [open"
