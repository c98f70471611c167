"""parse_datetime: the fast path for the usual shape answers exactly as strptime does."""

from __future__ import annotations

from datetime import datetime

import pytest

from agentbar.api.models import parse_datetime


def _strptime_answer(text: str) -> datetime | None:
    try:
        value = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S")
        value.timestamp()
    except (ValueError, OverflowError, OSError):
        return None
    return value


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-20 10:00:00",
        " 2026-11-20 23:59:59 ",
        "2024-02-29 12:00:00",  # a leap day
        "2026-02-29 12:00:00",  # not one
        "2026-02-31 10:00:00",
        "2026-13-01 10:00:00",
        "2026-11-20 24:00:00",
        "2026-11-20 10:60:00",
        "2026-11-20 10:00:60",
        "0001-01-01 00:00:00",
        "9999-12-31 23:59:59",
        "2026-11-20 1:00:00",  # not the plain shape: strptime's path
    ],
)
def test_the_plain_shape_parses_as_strptime_would(text: str) -> None:
    assert parse_datetime(text) == _strptime_answer(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20T10:00:00", datetime(2026, 11, 20, 10, 0, 0)),
        ("2026-11-20 10:00", datetime(2026, 11, 20, 10, 0, 0)),
        ("20.11.2026 10:00:00", datetime(2026, 11, 20, 10, 0, 0)),
        ("2026-11-20 10:00:00+03:00", None),  # no zone-aware values mixed with naive ones
        ("２０２６-11-20 10:00:00", datetime(2026, 11, 20, 10, 0, 0)),  # strptime reads them
        ("", None),
        (None, None),
        ("bugün", None),
    ],
)
def test_other_shapes(text: str | None, expected: datetime | None) -> None:
    value = parse_datetime(text)
    assert value == expected
    assert value is None or value.tzinfo is None
