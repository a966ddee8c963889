"""Content licences: recognising them in text and naming them with SPDX-style ids.

Unknown stays unknown: a licence is only recorded when a notice or a licence URL names it.
"""

from __future__ import annotations

import re

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
    tail = text[-2000:]
    match = _CC_NOTICE.search(tail)
    if match:
        parts = match.group("parts").lower()
        kind = "by"
        if "commercial" in parts:
            kind += "-nc"
        if "share" in parts:
            kind += "-sa"
        elif "deriv" in parts:
            kind += "-nd"
        return _spdx(kind, match.group("version"))
    return licence_from_url(tail)


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
