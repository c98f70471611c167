"""Tests for agentbar.core.phone: number normalisation and dial-link parsing."""

from __future__ import annotations

import re

import pytest

from agentbar.core.phone import (
    DialFormat,
    DialTarget,
    InvalidNumber,
    looks_like_dial_uri,
    normalize,
    parse_dial_input,
    parse_dial_uri,
)

NATIONAL = DialFormat.NATIONAL
E164 = DialFormat.E164
NUMBER_RE = re.compile(r"\+?[0-9]+")

# (input to parse_dial_input, format, expected `number`)
ACCEPTED: list[tuple[str, DialFormat, str]] = [
    # Turkish mobile in every shape an agent pastes.
    ("+90 532 123 45 67", NATIONAL, "05321234567"),
    ("0090 532 123 45 67", NATIONAL, "05321234567"),
    ("0532 123 45 67", NATIONAL, "05321234567"),
    ("(0532) 123-4567", NATIONAL, "05321234567"),
    ("0532.123.45.67", NATIONAL, "05321234567"),
    ("0532/123 45 67", NATIONAL, "05321234567"),
    ("0532\u00a0123\u00a045\u00a067", NATIONAL, "05321234567"),
    ("5321234567", NATIONAL, "05321234567"),
    ("532 123 45 67", NATIONAL, "05321234567"),
    ("05321234567", NATIONAL, "05321234567"),
    ("(+90) 532 123 45 67", NATIONAL, "05321234567"),
    ("+90 (0532) 123 45 67", NATIONAL, "05321234567"),  # trunk 0 kept after +90 by mistake
    ("  0532 123 45 67\n", NATIONAL, "05321234567"),  # copied line with its newline
    ("905321234567", NATIONAL, "05321234567"),  # lost '+': 12 digits cannot be national
    ("+90 532 123 45 67", E164, "+905321234567"),
    ("0532 123 45 67", E164, "+905321234567"),
    ("5321234567", E164, "+905321234567"),
    # Landlines, freephone, shared-cost, service numbers.
    ("0212 555 12 34", NATIONAL, "02125551234"),
    ("(0312) 555 12 34", NATIONAL, "03125551234"),
    ("+90 212 555 12 34", E164, "+902125551234"),
    ("0850 222 12 34", NATIONAL, "08502221234"),
    ("0800 123 45 67", NATIONAL, "08001234567"),
    ("444 0 444", NATIONAL, "4440444"),  # 444 numbers are dialled without the trunk 0
    ("4440444", NATIONAL, "4440444"),
    ("0444 0 444", NATIONAL, "4440444"),
    ("444 0 444", E164, "+904440444"),
    # International: 00 + country code from Turkey, or +CC.
    ("+44 20 7946 0958", NATIONAL, "00442079460958"),
    ("0044 20 7946 0958", NATIONAL, "00442079460958"),
    ("+44 20 7946 0958", E164, "+442079460958"),
    ("+49 1511 2345678", NATIONAL, "004915112345678"),
    ("+1 202-555-0123", NATIONAL, "0012025550123"),
    # Extensions and short codes pass through untouched.
    ("1004", NATIONAL, "1004"),
    ("12", NATIONAL, "12"),
    ("112", NATIONAL, "112"),
    ("155", E164, "155"),
    ("100200", NATIONAL, "100200"),
    # tel:
    ("tel:+90-532-123-4567", NATIONAL, "05321234567"),
    ("tel:+90-532-123-4567", E164, "+905321234567"),
    ("tel:%2B90%20532%20123%2045%2067", NATIONAL, "05321234567"),  # %20 is a space, not "20"
    ("tel:%2B90%20532%20123%2045%2067", E164, "+905321234567"),
    ("tel://05321234567", NATIONAL, "05321234567"),
    ("tel://+905321234567/", NATIONAL, "05321234567"),  # trailing slash some browsers add
    ("tel:05321234567;ext=123", NATIONAL, "05321234567"),  # ext is NOT dialled
    ("tel:+905321234567;phone-context=example.com", NATIONAL, "05321234567"),
    ("tel:+905321234567?call", NATIONAL, "05321234567"),
    ("tel:905321234567", NATIONAL, "05321234567"),  # lost '+'
    ("TEL:+905321234567", NATIONAL, "05321234567"),
    ("  tel:+905321234567  ", NATIONAL, "05321234567"),
    ("tel:1004", NATIONAL, "1004"),
    ("tel:112", NATIONAL, "112"),
    ("tel:+90%C2%A0532%C2%A0123%C2%A045%C2%A067", NATIONAL, "05321234567"),  # encoded NBSP
    ("tel:%2B44%2020%207946%200958", NATIONAL, "00442079460958"),
    ("Tel: 0532 123 45 67", NATIONAL, "05321234567"),  # mail signature on the clipboard
    # callto:
    ("callto:+905321234567", NATIONAL, "05321234567"),
    ("callto://+905321234567", NATIONAL, "05321234567"),
    ("callto://+905321234567/", E164, "+905321234567"),
    ("callto:0532 123 45 67", NATIONAL, "05321234567"),
    ("CALLTO:0532%20123%2045%2067", NATIONAL, "05321234567"),
    # sip: / sips:
    ("sip:05321234567@pbx.example.com", NATIONAL, "05321234567"),
    ("sip:+905321234567@pbx.example.com;user=phone", NATIONAL, "05321234567"),
    ("sip:+905321234567@pbx.example.com;user=phone", E164, "+905321234567"),
    ("sips:+905321234567@pbx.example.com", NATIONAL, "05321234567"),
    ("sip:1004@pbx", NATIONAL, "1004"),
    ("SIP:1004@pbx.example.com:5060;transport=udp", NATIONAL, "1004"),
    ("sip:%2B905321234567@pbx", NATIONAL, "05321234567"),
    ("sip:1004:secret@pbx", NATIONAL, "1004"),  # password dropped, never dialled
    ("sip:1004@pbx?subject=hello", NATIONAL, "1004"),
    ("sip://05321234567@pbx", NATIONAL, "05321234567"),
]

