"""Phone number normalisation (phonenumbers) and tel:/callto:/sip:/sips: link parsing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING
from urllib.parse import unquote

from agentbar.api.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from phonenumbers import PhoneNumber

# phonenumbers is imported by the functions that use it: it is a large import (with its
# metadata), which start-up need not pay before the first number is parsed (bench/startup.py).

__all__ = [
    "MAX_INPUT_LENGTH",
    "MAX_URI_LENGTH",
    "SEPARATORS",
    "URI_SCHEMES",
    "DialFormat",
    "DialTarget",
    "InvalidNumber",
    "MAX_TEXT_LENGTH",
    "SeveralNumbers",
    "link_risk",
    "looks_like_dial_uri",
    "normalize",
    "numbers_in_text",
    "parse_dial_input",
    "parse_dial_text",
    "parse_dial_uri",
]

#: Longest plain number text accepted (after trimming surrounding whitespace).
MAX_INPUT_LENGTH = 64
#: Longest link accepted; the number inside it is then held to MAX_INPUT_LENGTH.
MAX_URI_LENGTH = 256
#: Longest free text searched for the numbers in it (a pasted note or mail signature).
MAX_TEXT_LENGTH = 1000
#: At most this many numbers are offered from one text.
MAX_NUMBERS_IN_TEXT = 9
#: Characters removed as visual grouping: the spec's space, NBSP, - . ( ) / plus the narrow
#: no-break space, thin space, non-breaking hyphen and en dash that word processors and mail
#: signatures substitute for them. None of them can reach the API.
SEPARATORS = frozenset(" \u00a0\u202f\u2009-\u2011\u2013.()/")
#: Link schemes we dial, lower case.
URI_SCHEMES = ("tel", "callto", "sip", "sips")

_DIGITS = frozenset("0123456789")
_EXTENSION_RE = re.compile(r"[0-9]{2,6}")
_NUMBER_RE = re.compile(r"\+?[0-9]+")
_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_DIAL_URI_RE = re.compile(r"\s*(?:tel|callto|sips?):", re.IGNORECASE)
# Schemes whose user part may legitimately be a name rather than a number.
_NAMED_SCHEMES = frozenset({"callto", "sip", "sips"})


class DialFormat(StrEnum):
    """How a number is written into the API's `number` parameter (a user setting)."""

    NATIONAL = "national"
    """What you dial from a desk phone in the region: 05321234567, 00442079460958."""
    E164 = "e164"
    """International form with a plus: +905321234567."""


@dataclass(frozen=True, slots=True)
class DialTarget:
    """A number that is safe to dial.

    `number` goes verbatim into the API's `number` parameter and always matches
    ``^\\+?[0-9]+$`` (a `+` only in E164 format). `display` is the grouped human form to show
    before dialling. `source` is the text the user or link gave, without surrounding
    whitespace, for messages.
    """

    number: str
    display: str
    is_extension: bool
    source: str


class InvalidNumber(ValueError):
    """The input cannot be dialled; `reason` says why in a short English phrase.

    `str(exc)` is the reason. `source` is the offending input (may be empty). `template` and
    `params` let the UI show the reason in the user's language: the template is marked for
    translation (context ``phone``) and filled with ``template.format(**params)``.
    """

    def __init__(self, template: str, source: str = "", **params: str) -> None:
        reason = template.format(**params)
        super().__init__(reason)
        self.reason = reason
        self.template = template
        self.params = params
        self.source = source


class SeveralNumbers(InvalidNumber):
    """The text holds more than one number; ``targets`` are they, in order (ask which one)."""

    def __init__(self, targets: list[DialTarget], source: str) -> None:
        template = QT_TRANSLATE_NOOP("phone", "the text holds {count} numbers")
        super().__init__(template, source, count=str(len(targets)))
        self.targets = tuple(targets)


