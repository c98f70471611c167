"""SettingsDialog: edit the server, agent, dialling and display settings; test the connection."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import phonenumbers
import shiboken6
from PySide6.QtCore import QLocale, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agentbar.api.errors import redact
from agentbar.core.connection_check import ConnectionReport
from agentbar.core.settings import (
    POLL_INTERVAL_RANGE_S,
    Settings,
    is_cleartext,
    validate_agent,
    validate_extension,
    validate_server_url,
)

__all__ = ["COMMON_REGIONS", "Checker", "SettingsDialog"]

log = logging.getLogger(__name__)

#: ``checker(url, api_key, wire)``, e.g. ``core.connection_check.check_connection`` with a client.
Checker = Callable[[str, str, str], Awaitable[ConnectionReport]]

#: Offered first, in this order; every other region phonenumbers knows follows, A to Z.
COMMON_REGIONS = ("TR", "DE", "GB", "US", "NL", "FR", "AZ", "AT", "BE", "CH")
# Dark enough to read on a light background; the text always says it too (✔ ✖ ⚠).
_OK_COLOUR, _ERROR_COLOUR, _WARN_COLOUR = "#1b6e2d", "#b3261e", "#8a5100"


def _region_items(current: str) -> list[tuple[str, str]]:
    """(code, "TR — Türkiye") for the common regions, then the rest; ``current`` always in."""
    rest = sorted(set(phonenumbers.SUPPORTED_REGIONS) - set(COMMON_REGIONS))
    codes = [*COMMON_REGIONS, *rest]
    items = []
    for code in codes if current in codes else [current, *codes]:
        territory = QLocale.codeToTerritory(code)
        known = territory != QLocale.Country.AnyTerritory
        items.append((code, f"{code} — {QLocale.territoryToString(territory)}" if known else code))
    return items


def _box(*widgets: QWidget, stretch: int = -1, vertical: bool = False) -> QWidget:
    """Widgets in a row (or column) without margins; ``widgets[stretch]`` takes the spare room.

    Messages sit under their field in a column: QFormLayout would size a wrapped label by its hint.
    """
    box = QWidget()
    layout = QVBoxLayout(box) if vertical else QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if index == stretch else 0)
    return box


class SettingsDialog(QDialog):
    """The settings form; read the outcome with :meth:`result_settings` and :meth:`result_key`.

    Saves nothing itself: the caller stores the settings, and the key in the keyring. The key is
    never logged, nor put into a tooltip, accessible name or description. The connection test
    runs ``checker`` as an asyncio task on the running (qasync) loop; closing cancels it.
    """

    def __init__(
        self,
        settings: Settings,
        api_key: str | None,
        *,
        key_problem: str | None = None,
        checker: Checker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._checker = checker
        self._test_task: asyncio.Task[None] | None = None
        self.setWindowTitle(self.tr("AgentBar — Settings"))
        self.setAccessibleName(self.tr("AgentBar settings"))
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._build_server(settings, api_key or "", key_problem)
        self._build_test()
        self._build_dialling(settings)
        self._build_general(settings)
        hint = self.tr("Enter the server URL, agent number and extension to save.")
        self._hint = self._message(self.tr("Why OK is unavailable"), hint)
        kind = QDialogButtonBox.StandardButton
        box = QDialogButtonBox(kind.Ok | kind.Cancel)
        self._ok, cancel = box.button(kind.Ok), box.button(kind.Cancel)
        self._describe(self._ok, self.tr("OK"), self.tr("Save the settings and close (Enter)"))
        self._describe(cancel, self.tr("Cancel"), self.tr("Close without saving (Esc)"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addStretch(1)
        layout.addWidget(self._hint)
        layout.addWidget(box)
        self.setMinimumWidth(520)
        for edit in (self._url, self._agent, self._extension, self._screen_pop):
            edit.textChanged.connect(self._refresh)
        for edited in (self._url.textChanged, self._key.textChanged, self._wire.activated):
            edited.connect(self._on_connection_edited)
        self._refresh()

    # -- building ------------------------------------------------------------------------

    def _build_server(self, settings: Settings, api_key: str, key_problem: str | None) -> None:
        self._heading(self.tr("Server"))
        self._url = QLineEdit(settings.server_url, placeholderText="https://pbx.example.com/api/")
        tip = self.tr("The address of the call-center API, from your administrator")
        self._url_error = self._message(self.tr("Server URL problem"), colour=_ERROR_COLOUR)
        warning = self.tr(
            "This address uses http://: the API key travels unencrypted. "
            "Use https:// if the server supports it."
        )
        name = self.tr("Unencrypted connection")
        self._url_warning = self._message(name, f"⚠ {warning}", _WARN_COLOUR)
        self._row(self.tr("&Server URL:"), self._url, tip, self._url_error, self._url_warning)
        hidden, placeholder = QLineEdit.EchoMode.Password, self.tr("From your administrator")
        self._key = QLineEdit(api_key, placeholderText=placeholder, echoMode=hidden)
        self._show_key = QPushButton(self.tr("S&how"))
        self._show_key.setCheckable(True)
        self._describe(self._show_key, self.tr("Show API key"), self.tr("Show or hide the key"))
        self._show_key.toggled.connect(self._on_show_key_toggled)
        tip = self.tr("The key that lets AgentBar use the server; kept in the system keyring")
        name = self.tr("API key storage problem")
        self._key_problem = self._message(name, f"⚠ {key_problem}", _WARN_COLOUR)
        self._key_problem.setVisible(bool(key_problem))
        field = _box(self._key, self._show_key, stretch=0)
        self._row(self.tr("API &key:"), self._key, tip, self._key_problem, shown=field)
        self._agent = self._digits(settings.agent)
        self._agent_error = self._message(self.tr("Agent number problem"), colour=_ERROR_COLOUR)
        tip = self.tr("Your agent number (2–6 digits)")
        self._row(self.tr("&Agent number:"), self._agent, tip, self._agent_error)
        self._extension = self._digits(settings.extension)
        tip = self.tr("The extension of your phone, which rings first when you dial (2–6 digits)")
        self._extension_error = self._message(self.tr("Extension problem"), colour=_ERROR_COLOUR)
        self._row(self.tr("E&xtension:"), self._extension, tip, self._extension_error)
        self._wire = self._combo([("json", "JSON"), ("xml", "XML")], settings.wire)
        tip = self.tr("The reply format the server speaks; JSON unless told otherwise")
        self._row(self.tr("&Wire format:"), self._wire, tip)
        low, high = POLL_INTERVAL_RANGE_S
        self._poll = QDoubleSpinBox(minimum=low, maximum=high, decimals=1, singleStep=0.5)
        self._poll.setSuffix(self.tr(" s", "seconds"))
        self._poll.setValue(settings.poll_interval_s)
        tip = self.tr("How often AgentBar asks the server about your calls, in seconds")
        self._row(self.tr("&Poll interval:"), self._poll, tip)
        self._describe(self._poll.lineEdit(), self._poll.accessibleName(), tip)

    def _build_test(self) -> None:
        self._test = QPushButton(self.tr("&Test connection"))
        tip = self.tr("Ask the server for its break reasons with this address, key and format")
        self._describe(self._test, self.tr("Test connection"), tip)
        self._test.clicked.connect(self._on_test_clicked)
        self._test_result = self._message(self.tr("Connection test result"))
        self._test_result.setVisible(True)  # even empty: it keeps the button at its own width
        row = _box(self._test, self._test_result, stretch=1)
        self._form.addRow("", row)
        self._form.setRowVisible(row, self._checker is not None)

    def _build_dialling(self, settings: Settings) -> None:
        self._heading(self.tr("Dialling"))
        self._region = self._combo(_region_items(settings.region), settings.region)
        self._region.insertSeparator(self._region.findData(COMMON_REGIONS[-1]) + 1)
        self._region.setMaxVisibleItems(15)
        self._region.setStyleSheet("combobox-popup: 0")  # a scrolling list, not screen-high
        tip = self.tr("The country whose numbers can be typed without +country code")
        self._row(self.tr("Default &region:"), self._region, tip)
        formats = [
            ("national", self.tr("National, with 0")),
            ("e164", self.tr("International, with +")),
        ]
        self._dial_format = self._combo(formats, settings.dial_format)
        tip = self.tr("How numbers are written when AgentBar asks the phone system to dial")
        self._row(self.tr("&Dial format:"), self._dial_format, tip)
        self._confirm = QCheckBox(self.tr("&Confirm before dialling a link"))
        self._confirm.setChecked(settings.confirm_before_dial)
        tip = self.tr("Ask before calling a number clicked in a browser or another program")
        self._describe(self._confirm, self.tr("Confirm before dialling links"), tip)
        self._form.addRow("", self._confirm)
        example = "https://crm.example/search?phone={phone}"
        self._screen_pop = QLineEdit(settings.screen_pop_url, placeholderText=example)
        tip = self.tr("Opened in the browser when a call arrives; {phone} becomes the number")
        self._screen_pop_error = self._message(self.tr("Screen-pop problem"), colour=_ERROR_COLOUR)
        self._row(self.tr("Screen-pop &URL:"), self._screen_pop, tip, self._screen_pop_error)

    def _build_general(self, settings: Settings) -> None:
        self._heading(self.tr("General"))
        self._notifications = QCheckBox(self.tr("Show &notifications"))
        self._notifications.setChecked(settings.notifications)
        tip = self.tr("Desktop notifications for incoming calls and problems")
        self._describe(self._notifications, self.tr("Show notifications"), tip)
        self._form.addRow("", self._notifications)
        languages = [
            ("system", self.tr("System default")),
            ("tr", self.tr("Türkçe", "the language's own name; keep as is")),
            ("en", self.tr("English", "the language's own name; keep as is")),
        ]
        self._language = self._combo(languages, settings.language)
        tip = self.tr("The language of AgentBar; System default follows the operating system")
        self._row(self.tr("&Language:"), self._language, tip)

    def _heading(self, text: str) -> None:
        label = QLabel(text, indent=0)  # a top margin would otherwise indent the text too
        label.setStyleSheet(f"font-weight: bold; margin-top: {6 if self._form.rowCount() else 0}px")
        self._form.addRow(label)

    def _row(
        self, label: str, field: QWidget, tip: str, *notes: QLabel, shown: QWidget | None = None
    ) -> None:
        """A row for ``field`` (inside ``shown``), ``notes`` under it; named after its label."""
        buddy = QLabel(label)
        buddy.setBuddy(field)
        self._describe(field, label.replace("&", "").rstrip(":"), tip)
        shown = shown or field
        self._form.addRow(buddy, _box(shown, *notes, vertical=True) if notes else shown)

    @staticmethod
    def _message(name: str, text: str = "", colour: str = "") -> QLabel:
        label = QLabel(text, wordWrap=True)
        label.setAccessibleName(name)
        label.setStyleSheet(f"color: {colour};" if colour else "")
        label.setVisible(False)
        return label

    @staticmethod
    def _describe(widget: QWidget, name: str, tip: str) -> None:
        widget.setAccessibleName(name)
        widget.setToolTip(tip)

    def _digits(self, text: str) -> QLineEdit:
        edit = QLineEdit(text, placeholderText=self.tr("2–6 digits"))
        edit.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,6}"), edit))
        return edit

    @staticmethod
    def _combo(items: list[tuple[str, str]], current: str) -> QComboBox:
        combo = QComboBox()
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        return combo

    # -- behaviour -----------------------------------------------------------------------

    def result_settings(self) -> Settings:
        """The given settings with the edited fields replaced (text stripped)."""
        return self._settings.replace(
            server_url=self._url.text().strip(),
            agent=self._agent.text().strip(),
            extension=self._extension.text().strip(),
            wire=self._wire.currentData(),
            poll_interval_s=self._poll.value(),
            region=self._region.currentData(),
            dial_format=self._dial_format.currentData(),
            confirm_before_dial=self._confirm.isChecked(),
            screen_pop_url=self._screen_pop.text().strip(),
            notifications=self._notifications.isChecked(),
            language=self._language.currentData(),
        )

    def result_key(self) -> str:
        """The API key as typed, without surrounding whitespace (may be empty)."""
        return self._key.text().strip()

    def done(self, result: int) -> None:
        """Close; a connection test still running is cancelled (its answer has no place)."""
        if self._test_task is not None:
            self._test_task.cancel()
            self._test_task = None
            self._test.setEnabled(True)
            self._on_connection_edited()
        super().done(result)

    def _refresh(self) -> None:
        """Re-validate every field; OK only when the settings can run the toolbar."""
        url, agent, extension = self._url.text().strip(), self._agent.text(), self._extension.text()
        pop = self._screen_pop.text().strip()
        url_problem = self._url_problem(url)
        self._url_warning.setVisible(url_problem is None and is_cleartext(url))
        rule = self.tr("The agent number must be 2 to 6 digits.")
        agent_problem = rule if validate_agent(agent) else None
        rule = self.tr("The extension must be 2 to 6 digits.")
        extension_problem = rule if validate_extension(extension) else None
        checks = [
            (self._url_error, url, url_problem),
            (self._agent_error, agent, agent_problem),
            (self._extension_error, extension, extension_problem),
            (self._screen_pop_error, pop, self._screen_pop_problem(pop)),
        ]
        for label, text, problem in checks:
            self._show(label, text, problem)
        self._ok.setEnabled(not any(problem for _, _, problem in checks))
        self._hint.setVisible(not (url and agent and extension))

    def _show(self, label: QLabel, text: str, problem: str | None) -> None:
        """Show ``problem`` under a field that has text: an empty field is not yet an error."""
        visible = bool(text) and problem is not None
        label.setText(f"✖ {problem}" if visible else "")
        label.setVisible(visible)

    def _url_problem(self, url: str) -> str | None:
        """Why ``url`` is unusable, in ``validate_server_url``'s words, translated when known."""
        problem = validate_server_url(url)
        if problem is None:
            return None
        # Keyed by sample addresses: a reworded core sentence still shows, untranslated.
        known = {
            "": self.tr("Enter the server address, for example https://pbx.example.com."),
            "https://a b": self.tr("The server address must not contain spaces."),
            "ftp://pbx": self.tr("The server address must start with https:// or http://."),
            "https://": self.tr("The server address has no host name."),
            "https://u:p@pbx": self.tr("Do not put a user name or password in the server address."),
            "https://pbx/?a": self.tr("The server address must not contain '?' or '#'."),
            "https://pbx:99999": self.tr(
                "The server address is not valid (check the host name and port)."
            ),
        }
        translated = {validate_server_url(sample): text for sample, text in known.items()}
        return translated.get(problem, problem)

    def _screen_pop_problem(self, template: str) -> str | None:
        if template and "{phone}" not in template:
            return self.tr("The screen-pop URL must contain {phone}, where the number goes.")
        with contextlib.suppress(ValueError):  # a malformed address, e.g. "https://[x"
            parts = urlsplit(template.replace("{phone}", "0"))
            if not template or (parts.scheme.lower() in ("http", "https") and parts.hostname):
                return None
        return self.tr("The screen-pop URL must start with https:// or http://.")

    def _on_connection_edited(self) -> None:
        if self._test_task is None:  # a finished test's answer is about the old values
            self._test_result.clear()

    def _on_show_key_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self._key.setEchoMode(mode)
        self._show_key.setText(self.tr("&Hide") if shown else self.tr("S&how"))

    def _on_test_clicked(self) -> None:
        if self._checker is None or self._test_task is not None:
            return
        url, key, wire = self._url.text().strip(), self.result_key(), self._wire.currentData()
        problem = self._url_problem(url)
        if problem is None and not key:
            problem = self.tr("Enter the API key first.")
        if problem is not None:
            self._show_result(False, problem)
            return
        self._test.setEnabled(False)
        self._test_result.setStyleSheet("")
        self._test_result.setText(self.tr("Testing…"))
        self._test_task = asyncio.ensure_future(self._run_test(self._checker, url, key, wire))

    async def _run_test(self, checker: Checker, url: str, key: str, wire: str) -> None:
        """The test's one exit: the report, or a plain message when the checker itself broke."""
        try:  # CancelledError is no Exception: it passes through to the finally clause
            report = await checker(url, key, wire)
        except Exception as exc:  # a bug, not a server problem: log it redacted, say so
            log.error("Connection test failed: %s", redact(f"{exc!r}", (key,)))
            text = self.tr("The connection test failed unexpectedly (%1).")
            report = ConnectionReport(False, text.replace("%1", type(exc).__name__))
        finally:
            # A cancelled test may end after the dialog is gone, or after a new one started.
            alive = shiboken6.isValid(self)
            if alive and self._test_task is asyncio.current_task():
                self._test_task = None
                self._test.setEnabled(True)
        if alive:
            self._show_result(report.ok, redact(report.message, (key,)))

    def _show_result(self, ok: bool, text: str) -> None:
        self._test_result.setStyleSheet(f"color: {_OK_COLOUR if ok else _ERROR_COLOUR};")
        self._test_result.setText(f"{'✔' if ok else '✖'} {text}")
