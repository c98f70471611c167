"""Property-based fuzzing of the number and link parsers (issue 15, item 10).

Whatever is typed, pasted or clicked: a DialTarget whose ``number`` is ASCII digits with at
most a leading ``+`` (nothing else can reach the API's ``number`` parameter), or
InvalidNumber; never another exception. Derandomized, no example database, bounded.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agentbar.core.phone import (
    DialFormat,
    DialTarget,
    InvalidNumber,
    looks_like_dial_uri,
    normalize,
    parse_dial_input,
    parse_dial_uri,
)

FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
DIALLABLE = re.compile(r"\+?[0-9]+", re.ASCII)
# What number text is made of, plus what an attacker adds: delimiters, encodings, look-alike
# digits (Arabic-Indic, fullwidth, superscript), controls and separators of every kind.
PIECES = st.sampled_from(
    list("0123456789+ -.()/")
    + ["\u00a0", "\u2011", "\u2013", "\u202f", "%", "%2B", "%20", "%3B", "%252B", ";", "?"]
    + ["@", ":", "//", "#", "&", "=", "\n", "\x00", "٣", "１", "²", "a", "Z", "ext=12"]
    + ["0532", "123", "45", "67", "+90", "0090", "00", "112", "1004", "444 0 444"]
)
NUMBER_TEXT = st.one_of(st.lists(PIECES, max_size=14).map("".join), st.text(max_size=40))
SCHEMES = st.sampled_from(["tel:", "TEL:", "callto:", "callto://", "sip:", "sips:", "http:", ""])
REGIONS = st.sampled_from(["TR", "GB", "US", "DE"])
FORMATS = st.sampled_from(list(DialFormat))


def _assert_safe(result: DialTarget) -> None:
    assert DIALLABLE.fullmatch(result.number), result
    assert result.number.isascii()
    if result.is_extension:
        assert result.number.isdigit() and 2 <= len(result.number) <= 6


@FUZZ
@given(NUMBER_TEXT, REGIONS, FORMATS)
@example("٠٥٣٢١٢٣٤٥٦٧", "TR", DialFormat.NATIONAL)
@example("0532\x001234567", "TR", DialFormat.NATIONAL)
@example("+90 532 123 45 67;ext=1", "TR", DialFormat.E164)
def test_normalize_gives_only_digits_or_refuses(text: str, region: str, fmt: DialFormat) -> None:
    try:
        result = normalize(text, region=region, fmt=fmt)
    except InvalidNumber as exc:
        assert exc.reason
        return
    _assert_safe(result)


@FUZZ
@given(SCHEMES, NUMBER_TEXT, st.sampled_from(["", ";ext=12", "?x=1", "@pbx.example", ";a=%3B"]))
@example("tel:", "%2B90%20532%20123%2045%2067", "")
@example("sip:", "0532%3B1234567", "@host")
@example("tel:", "%252B905321234567", "")
def test_links_give_only_digits_or_refuse(scheme: str, number: str, tail: str) -> None:
    uri = scheme + number + tail
    looks_like_dial_uri(uri)  # never raises either
    for parse in (parse_dial_uri, parse_dial_input):
        try:
            result = parse(uri)
        except InvalidNumber as exc:
            assert exc.reason
            continue
        _assert_safe(result)