def normalize(
    text: str, *, region: str = "TR", fmt: DialFormat = DialFormat.NATIONAL
) -> DialTarget:
    """Turn a typed or pasted number into a DialTarget, or raise InvalidNumber.

    Rules, in order:

    - Surrounding whitespace is trimmed; more than MAX_INPUT_LENGTH characters is refused.
    - Exactly 2-6 ASCII digits with nothing else (``1004``, ``112``, ``155``) is an internal
      extension or a short/emergency code and passes through untouched
      (``is_extension=True``); the PBX decides what it means.
    - Otherwise only ASCII digits, SEPARATORS and one `+` before the first digit are allowed.
      Letters are refused, never converted (no vanity numbers); any other character (``;``,
      ``&``, ``=``, ``%``, quotes, newlines, non-ASCII digits ...) is refused.
    - The digits are read by phonenumbers in `region`: ``+90 …``, ``0090 …``, ``0532 …``,
      ``532 …`` and a lost plus (``905321234567``: 12 digits cannot be a Turkish national
      number, so phonenumbers reads the leading 90 as the country code) are all accepted.
      Service numbers such as ``444 0 444`` are valid and, as phonenumbers formats them,
      dialled without the trunk 0 (``4440444``). Numbers that are not valid for their
      country (``is_valid_number``) are refused, even when their length is possible.
    - NATIONAL writes the number as dialled from `region`: trunk prefix for home numbers
      (``05321234567``), the region's international prefix for foreign ones
      (``00442079460958`` from TR). E164 writes ``+905321234567``.

    Pure and fast; never blocks. Raises ValueError (not InvalidNumber) for an unknown
    `region`, which is a configuration error rather than a bad number.
    """
    return _normalize(text, source=text.strip(), region=region, fmt=fmt, named=False)


def looks_like_dial_uri(text: str) -> bool:
    """True when `text` starts (after whitespace) with tel:, callto:, sip: or sips:, any case.

    Only the scheme is checked; parse_dial_uri may still refuse the rest.
    """
    return _DIAL_URI_RE.match(text) is not None


def parse_dial_uri(
    uri: str, *, region: str = "TR", fmt: DialFormat = DialFormat.NATIONAL
) -> DialTarget:
    """Read the number from a tel:, callto:, sip: or sips: link, or raise InvalidNumber.

    - The scheme is case-insensitive; surrounding whitespace is trimmed; links longer than
      MAX_URI_LENGTH are refused. Other schemes (``http:``, ``javascript:``) are refused.
    - A ``//`` after the scheme (``tel://0532…``, ``callto://+90…``) is skipped.
    - A ``?query`` (or SIP headers) is dropped. For sip:/sips: only the user part before
      ``@`` is read (a ``:password`` is dropped); the host is ignored, because the PBX dials
      through its own trunk.
    - ``;parameters`` are dropped: ``;phone-context=`` is not applied (a local number is read
      in `region`), and ``;ext=123`` is NOT dialled - the API has no way to send digits after
      the call connects, so the agent keys the extension in by hand.
    - The number part is then percent-decoded exactly once (``%2B90`` -> ``+90``, ``%20`` ->
      a space separator, never the digits 20) and checked with the rules of normalize(), so
      a double-encoded ``%252B`` is refused, and an encoded ``%3B`` cannot smuggle a ``;``.
    - A sip:/sips:/callto: user part with letters (``sip:alice@host``) is "not a phone
      number".

    `source` on the result and on the error is the trimmed link.
    """
    source = uri.strip()
    if not source:
        raise InvalidNumber(QT_TRANSLATE_NOOP("phone", "empty"), source)
    if len(source) > MAX_URI_LENGTH:
        raise InvalidNumber(_LONGER, source, limit=str(MAX_URI_LENGTH))
    match = _SCHEME_RE.match(source)
    if match is None:
        raise InvalidNumber(
            QT_TRANSLATE_NOOP("phone", "not a tel:, callto:, sip: or sips: link"), source
        )
    scheme = match.group(1).lower()
    if scheme not in URI_SCHEMES:
        raise InvalidNumber(
            QT_TRANSLATE_NOOP("phone", "unsupported URI scheme {scheme}"),
            source,
            scheme=repr(scheme + ":"),
        )

    rest = source[match.end() :]
    if rest.startswith("//"):
        rest = rest[2:]
    rest = rest.partition("?")[0]
    if scheme in ("sip", "sips"):
        rest = rest.partition("@")[0].partition(":")[0]
    rest = rest.partition(";")[0]
    # Decode after splitting, so encoded delimiters stay inside the number and are refused.
    number = unquote(rest)
    return _normalize(number, source=source, region=region, fmt=fmt, named=scheme in _NAMED_SCHEMES)


