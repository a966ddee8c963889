"""Content licences: recognising them in text and naming them with SPDX-style ids.

Unknown stays unknown: a licence is only recorded when a notice or a licence URL names it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

_CC_NAMES = {
    "by": "CC-BY",
    "by-sa": "CC-BY-SA",
    "by-nd": "CC-BY-ND",
    "by-nc": "CC-BY-NC",
    "by-nc-sa": "CC-BY-NC-SA",
    "by-nc-nd": "CC-BY-NC-ND",
}

# "Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International License"
_CC_NOTICE = re.compile(
    r"Creative\s+Commons\s+Attribution(?P<parts>(?:[\s-]+(?:Non-?Commercial|Share-?Alike|No-?Derivs|NoDerivatives))*)"
    r"\s+(?P<version>\d\.\d)",
    re.IGNORECASE,
)
# https://creativecommons.org/licenses/by-sa/4.0/
_CC_URL = re.compile(r"creativecommons\.org/licenses/(?P<kind>by(?:-nc)?(?:-sa|-nd)?)/(?P<version>\d\.\d)", re.I)
_CC_SHORT = re.compile(r"\bCC[\s-]BY(?P<rest>(?:[\s-](?:NC|SA|ND))*)[\s-](?P<version>\d\.\d)\b", re.I)
_PUBLIC_DOMAIN = re.compile(r"\b(?:public domain|CC0)\b", re.I)


def _spdx(kind: str, version: str) -> str:
    return f"{_CC_NAMES.get(kind.lower(), 'CC-' + kind.upper())}-{version}"


def licence_from_url(url: str) -> str | None:
    match = _CC_URL.search(url)
    return _spdx(match.group("kind"), match.group("version")) if match else None


def detect_text_licence(text: str) -> str | None:
    """An SPDX-style id from a licence notice in the text (looked for near the end), or None."""
    found = find_text_licence(text)
    return found[0] if found else None


def find_text_licence(text: str) -> tuple[str, str | None] | None:
    """The licence a notice near the end of the text names, with its evidence: ``notice [start,
    end]``, the offsets of the sentence that states it (None when only a licence URL was seen)."""
    offset = max(0, len(text) - 2000)
    tail = text[offset:]
    match = _CC_NOTICE.search(tail)
    if match:
        start, end = _sentence_around(text, offset + match.start(), offset + match.end())
        return _notice_licence(match), f"notice [{start}, {end}]"
    from_url = licence_from_url(tail)
    return (from_url, None) if from_url else None


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``: back to the previous sentence end, on to the next."""
    before = max(text.rfind(mark, 0, start) for mark in (". ", ".\u201d ", '." ', "\n", "! ", "? "))
    if before >= 0:
        start = before + 1
        while start < len(text) and (text[start].isspace() or text[start] in '\u201d"'):
            start += 1
    else:
        start = 0
    stop = text.find(".", end)
    end = stop + 1 if stop >= 0 else len(text.rstrip())
    return start, end


def _notice_licence(match: re.Match[str]) -> str:
    parts = match.group("parts").lower()
    kind = "by"
    if "commercial" in parts:
        kind += "-nc"
    if "share" in parts:
        kind += "-sa"
    elif "deriv" in parts:
        kind += "-nd"
    return _spdx(kind, match.group("version"))


def normalise_licence(value: str) -> str:
    """``"CC BY 4.0"`` / a CC URL / a notice → ``CC-BY-4.0``; anything else is kept as given."""
    value = value.strip()
    from_url = licence_from_url(value)
    if from_url:
        return from_url
    short = _CC_SHORT.search(value)
    if short:
        rest = short.group("rest").replace(" ", "-").upper().strip("-")
        return "CC-BY" + (f"-{rest}" if rest else "") + f"-{short.group('version')}"
    notice = detect_text_licence(value)
    if notice:
        return notice
    if _PUBLIC_DOMAIN.fullmatch(value):
        return "CC0-1.0" if "cc0" in value.lower() else "public-domain"
    return value


@dataclass(frozen=True)
class LicenceFinding:
    """A licence and where it was read: ``source`` names the kind of evidence, ``evidence`` quotes it."""

    id: str  # SPDX-style ("CC-BY-4.0"), or "unknown"
    source: str  # json-ld | rel-license | meta | notice | none
    evidence: str = ""


UNKNOWN = LicenceFinding("unknown", "none")

_REL_LICENSE = re.compile(r"<(?:a|link)\b[^>]*\brel=[\"']?license\b[^>]*>", re.I)
_HREF = re.compile(r"\bhref=[\"']?([^\"'\s>]+)", re.I)
_JSON_LD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
_META_LICENCE = re.compile(
    r"<meta\b[^>]*\b(?:name|property)=[\"'](?:dc\.rights|dcterms\.license|license)[\"'][^>]*>", re.I
)
_CONTENT = re.compile(r"\bcontent=[\"']([^\"']+)", re.I)
_TAGS = re.compile(r"<[^>]+>")


def detect_page_licence(html: str, body: str = "") -> LicenceFinding:
    """The page's content licence with its evidence; ``UNKNOWN`` unless something names one.

    Checked in order of how deliberately a publisher states it: JSON-LD ``license``, then a
    ``rel="license"`` link, then a licence meta tag, then a Creative Commons notice in the
    article body or anywhere in the page's visible text (footers carry them).
    """
    for block in _JSON_LD.findall(html):
        for value in _json_ld_licences(block):
            spdx = normalise_licence(value)
            if spdx.startswith(("CC", "public-domain")):
                return LicenceFinding(spdx, "json-ld", value)
    for tag in _REL_LICENSE.findall(html):
        href = _HREF.search(tag)
        from_link = licence_from_url(href.group(1)) if href else None
        if from_link and href:
            return LicenceFinding(from_link, "rel-license", href.group(1))
    for tag in _META_LICENCE.findall(html):
        content = _CONTENT.search(tag)
        if content:
            spdx = normalise_licence(content.group(1))
            if spdx.startswith(("CC", "public-domain")):
                return LicenceFinding(spdx, "meta", content.group(1))
    for text in (body, _TAGS.sub(" ", html[-20000:])):
        found = _notice(text)
        if found:
            return found
    return UNKNOWN


def _notice(text: str) -> LicenceFinding | None:
    match = _CC_NOTICE.search(text) or _CC_URL.search(text)
    if not match:
        return None
    found = detect_text_licence(match.group(0))
    return LicenceFinding(found, "notice", " ".join(match.group(0).split())) if found else None


def _json_ld_licences(block: str) -> list[str]:
    try:
        data = json.loads(block)
    except ValueError:
        return []
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("license", "license_url") and isinstance(value, str):
                    found.append(value)
                elif key in ("license",) and isinstance(value, dict) and isinstance(value.get("url"), str):
                    found.append(value["url"])
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    return found
