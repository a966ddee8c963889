"""CAMEO actor and event codes taken apart for the GDELT and POLECAT exports.

A CAMEO actor code is 3-letter chunks: an optional country (``IRN``) then role/sector codes
(``MIL``, ``GOV``): ``IRNMIL`` = Iran, military. An event code's first two digits are its root,
and the root fixes the quad class (verbal/material cooperation/conflict).
"""

from __future__ import annotations

import re

# CAMEO role and sector codes (CAMEO manual, actor codebook): a leading chunk among these is
# not a country.
ROLE_CODES = frozenset(
    "COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED MNC MOD "
    "RAD REF REL RES SET IGO NGO NGM UIS IMG".split()
)
# Goldstein scale of each CAMEO root (CAMEO manual) for events that carry no value of their own.
ROOT_GOLDSTEIN = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0, "10": -5.0,
    "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0,
    "20": -10.0,
}  # fmt: skip


def split_actor_code(code: str | None) -> tuple[str, list[str]]:
    """``IRNMIL`` → (``IRN``, [``MIL``]); ``GOV`` → ("", [``GOV``]); an unparsable code → ("", [])."""
    if not code or not re.fullmatch(r"(?:[A-Z]{3})+", code):
        return "", []
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if chunks[0] in ROLE_CODES:
        return "", chunks
    return chunks[0], chunks[1:]


def event_code(cameo: str | None) -> str:
    """The CAMEO digits of a code written ``186`` or ``186 (assassinate)``; "" when none."""
    found = re.match(r"\s*(\d{2,4})", cameo or "")
    return found.group(1) if found else ""


def quad_class(root: str) -> int | None:
    """1 verbal cooperation (01–05), 2 material cooperation (06–08), 3 verbal conflict (09–13),
    4 material conflict (14–20)."""
    if not root.isdigit():
        return None
    n = int(root)
    return 1 if 1 <= n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4 if n <= 20 else None