def link_risk(
    target: DialTarget,
    *,
    region: str = "TR",
    extension_lengths: tuple[int, int] = (3, 5),
    international: bool = True,
) -> str | None:
    """Why a link to ``target`` must not dial without an explicit yes, or None.

    A link is text from outside (a web page, a mail, a spreadsheet): it may name anything.
    The reason is a template marked for translation (context ``phone``), for the question.

    - An emergency number of ``region`` (``112``, ``155``, ``110``) or a number that
      connects to one: always asked.
    - A short service number of ``region`` (``156``, ``177``, ``184``: a valid short number
      in phonenumbers' short-number data): asked. ``is_possible_short_number`` alone does
      not decide, since every 3-6 digit string is a possible short number in Turkey, and so
      is every extension of the site.
    - Any other 2-6 digit "extension" whose length is outside ``extension_lengths`` (the
      site's extensions, inclusive) is refused: raises InvalidNumber.
    - A premium-rate number (``0900 …``): asked.
    - With ``international``, a number outside ``region``'s country code: asked.

    Pure and fast; raises ValueError for an unknown ``region`` (a configuration error).
    """
    import phonenumbers
    from phonenumbers import PhoneNumberType, shortnumberinfo

    region_code = _check_region(region)
    number = target.number
    if target.is_extension:
        if phonenumbers.connects_to_emergency_number(number, region_code):
            return QT_TRANSLATE_NOOP("phone", "an emergency number")
        short = phonenumbers.parse(number, region_code)
        if shortnumberinfo.is_valid_short_number_for_region(short, region_code):
            return QT_TRANSLATE_NOOP("phone", "a short service number")
        low, high = extension_lengths
        if not low <= len(number) <= high:
            raise InvalidNumber(
                QT_TRANSLATE_NOOP(
                    "phone", "not an extension of this site ({low} to {high} digits)"
                ),
                target.source,
                low=str(low),
                high=str(high),
            )
        return None
    phone = phonenumbers.parse(number, region_code)
    if phonenumbers.number_type(phone) == PhoneNumberType.PREMIUM_RATE:
        return QT_TRANSLATE_NOOP("phone", "a premium-rate number")
    if international and phone.country_code != phonenumbers.country_code_for_region(region_code):
        return QT_TRANSLATE_NOOP("phone", "an international number")
    return None


def parse_dial_input(
    text: str, *, region: str = "TR", fmt: DialFormat = DialFormat.NATIONAL
) -> DialTarget:
    """Read a plain number or a link: what the dial field, command line and clipboard use.

    Text that starts with a URI scheme (``word:``) goes to parse_dial_uri, so ``http:…``
    is refused as an unsupported scheme and ``Tel: 0532 123 45 67`` copied from a mail
    signature is read as a tel: link. Anything else goes to normalize().
    """
    if _SCHEME_RE.match(text.strip()):
        return parse_dial_uri(text, region=region, fmt=fmt)
    return normalize(text, region=region, fmt=fmt)


