"""Turkish-aware case folding and the forgiving search match used by the panel's lists.

Python's ``str.lower()`` is not Turkish: ``"İ".lower()`` is ``"i̇"`` (i + combining dot) and
``"I".lower()`` is ``"i"``, where Turkish wants ``"ı"``. :func:`turkish_lower` does it the
Turkish way (I→ı, İ→i). For searching, :func:`fold` goes further on purpose:

* the four letters ``i ı İ I`` all fold to one letter, ``i``. Agents on English keyboards
  type ``i`` for ``ı`` ("yildiz" for "Yıldız") and data entry is just as inconsistent
  (``ISIK``, ``IŞIK``, ``Işık``), so an exact Turkish fold would hide real matches. A few
  extra hits ("kır" and "kir") cost nothing in a list the agent is scanning;
* the other Turkish letters fold to their base letter (ş→s, ç→c, ğ→g, ö→o, ü→u) for the
  same reason, and any other accent is dropped (â, î, û in loanwords);
* the result is lower case, so ``istanbul`` finds ``İSTANBUL`` and ``ismail`` ``İSMAİL``.

A query is matched word by word (every word must occur); a query that looks like a phone
number (digits, spaces, ``+()-.``) is compared as one run of digits, with ``+90``/``0090``
read as the trunk prefix ``0``, so "0532 123 45 67" finds 05321234567.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = [
    "fold",
    "matching_rows",
    "query_needles",
    "search_key",
    "sort_key",
    "turkish_lower",
    "turkish_upper",
]

_LOWER = str.maketrans({"I": "ı", "İ": "i"})
_UPPER = str.maketrans({"i": "İ", "ı": "I"})
# Applied after Turkish lowering: the forgiving search alphabet.
_BASE = str.maketrans({"ı": "i", "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u"})
# Turkish alphabetical order (q, w, x where Latin puts them), for sorting names.
_ALPHABET = "abcçdefgğhıijklmnoöpqrsştuüvwxyz"
_COLLATE = str.maketrans({c: chr(0x2000 + i) for i, c in enumerate(_ALPHABET)})
_NUMBER_QUERY = re.compile(r"[+(]?\d[\d\s()./-]*")
_NOT_DIGIT = re.compile(r"\D")
#: Separates the text part of a key from its digits-only part (never typed).
KEY_SEPARATOR = "\x1f"


def turkish_lower(text: str) -> str:
    """Lower case by Turkish rules: ``I``→``ı``, ``İ``→``i``, the rest as Unicode says."""
    return text.translate(_LOWER).lower()


def turkish_upper(text: str) -> str:
    """Upper case by Turkish rules: ``i``→``İ``, ``ı``→``I``, the rest as Unicode says."""
    return text.translate(_UPPER).upper()


def fold(text: str) -> str:
    """The forgiving search form of ``text``: lower case, ``i ı İ I`` → ``i``, no accents."""
    lowered = turkish_lower(text).translate(_BASE)
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_key(text: str) -> str:
    """A key that sorts names in Turkish alphabetical order, case-insensitively.

    ``ı`` comes before ``i``, ``ş`` after ``s``, ``ç`` after ``c``, and so on.
    """
    return turkish_lower(unicodedata.normalize("NFC", text)).translate(_COLLATE)


def _digits(text: str) -> str:
    return _NOT_DIGIT.sub("", text)


def _trunk(digits: str) -> str:
    """Read an international Turkish prefix as the national trunk prefix 0."""
    if digits.startswith("0090"):
        return "0" + digits[4:]
    if digits.startswith("90") and len(digits) >= 12:
        return "0" + digits[2:]
    return digits


def search_key(texts: Iterable[str], numbers: Iterable[str]) -> str:
    """A precomputed key for one row: the folded ``texts`` and the digits of ``numbers``.

    Build it once per row (when the list is loaded) so that filtering a keystroke is one
    substring test per row.
    """
    text_part = " ".join(fold(t) for t in texts if t)
    number_part = " ".join(_trunk(_digits(n)) for n in numbers if n)
    return f"{text_part} {KEY_SEPARATOR} {number_part}"


def query_needles(query: str) -> tuple[str, ...]:
    """What a :func:`search_key` key must contain, all of it, to match what the agent typed:
    the folded words, or one run of digits for a number; nothing for an empty query."""
    query = query.strip()
    if not query:
        return ()
    if _NUMBER_QUERY.fullmatch(query):
        return (_trunk(_digits(query)),)
    return tuple(w for w in (fold(part) for part in query.split()) if w)


def matching_rows(keys: Sequence[str], query: str) -> list[int] | None:
    """The positions of the ``keys`` that match ``query``, in order; None when all do.

    Every word must occur in a key (or the run of digits, for a number); no function call per
    key: 10,000 keys take a fraction of a millisecond, once per keystroke (bench/recordings_list).
    """
    needles = query_needles(query)
    if not needles:
        return None
    if len(needles) == 1:
        needle = needles[0]
        return [i for i, key in enumerate(keys) if needle in key]
    return [i for i, key in enumerate(keys) if all(n in key for n in needles)]