# (input to parse_dial_input, a fragment the reason must contain)
REFUSED: list[tuple[str, str]] = [
    ("", "empty"),
    ("   ", "empty"),
    ("tel:", "empty"),
    ("sip:@pbx", "empty"),
    ("0850 GET HELP", "letters"),
    ("O532 123 45 67", "letters"),  # letter O for zero
    ("tel:0850-GET-HELP", "letters"),
    ("sip:alice@example.com", "'alice' is not a phone number"),
    ("callto:john.smith", "is not a phone number"),
    ("http://example.com/0532", "unsupported URI scheme 'http:'"),
    ("javascript:alert(1)", "unsupported URI scheme 'javascript:'"),
    ("mailto:05321234567@example.com", "unsupported URI scheme"),
    ("tel:%252B905321234567", "'%'"),  # double-encoded: one decode leaves %2B
    ("tel:0532%3Bext=1", "';'"),  # encoded ';' cannot smuggle a parameter
    ("0532 123 45 67; rm -rf", "';'"),
    ("05321234567;", "';'"),
    ("05321234567&extension=1", "'&', '='"),
    ("0532 123 45 67 ext 12", "letters"),
    ("0532=1234567", "'='"),
    ("0532\n1234567", "'\\n'"),
    ("0532%201234567", "'%'"),  # plain input is never percent-decoded
    ('"05321234567"', "'\"'"),
    ("*21#", "'#', '*'"),
    ("0532+1234567", "'+' is only allowed once, at the start"),
    ("++905321234567", "'+' is only allowed once"),
    ("+", "no digits"),
    ("--", "no digits"),
    ("5", "too short"),
    ("+1", "too short"),
    ("00-90", "too short after the international prefix"),
    ("0 5 3", "too short"),
    ("1234567", "not a valid number for region TR"),  # 7 digits, not a 444 number
    ("0132 123 45 67", "not a valid number for region TR"),  # no such area code
    ("0532 123 45 6", "not a valid number for region TR"),
    ("+44 20 7946 09581234", "too long for country code +44"),
    ("+999 123456", "unknown country code"),
    ("tel:442079460958", "not a valid number for region TR"),  # only +90 is recovered
    ("0" * 65, "longer than 64 characters"),
    ("tel:" + "0" * 300, "longer than 256 characters"),
    ("\u0660\u0665\u0663\u0662", "not allowed"),  # Arabic-Indic digits
]