def numbers_in_text(
    text: str, *, region: str = "TR", fmt: DialFormat = DialFormat.NATIONAL
) -> list[DialTarget]:
    """The valid numbers phonenumbers' matcher finds in free text, in order, without repeats.

    ``Müşteri Ayşe, cep: 0532 123 45 67`` gives 0532 123 45 67; ``Tel: +90 (212) 555 01 01 /
    dahili 12`` gives 0212 555 01 01 (an extension after the number is not dialled). Only
    the first MAX_TEXT_LENGTH characters are read and at most MAX_NUMBERS_IN_TEXT numbers
    returned, so a huge paste costs nothing. Pure; raises ValueError for an unknown region.
    """
    import copy

    import phonenumbers

    region_code = _check_region(region)
    found: dict[str, DialTarget] = {}
    matcher = phonenumbers.PhoneNumberMatcher(
        text[:MAX_TEXT_LENGTH], region_code, leniency=phonenumbers.Leniency.VALID
    )
    for match in matcher:
        number = copy.copy(match.number)
        number.extension = None
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        try:
            target = _normalize(e164, source=match.raw_string, region=region, fmt=fmt, named=False)
        except InvalidNumber:
            continue
        found.setdefault(target.number, target)
        if len(found) >= MAX_NUMBERS_IN_TEXT:
            break
    return list(found.values())


def parse_dial_text(
    text: str, *, region: str = "TR", fmt: DialFormat = DialFormat.NATIONAL
) -> DialTarget:
    """:func:`parse_dial_input`, else the one number inside the text (:func:`numbers_in_text`).

    Raises SeveralNumbers when the text holds more than one number, and the whole text's
    InvalidNumber when it holds none. Pure and fast.
    """
    try:
        return parse_dial_input(text, region=region, fmt=fmt)
    except InvalidNumber as exc:
        found = numbers_in_text(text, region=region, fmt=fmt)
        if not found:
            raise exc from None
        if len(found) == 1:
            return found[0]
        raise SeveralNumbers(found, text.strip()[:MAX_URI_LENGTH]) from None


def _normalize(text: str, *, source: str, region: str, fmt: DialFormat, named: bool) -> DialTarget:
    region_code = _check_region(region)
    text = text.strip()
    if not text:
        raise InvalidNumber(QT_TRANSLATE_NOOP("phone", "empty"), source)
    if len(text) > MAX_INPUT_LENGTH:
        raise InvalidNumber(_LONGER, source, limit=str(MAX_INPUT_LENGTH))
    if _EXTENSION_RE.fullmatch(text):
        return DialTarget(number=text, display=text, is_extension=True, source=source)

    compact = _strip_separators(text, source=source, named=named)
    phone = _parse(compact, source=source, region=region_code)
    import phonenumbers
    from phonenumbers import PhoneNumberFormat

    if fmt == DialFormat.E164:
        number = phonenumbers.format_number(phone, PhoneNumberFormat.E164)
        display = phonenumbers.format_number(phone, PhoneNumberFormat.INTERNATIONAL)
    else:
        display = phonenumbers.format_out_of_country_calling_number(phone, region_code)
        plus = "+" if display.lstrip().startswith("+") else ""
        number = plus + "".join(c for c in display if c in _DIGITS)
    if not _NUMBER_RE.fullmatch(number):  # defensive: nothing else may reach the API
        raise InvalidNumber(
            QT_TRANSLATE_NOOP("phone", "cannot be written as a dialable number"), source
        )
    return DialTarget(number=number, display=display, is_extension=False, source=source)


def _check_region(region: str) -> str:
    import phonenumbers

    code = region.upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"unknown phone region {region!r}")
    return code


def _strip_separators(text: str, *, source: str, named: bool) -> str:
    """Return `text` as ``+?digits`` or raise InvalidNumber saying which characters are wrong."""
    letters = any(c.isalpha() for c in text)
    if letters and named:  # a SIP/Skype user name, not a number with a typo
        raise InvalidNumber(
            QT_TRANSLATE_NOOP("phone", "{text} is not a phone number"), source, text=repr(text)
        )
    allowed = _DIGITS | SEPARATORS | {"+"}
    bad = sorted({c for c in text if c not in allowed and not c.isalpha()})
    if bad:  # before letters, so "%2B" is reported as the '%' it is
        shown = ", ".join(repr(c) for c in bad[:5])
        raise InvalidNumber(
            QT_TRANSLATE_NOOP(
                "phone", "contains characters not allowed in a phone number: {chars}"
            ),
            source,
            chars=shown,
        )
    if letters:
        raise InvalidNumber(
            QT_TRANSLATE_NOOP("phone", "contains letters (letters are not converted to digits)"),
            source,
        )
    compact = "".join(c for c in text if c not in SEPARATORS)
    if not compact.strip("+"):
        raise InvalidNumber(QT_TRANSLATE_NOOP("phone", "contains no digits"), source)
    if "+" in compact[1:]:
        raise InvalidNumber(
            QT_TRANSLATE_NOOP("phone", "'+' is only allowed once, at the start"), source
        )
    return compact


