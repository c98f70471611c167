"""Request parameters the PHP way (``$_REQUEST``, ``name[]`` arrays) and their validation."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time

from agentbar.sim.errors import SimFailure

ParamValue = str | list[str]
_DIGITS = re.compile(r"[0-9]+")
_PHONE = re.compile(r"\+?[0-9]{2,20}")


def merge(*sources: Iterable[tuple[str, str]]) -> dict[str, ParamValue]:
    """Merge query and body pairs like PHP: later sources win; ``a[]`` and repeats are lists."""
    merged: dict[str, ParamValue] = {}
    for pairs in sources:
        seen: dict[str, list[str]] = {}
        for key, value in pairs:
            name = key[:-2] if key.endswith("[]") else key
            seen.setdefault(name, []).append(value)
            merged[name] = seen[name] if key.endswith("[]") or len(seen[name]) > 1 else value
    return merged


class Params:
    """Read access to a request's parameters with the simulator's Turkish refusals."""

    def __init__(self, values: Mapping[str, ParamValue]) -> None:
        self._values = values

    def get(self, name: str) -> str | None:
        """The value (the last one for an array, as PHP would), stripped; None if absent/blank."""
        value = self._values.get(name)
        if isinstance(value, list):
            value = value[-1] if value else None
        value = value.strip() if value is not None else None
        return value or None

    def require(self, name: str) -> str:
        """The value, or SimFailure "<name> parametresi eksik."."""
        value = self.get(name)
        if value is None:
            raise SimFailure(f"{name} parametresi eksik.")
        return value

    def items(self, name: str) -> list[str]:
        """An array parameter (``name[]=a&name[]=b`` or repeats); a single value is a list of 1."""
        value = self._values.get(name)
        values = value if isinstance(value, list) else ([value] if value is not None else [])
        return [v.strip() for v in values if v.strip()]


def digits(value: str, message: str) -> str:
    """``value`` if it is all digits, else SimFailure(message)."""
    if not _DIGITS.fullmatch(value):
        raise SimFailure(message)
    return value


def agent_number(p: Params, name: str = "agent") -> str:
    """A required agent number."""
    return digits(p.require(name), "Geçersiz agent numarası.")


def extension(p: Params, name: str = "extension") -> str:
    """A required extension number (existence is checked by the state)."""
    return digits(p.require(name), "Geçersiz dahili numarası.")


def phone(p: Params, name: str) -> str:
    """A required phone number: digits with an optional leading ``+``."""
    value = p.require(name)
    if not _PHONE.fullmatch(value):
        raise SimFailure("Geçersiz telefon numarası.")
    return value


def account(p: Params) -> str:
    """A required queue number (``account``)."""
    return digits(p.require("account"), "Geçersiz kuyruk numarası.")


def campaign_id(value: str) -> int:
    """A campaign id (``id_campaign``)."""
    return int(digits(value, "Geçersiz kampanya numarası."))


def integer(value: str, name: str) -> int:
    """A non-negative integer parameter."""
    return int(digits(value, f"Geçersiz {name} değeri."))


def day(value: str, name: str) -> date:
    """A ``YYYY-MM-DD`` date."""
    try:
        if len(value) == 10:
            return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        pass
    raise SimFailure(f"Geçersiz {name} değeri (YYYY-MM-DD bekleniyor).")


def clock_time(value: str, name: str) -> time:
    """A ``HH:MM:SS`` time of day."""
    try:
        if len(value) == 8:
            return datetime.strptime(value, "%H:%M:%S").time()
    except ValueError:
        pass
    raise SimFailure(f"Geçersiz {name} değeri (HH:MM:SS bekleniyor).")


def moment(value: str, name: str, end_of_day: bool) -> datetime:
    """A date filter: ``YYYY-MM-DD`` (the whole day) or ``YYYY-MM-DD HH:MM:SS``."""
    if len(value) == 19:
        try:
            return datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            pass
    the_day = day(value, name)
    return datetime.combine(the_day, time(23, 59, 59) if end_of_day else time(0, 0, 0))


def flag(value: str, name: str) -> bool:
    """``true``/``false`` (also ``1``/``0``)."""
    lowered = value.lower()
    if lowered in ("true", "1"):
        return True
    if lowered in ("false", "0"):
        return False
    raise SimFailure(f"Geçersiz {name} değeri (true veya false bekleniyor).")