@pytest.mark.parametrize(("text", "fmt", "expected"), ACCEPTED)
def test_accepted_shapes(text: str, fmt: DialFormat, expected: str) -> None:
    target = parse_dial_input(text, fmt=fmt)
    assert target.number == expected
    assert NUMBER_RE.fullmatch(target.number)
    assert target.source == text.strip()
    if fmt is NATIONAL:
        assert "+" not in target.number


@pytest.mark.parametrize(("text", "fragment"), REFUSED)
def test_refused_shapes(text: str, fragment: str) -> None:
    with pytest.raises(InvalidNumber) as info:
        parse_dial_input(text)
    assert info.value.reason.strip()
    assert fragment in info.value.reason
    assert str(info.value) == info.value.reason


def test_tables_are_large_enough() -> None:
    assert len(ACCEPTED) + len(REFUSED) >= 40


def test_encoded_spaces_never_become_digits() -> None:
    target = parse_dial_uri("tel:%2B90%20532%20123%2045%2067")
    assert target.number == "05321234567"
    assert target.number.count("20") == 0


def test_mobile_display_and_flags() -> None:
    assert normalize("+90 532 123 45 67") == DialTarget(
        number="05321234567",
        display="0532 123 45 67",
        is_extension=False,
        source="+90 532 123 45 67",
    )
    e164 = normalize("05321234567", fmt=DialFormat.E164)
    assert e164.display == "+90 532 123 45 67"


def test_extension_display_and_flags() -> None:
    assert normalize(" 1004 ") == DialTarget("1004", "1004", True, "1004")
    assert parse_dial_uri("sip:1004@pbx").is_extension
    assert parse_dial_uri("sip:1004@pbx").source == "sip:1004@pbx"


def test_separated_short_digits_are_not_an_extension() -> None:
    # Only plain 2-6 digits pass through; "10 04" is read as a (too short) phone number.
    with pytest.raises(InvalidNumber):
        normalize("10 04")


def test_foreign_display_uses_international_prefix() -> None:
    assert normalize("+44 20 7946 0958").display == "00 44 20 7946 0958"


def test_region_parameter() -> None:
    assert normalize("020 7946 0958", region="GB").number == "02079460958"
    assert normalize("0532 123 45 67", region="tr").number == "05321234567"
    assert normalize("+90 532 123 45 67", region="GB").number == "00905321234567"


def test_unknown_region_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="unknown phone region") as info:
        normalize("05321234567", region="XX")
    assert not isinstance(info.value, InvalidNumber)


def test_format_accepts_setting_strings() -> None:
    fmt = DialFormat("e164")
    assert normalize("05321234567", fmt=fmt).number == "+905321234567"
    assert str(DialFormat.NATIONAL) == "national"


def test_refusal_carries_source() -> None:
    with pytest.raises(InvalidNumber) as info:
        parse_dial_uri("  sip:alice@example.com ")
    assert info.value.source == "sip:alice@example.com"


def test_parse_dial_uri_rejects_plain_numbers() -> None:
    with pytest.raises(InvalidNumber, match="not a tel:"):
        parse_dial_uri("05321234567")