def _parse(compact: str, *, source: str, region: str) -> PhoneNumber:
    """Parse ``+?digits`` with phonenumbers and insist on a valid number."""
    import phonenumbers
    from phonenumbers import NumberParseException, ValidationResult

    if len(compact.lstrip("+")) < 3:
        raise InvalidNumber(QT_TRANSLATE_NOOP("phone", "too short"), source)
    try:
        phone = phonenumbers.parse(compact, region)
    except NumberParseException as exc:
        reason = next(
            (
                r
                for name, r in _PARSE_REASONS
                if getattr(NumberParseException, name) == exc.error_type
            ),
            QT_TRANSLATE_NOOP("phone", "not a phone number"),
        )
        raise InvalidNumber(reason, source) from exc
    cc = phone.country_code
    at_home = cc == phonenumbers.country_code_for_region(region)
    where = {"region": region} if at_home else {"cc": str(cc)}
    possible = phonenumbers.is_possible_number_with_reason(phone)
    if possible == ValidationResult.INVALID_COUNTRY_CODE:
        raise InvalidNumber(
            QT_TRANSLATE_NOOP("phone", "unknown country code +{cc}"), source, cc=str(cc)
        )
    for result, home, abroad in _LENGTH_REASONS:
        if possible == getattr(ValidationResult, result):
            raise InvalidNumber(home if at_home else abroad, source, **where)
    if possible == ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        raise InvalidNumber(QT_TRANSLATE_NOOP("phone", "missing the area code"), source)
    if not phonenumbers.is_valid_number(phone):
        template = QT_TRANSLATE_NOOP("phone", "not a valid number for region {region}")
        if not at_home:
            template = QT_TRANSLATE_NOOP("phone", "not a valid number for country code +{cc}")
        raise InvalidNumber(template, source, **where)
    return phone


# (NumberParseException error type name, reason)
_PARSE_REASONS = (
    ("INVALID_COUNTRY_CODE", QT_TRANSLATE_NOOP("phone", "unknown country code")),
    ("NOT_A_NUMBER", QT_TRANSLATE_NOOP("phone", "not a phone number")),
    (
        "TOO_SHORT_AFTER_IDD",
        QT_TRANSLATE_NOOP("phone", "too short after the international prefix"),
    ),
    ("TOO_SHORT_NSN", QT_TRANSLATE_NOOP("phone", "too short")),
    ("TOO_LONG", QT_TRANSLATE_NOOP("phone", "too long")),
)
_LONGER = QT_TRANSLATE_NOOP("phone", "longer than {limit} characters")
# (ValidationResult name, reason at home, reason for another country)
_LENGTH_REASONS = (
    (
        "TOO_SHORT",
        QT_TRANSLATE_NOOP("phone", "too short for region {region}"),
        QT_TRANSLATE_NOOP("phone", "too short for country code +{cc}"),
    ),
    (
        "TOO_LONG",
        QT_TRANSLATE_NOOP("phone", "too long for region {region}"),
        QT_TRANSLATE_NOOP("phone", "too long for country code +{cc}"),
    ),
    (
        "INVALID_LENGTH",
        QT_TRANSLATE_NOOP("phone", "wrong number of digits for region {region}"),
        QT_TRANSLATE_NOOP("phone", "wrong number of digits for country code +{cc}"),
    ),
)
