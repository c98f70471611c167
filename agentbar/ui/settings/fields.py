"""Building blocks of the settings form: rows and headings, messages, regions, field checks."""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

import phonenumbers
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from agentbar.core.settings import validate_server_url

__all__ = [
    "COMMON_REGIONS",
    "ERROR_COLOUR",
    "OK_COLOUR",
    "WARN_COLOUR",
    "Form",
    "box",
    "combo",
    "describe",
    "message",
    "region_items",
    "screen_pop_problem",
    "url_problem",
]

#: Offered first, in this order; every other region phonenumbers knows follows, A to Z.
COMMON_REGIONS = ("TR", "DE", "GB", "US", "NL", "FR", "AZ", "AT", "BE", "CH")
# Dark enough to read on a light background; the text always says it too (✔ ✖ ⚠).
OK_COLOUR, ERROR_COLOUR, WARN_COLOUR = "#1b6e2d", "#b3261e", "#8a5100"


def region_items(current: str) -> list[tuple[str, str]]:
    """(code, "TR — Türkiye") for the common regions, then the rest; ``current`` always in."""
    rest = sorted(set(phonenumbers.SUPPORTED_REGIONS) - set(COMMON_REGIONS))
    codes = [*COMMON_REGIONS, *rest]
    items = []
    for code in codes if current in codes else [current, *codes]:
        territory = QLocale.codeToTerritory(code)
        known = territory != QLocale.Country.AnyTerritory
        items.append((code, f"{code} — {QLocale.territoryToString(territory)}" if known else code))
    return items


def box(*widgets: QWidget, stretch: int = -1, vertical: bool = False) -> QWidget:
    """Widgets in a row (or column) without margins; ``widgets[stretch]`` takes the spare room.

    Messages sit under their field in a column: QFormLayout would size a wrapped label by its hint.
    """
    holder = QWidget()
    layout = QVBoxLayout(holder) if vertical else QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if index == stretch else 0)
    return holder


def message(name: str, text: str = "", colour: str = "") -> QLabel:
    """A hidden, word-wrapped message label named ``name`` for screen readers."""
    label = QLabel(text, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # server messages, paths: never rich text
    label.setAccessibleName(name)
    label.setStyleSheet(f"color: {colour};" if colour else "")
    label.setVisible(False)
    return label


def describe(widget: QWidget, name: str, tip: str) -> None:
    """Give ``widget`` its accessible name and tooltip (never put a secret in either)."""
    widget.setAccessibleName(name)
    widget.setToolTip(tip)


def combo(items: list[tuple[str, str]], current: str) -> QComboBox:
    """A combo box of (value, text) items with ``current`` (or the first) selected."""
    widget = QComboBox()
    for value, text in items:
        widget.addItem(text, value)
    widget.setCurrentIndex(max(widget.findData(current), 0))
    return widget


class Form(QFormLayout):
    """A form whose rows are named after their labels, with bold section headings."""

    def __init__(self) -> None:
        super().__init__()
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def heading(self, text: str) -> None:
        label = QLabel(text, indent=0)  # a top margin would otherwise indent the text too
        label.setStyleSheet(f"font-weight: bold; margin-top: {6 if self.rowCount() else 0}px")
        self.addRow(label)

    def row(
        self, label: str, field: QWidget, tip: str, *notes: QLabel, shown: QWidget | None = None
    ) -> None:
        """A row for ``field`` (inside ``shown``), ``notes`` under it; named after its label."""
        buddy = QLabel(label)
        buddy.setBuddy(field)
        describe(field, label.replace("&", "").rstrip(":"), tip)
        shown = shown or field
        self.addRow(buddy, box(shown, *notes, vertical=True) if notes else shown)


def url_problem(url: str) -> str | None:
    """Why ``url`` is unusable, in ``validate_server_url``'s words, translated when known."""
    problem = validate_server_url(url)
    if problem is None:
        return None
    # Keyed by sample addresses: a reworded core sentence still shows, untranslated.
    # Translated in the dialog's context, where these texts have always been.
    known = {
        "": QCoreApplication.translate(
            "SettingsDialog", "Enter the server address, for example https://pbx.example.com."
        ),
        "https://a b": QCoreApplication.translate(
            "SettingsDialog", "The server address must not contain spaces."
        ),
        "ftp://pbx": QCoreApplication.translate(
            "SettingsDialog", "The server address must start with https:// or http://."
        ),
        "https://": QCoreApplication.translate(
            "SettingsDialog", "The server address has no host name."
        ),
        "https://u:p@pbx": QCoreApplication.translate(
            "SettingsDialog", "Do not put a user name or password in the server address."
        ),
        "https://pbx/?a": QCoreApplication.translate(
            "SettingsDialog", "The server address must not contain '?' or '#'."
        ),
        "https://pbx:99999": QCoreApplication.translate(
            "SettingsDialog", "The server address is not valid (check the host name and port)."
        ),
    }
    translated = {validate_server_url(sample): text for sample, text in known.items()}
    return translated.get(problem, problem)


def screen_pop_problem(template: str) -> str | None:
    """Why a screen-pop template is unusable ("" is fine: no screen pop), or None."""
    if template and "{phone}" not in template:
        return QCoreApplication.translate(
            "SettingsDialog", "The screen-pop URL must contain {phone}, where the number goes."
        )
    with contextlib.suppress(ValueError):  # a malformed address, e.g. "https://[x"
        parts = urlsplit(template.replace("{phone}", "0"))
        if not template or (parts.scheme.lower() in ("http", "https") and parts.hostname):
            return None
    return QCoreApplication.translate(
        "SettingsDialog", "The screen-pop URL must start with https:// or http://."
    )