def test_normalize_does_not_read_links() -> None:
    with pytest.raises(InvalidNumber, match="not allowed in a phone number: ':'"):
        normalize("tel:05321234567")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tel:+905321234567", True),
        ("TEL:0532", True),
        ("  callto://+90532", True),
        ("sip:1004@pbx", True),
        ("SIPS:1004@pbx", True),
        ("tel:", True),
        ("05321234567", False),
        ("+905321234567", False),
        ("http://example.com", False),
        ("telnet:host", False),
        ("sipx:1004", False),
        ("", False),
        ("tel", False),
    ],
)
def test_looks_like_dial_uri(text: str, expected: bool) -> None:
    assert looks_like_dial_uri(text) is expected


def test_parse_dial_input_routes_both_kinds() -> None:
    assert parse_dial_input("0532 123 45 67").number == "05321234567"
    assert parse_dial_input("tel:0532-123-45-67").number == "05321234567"
    assert parse_dial_input("sip:1004@pbx").number == "1004"
    with pytest.raises(InvalidNumber, match="unsupported URI scheme"):
        parse_dial_input("ftp:05321234567")


# Property-style sweep: whatever comes in, either a clean number or a refusal with a reason.
NOISE = [
    "",
    "+",
    "00",
    "0532 123 45 67 ",
    "tel:;ext=1",
    "tel:?",
    "sip:",
    "sip:@",
    "callto://",
    "tel:%",
    "tel:%zz",
    "tel:%FF%FE",
    "tel:%00",
    "tel:+%2B90",
    "\t0532\t123\t45\t67",
    "0532\u2013123\u201345\u201367",
    "0532\u00a0\u00a0\u00a0123",
    "١٢٣٤",
    "05321234567\x00",
    "tel:05321234567#",
    "+90 532 123 45 67 (mobile)",
    "0 (532) 123-45-67",
    "+90-(532)-123-45-67",
    "(0090)5321234567",
    "0090 0532 123 45 67",
    "sip:+90 532 123 45 67@host",
    "sips://alice:pw@host",
    "tel:+905321234567;ext=1;isub=2?x=y",
    *(entry[0] for entry in ACCEPTED),
    *(entry[0] for entry in REFUSED),
]


@pytest.mark.parametrize("text", NOISE)
@pytest.mark.parametrize("fmt", list(DialFormat))
def test_result_is_clean_or_refusal_has_reason(text: str, fmt: DialFormat) -> None:
    try:
        target = parse_dial_input(text, fmt=fmt)
    except InvalidNumber as exc:
        assert exc.reason.strip()
        return
    assert NUMBER_RE.fullmatch(target.number)
    if fmt is DialFormat.NATIONAL or target.is_extension:
        assert not target.number.startswith("+")
    assert target.display


# -- numbers inside text ---------------------------------------------------------------------


def test_the_number_inside_a_text_is_found():
    from agentbar.core.phone import parse_dial_text

    assert parse_dial_text("Müşteri Ayşe, cep: 0532 123 45 67").number == "05321234567"
    assert parse_dial_text("Tel: +90 (212) 555 01 01 / dahili 12").number == "02125550101"
    assert parse_dial_text("1004").number == "1004"  # a plain number as before


def test_several_numbers_in_a_text_are_all_offered_in_order():
    from agentbar.core.phone import SeveralNumbers, parse_dial_text

    with pytest.raises(SeveralNumbers) as caught:
        parse_dial_text("Ayşe 0532 123 45 67, Ali 0533 765 43 21, Ayşe 0532 123 45 67")
    assert [t.number for t in caught.value.targets] == ["05321234567", "05337654321"]


def test_a_text_without_a_number_keeps_its_reason():
    from agentbar.core.phone import numbers_in_text, parse_dial_text

    with pytest.raises(InvalidNumber) as caught:
        parse_dial_text("abc; rm -rf")
    assert "not allowed" in str(caught.value)
    assert numbers_in_text("x" * 100_000 + " 0532 123 45 67") == []  # only the first 1000
