"""Text for the printer's one code table, CP858 (CP850 with the euro sign).

A character outside the active table prints as '?' without any error, so every
string is turned into CP858-encodable characters *before* layout (a fallback
such as 'oe' for 'œ' changes the width). The rule, in order:

1. CP858 has it: kept as is (é, à, ç, «, », €, £...).
2. A readable replacement from ``_FALLBACK`` (French typography: narrow and
   no-break spaces from Babel, dashes, curly quotes, ellipsis, œ).
3. NFKD decomposition with the accents dropped (ŷ -> y, Ÿ -> Y, ﬁ -> fi).
4. Last resort '_': visible, and clearly "something was here" (not '?', which
   looks like the printer's own failure).

Control characters never reach the printer as text (they would be commands):
tab and line breaks become a space, any other one '_'.
"""

from __future__ import annotations

import unicodedata

CODEC = "cp858"
LAST_RESORT = "_"

_FALLBACK = {
    "\u202f": " ",  # narrow no-break space (Babel fr_FR thousands separator)
    "\u00a0": " ",  # no-break space (Babel fr_FR before €)
    "\u2007": " ",  # figure space
    "\u2009": " ",  # thin space
    "\u2014": "-",  # em dash
    "\u2013": "-",  # en dash
    "\u2011": "-",  # non-breaking hyphen
    "\u2212": "-",  # minus sign
    "\u2019": "'",
    "\u2018": "'",
    "\u201a": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2026": "...",
    "\u0153": "oe",
    "\u0152": "OE",
    "\t": " ",
    "\n": " ",
    "\r": " ",
}


def _encodable(char: str) -> bool:
    if ord(char) < 0x20 or ord(char) == 0x7F:
        return False
    try:
        char.encode(CODEC)
    except UnicodeEncodeError:
        return False
    return True


def _replace(char: str) -> str:
    if char in _FALLBACK:
        return _FALLBACK[char]
    if _encodable(char):
        return char
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
    )
    if stripped and all(_encodable(c) for c in stripped):
        return stripped
    return LAST_RESORT


def printable(text: str) -> str:
    """``text`` with every character printable in CP858; one character = one column."""
    return "".join(_replace(c) for c in text)


def encode(text: str) -> bytes:
    """Bytes for the CP858 table; ``text`` is passed through ``printable`` first."""
    return printable(text).encode(CODEC)
