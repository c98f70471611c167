"""SettingsDialog: edit the server, agent, dialling and display settings; test the connection."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import phonenumbers
import shiboken6
from PySide6.QtCore import QLocale, QRegularExpression
from PySide6.QtGui import QFont, QRegularExpressionValidator
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
from agentbar.core.phone import DialFormat, normalize
from agentbar.core.settings import (
    POLL_INTERVAL_RANGE_S,
    Settings,
    is_cleartext,
    validate_agent,
    validate_extension,
    validate_server_url,
)

__all__ = ["Checker", "SettingsDialog"]

log = logging.getLogger(__name__)

#: ``checker(url, api_key, wire)``: for example a partial of ``core.connection_check``.
Checker = Callable[[str, str, str], Awaitable[ConnectionReport]]

# Listed first, in this order; every other region phonenumbers knows follows alphabetically.
COMMON_REGIONS = ("TR", "DE", "GB", "US", "NL", "FR", "AZ", "AT", "BE", "CH")
# Dark enough to read on a light window background; the text always says it too (✔ ✖ ⚠).
_OK_COLOUR, _ERROR_COLOUR, _WARN_COLOUR = "#1b6e2d", "#b3261e", "#8a5100"


def _regions(current: str) -> list[str]:
    rest = sorted(set(phonenumbers.SUPPORTED_REGIONS) - set(COMMON_REGIONS))
    regions = [*COMMON_REGIONS, *rest]
    return regions if current in regions else [current, *regions]


def _region_name(code: str) -> str:
    territory = QLocale.codeToTerritory(code)
    return (
        "" if territory == QLocale.Territory.AnyTerritory else QLocale.territoryToString(territory)
    )


def _dial_examples(region: str) -> tuple[str, str] | None:
    """A mobile number of ``region`` as AgentBar would send it: (national, international)."""
    try:
        kind = phonenumbers.PhoneNumberType.MOBILE
        example = phonenumbers.example_number_for_type(region, kind)
        if example is None:
            return None
        e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
        national = normalize(e164, region=region, fmt=DialFormat.NATIONAL).number
        return national, normalize(e164, region=region, fmt=DialFormat.E164).number
    except ValueError:  # InvalidNumber, or a region the phone module refuses
        return None


class SettingsDialog(QDialog):
    """The settings form. Read the outcome with :meth:`result_settings` and :meth:`result_key`.

    Saves nothing itself: the caller stores the settings and the key (in the keyring). The key is
    never logged, and never put into a tooltip or an accessible name or description. The
    connection test runs ``checker`` as an asyncio task on the running (qasync) loop; closing the
    dialog cancels it.
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
        self._build_dialling(settings)
        self._build_general(settings)
        self._hint = self._message("hint", self.tr("Why OK is unavailable"))
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self._describe(self._ok, self.tr("OK"), self.tr("Save the settings and close (Enter)"))
        self._describe(cancel, self.tr("Cancel"), self.tr("Close without saving (Esc)"))
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addStretch(1)
        layout.addWidget(self._hint)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(500)
        self._refresh()

    # -- building ------------------------------------------------------------------------

    def _build_server(self, settings: Settings, api_key: str, key_problem: str | None) -> None:
        self._heading(self.tr("Server"))
        self._url = self._line_edit(
            settings.server_url,
            "https://pbx.example.com/api/",
            self.tr("Server URL"),
            self.tr("The address of the call-center API, from your administrator"),
        )
        self._row(self.tr("&Server URL:"), self._url)
        self._url_error = self._message_row("error", self.tr("Server URL problem"))
        self._url_warning = self._message_row("warning", self.tr("Unencrypted connection warning"))
        self._url_warning.setText(
            "⚠ "
            + self.tr(
                "This address uses http://: the API key travels unencrypted. "
                "Use https:// if the server supports it."
            )
        )
        self._key = self._line_edit(
            api_key,
            self.tr("From your administrator"),
            self.tr("API key"),
            self.tr("The API key that lets AgentBar use the server; kept in the system keyring"),
        )
        self._key.setEchoMode(QLineEdit.EchoMode.Password)
        self._show_key = QPushButton(self.tr("S&how"))
        self._show_key.setCheckable(True)
        self._describe(self._show_key, self.tr("Show API key"), self.tr("Show or hide the key"))
        self._show_key.toggled.connect(self._on_show_key_toggled)
        self._row(self.tr("API &key:"), _hbox(self._key, self._show_key), buddy=self._key)
        self._key_problem = self._message_row("warning", self.tr("API key storage problem"))
        self._key_problem.setText(f"⚠ {key_problem}" if key_problem else "")
        self._agent = self._digits_edit(
            settings.agent, self.tr("Agent number"), self.tr("Your agent number (2–6 digits)")
        )
        self._row(self.tr("&Agent number:"), self._agent)
        self._agent_error = self._message_row("error", self.tr("Agent number problem"))
        self._extension = self._digits_edit(
            settings.extension,
            self.tr("Extension"),
            self.tr("The extension of your phone, which rings first when you dial (2–6 digits)"),
        )
        self._row(self.tr("E&xtension:"), self._extension)
        self._extension_error = self._message_row("error", self.tr("Extension problem"))
        self._wire = self._combo(
            [("json", "JSON"), ("xml", "XML")],
            settings.wire,
            self.tr("Wire format"),
            self.tr("The reply format the server speaks; JSON unless told otherwise"),
        )
        self._row(self.tr("&Wire format:"), self._wire)
        self._poll = QDoubleSpinBox()
        self._poll.setRange(*POLL_INTERVAL_RANGE_S)
        self._poll.setDecimals(1)
        self._poll.setSingleStep(0.5)
        self._poll.setSuffix(self.tr(" s"))
        self._poll.setValue(settings.poll_interval_s)
        tip = self.tr("How often AgentBar asks the server about your calls, in seconds")
        self._describe(self._poll, self.tr("Poll interval"), tip)
        self._describe(self._poll.lineEdit(), self.tr("Poll interval"), tip)
        self._row(self.tr("&Poll interval:"), self._poll)
        self._test = QPushButton(self.tr("&Test connection"))
        tip = self.tr("Ask the server for its break reasons with this address and key")
        self._describe(self._test, self.tr("Test connection"), tip)
        self._test.clicked.connect(self._on_test_clicked)
        self._test_result = self._message("result", self.tr("Connection test result"))
        test_row = _hbox(self._test, self._test_result)
        self._form.addRow("", test_row)
        self._form.setRowVisible(test_row, self._checker is not None)
        self._test.setVisible(self._checker is not None)

    def _build_dialling(self, settings: Settings) -> None:
        self._heading(self.tr("Dialling"))
        regions = [
            (code, f"{code} — {_region_name(code)}".rstrip(" —"))
            for code in _regions(settings.region)
        ]
        self._region = self._combo(
            regions,
            settings.region,
            self.tr("Default region for numbers"),
            self.tr("The country whose numbers can be typed without a +country code"),
        )
        self._region.insertSeparator(len(COMMON_REGIONS))
        self._region.currentIndexChanged.connect(self._update_dial_examples)
        self._row(self.tr("Default &region:"), self._region)
        self._dial_format = self._combo(
            [("national", ""), ("e164", "")],
            settings.dial_format,
            self.tr("Dial format"),
            self.tr("How numbers are sent to the phone system"),
        )
        self._update_dial_examples()
        self._row(self.tr("&Dial format:"), self._dial_format)
        self._confirm = QCheckBox(self.tr("&Confirm before dialling a link"))
        self._confirm.setChecked(settings.confirm_before_dial)
        tip = self.tr("Ask before calling a number clicked in a browser or another program")
        self._describe(self._confirm, self.tr("Confirm before dialling links"), tip)
        self._form.addRow("", self._confirm)
        self._screen_pop = self._line_edit(
            settings.screen_pop_url,
            "https://crm.example/search?phone={phone}",
            self.tr("Screen-pop URL template"),
            self.tr("Opened in the browser when a call arrives; {phone} becomes the number"),
        )
        self._row(self.tr("Screen-pop &URL:"), self._screen_pop)
        self._screen_pop_error = self._message_row("error", self.tr("Screen-pop URL problem"))

    def _build_general(self, settings: Settings) -> None:
        self._heading(self.tr("General"))
        self._notifications = QCheckBox(self.tr("Show &notifications"))
        self._notifications.setChecked(settings.notifications)
        tip = self.tr("Desktop notifications for incoming calls and problems")
        self._describe(self._notifications, self.tr("Show notifications"), tip)
        self._form.addRow("", self._notifications)
        languages = [
            ("system", self.tr("System default")),
            ("tr", self.tr("Türkçe", "language name in Turkish; keep as is")),
            ("en", self.tr("English", "language name in English; keep as is")),
        ]
        self._language = self._combo(
            languages,
            settings.language,
            self.tr("Language"),
            self.tr("The language of AgentBar; System default follows the operating system"),
        )
        self._row(self.tr("&Language:"), self._language)

    def _heading(self, text: str) -> None:
        label = QLabel(text)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        if self._form.rowCount():
            label.setContentsMargins(0, 8, 0, 0)
        self._form.addRow(label)

    def _row(self, text: str, field: QWidget, *, buddy: QWidget | None = None) -> None:
        label = QLabel(text)
        label.setBuddy(buddy or field)
        self._form.addRow(label, field)

    def _message(self, kind: str, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(kind)
        label.setWordWrap(True)
        label.setAccessibleName(name)
        label.setVisible(False)
        return label

    def _message_row(self, kind: str, name: str) -> QLabel:
        label = self._message(kind, name)
        colour = _ERROR_COLOUR if kind == "error" else _WARN_COLOUR
        label.setStyleSheet(f"color: {colour};")
        self._form.addRow("", label)
        self._form.setRowVisible(label, False)
        return label

    def _describe(self, widget: QWidget, name: str, tip: str) -> None:
        widget.setAccessibleName(name)
        widget.setToolTip(tip)

    def _line_edit(self, text: str, placeholder: str, name: str, tip: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setPlaceholderText(placeholder)
        self._describe(edit, name, tip)
        edit.textChanged.connect(self._refresh)
        return edit

    def _digits_edit(self, text: str, name: str, tip: str) -> QLineEdit:
        edit = self._line_edit(text, self.tr("2–6 digits"), name, tip)
        edit.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,6}"), edit))
        edit.setMaxLength(6)
        return edit

    def _combo(self, items: list[tuple[str, str]], current: str, name: str, tip: str) -> QComboBox:
        combo = QComboBox()
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        self._describe(combo, name, tip)
        return combo

    # -- behaviour -----------------------------------------------------------------------

    def result_settings(self) -> Settings:
        """The given settings with the edited fields replaced (text fields stripped)."""
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
            self._test_result.setVisible(False)
        super().done(result)

    def _refresh(self) -> None:
        """Re-validate every field; OK only when the settings can run the toolbar."""
        url = self._url.text().strip()
        url_problem = validate_server_url(url)
        self._show(self._url_error, url, self._url_problem_text(url_problem))
        self._form.setRowVisible(self._url_warning, url_problem is None and is_cleartext(url))
        self._form.setRowVisible(self._key_problem, bool(self._key_problem.text()))
        agent, extension = self._agent.text(), self._extension.text()
        bad_agent = validate_agent(agent) is not None
        bad_extension = validate_extension(extension) is not None
        self._show(self._agent_error, agent, self.tr("The agent number must be 2 to 6 digits."))
        self._show(
            self._extension_error, extension, self.tr("The extension must be 2 to 6 digits.")
        )
        pop_problem = self._screen_pop_problem(self._screen_pop.text().strip())
        self._show(self._screen_pop_error, "x" if pop_problem else "", pop_problem)
        self._ok.setEnabled(not (url_problem or bad_agent or bad_extension or pop_problem))
        missing = not (url and agent and extension)
        self._hint.setText(self.tr("Enter the server URL, agent number and extension to save."))
        self._hint.setVisible(missing)

    def _show(self, label: QLabel, text: str, problem: str | None) -> None:
        """Show ``problem`` under a field that has text; an empty field is not yet an error."""
        visible = bool(text) and bool(problem)
        label.setText(f"✖ {problem}" if visible else "")
        self._form.setRowVisible(label, visible)

    def _url_problem_text(self, problem: str | None) -> str | None:
        """``validate_server_url``'s English reason, translated when it is a known one.

        The keys are the core's own sentences (asked for with sample addresses), so a reworded
        core message still shows, in English, until its translation here is updated.
        """
        known = {
            validate_server_url(""): self.tr(
                "Enter the server address, for example https://pbx.example.com."
            ),
            validate_server_url("https://a b"): self.tr(
                "The server address must not contain spaces."
            ),
            validate_server_url("ftp://pbx"): self.tr(
                "The server address must start with https:// or http://."
            ),
            validate_server_url("https://"): self.tr("The server address has no host name."),
            validate_server_url("https://u:p@pbx"): self.tr(
                "Do not put a user name or password in the server address."
            ),
            validate_server_url("https://pbx/?a"): self.tr(
                "The server address must not contain '?' or '#'."
            ),
            validate_server_url("https://pbx:99999"): self.tr(
                "The server address is not valid (check the host name and port)."
            ),
        }
        return None if problem is None else known.get(problem, problem)

    def _screen_pop_problem(self, template: str) -> str | None:
        if not template:
            return None
        if "{phone}" not in template:
            return self.tr("The screen-pop URL must contain {phone}, where the number goes.")
        try:
            parts = urlsplit(template.replace("{phone}", "0"))
            ok = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        except ValueError:
            ok = False
        return None if ok else self.tr("The screen-pop URL must start with https:// or http://.")

    def _update_dial_examples(self) -> None:
        examples = _dial_examples(self._region.currentData() or "")
        national, international = examples or ("0…", "+…")
        self._dial_format.setItemText(0, self.tr("National (%1)").replace("%1", national))
        self._dial_format.setItemText(1, self.tr("International (%1)").replace("%1", international))

    def _on_show_key_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self._key.setEchoMode(mode)
        self._show_key.setText(self.tr("&Hide") if shown else self.tr("S&how"))

    def _on_test_clicked(self) -> None:
        if self._checker is None or self._test_task is not None:
            return
        url, key, wire = self._url.text().strip(), self.result_key(), self._wire.currentData()
        problem = self._url_problem_text(validate_server_url(url))
        if problem is None and not key:
            problem = self.tr("Enter the API key first.")
        if problem is not None:
            self._show_result(False, problem)
            return
        self._test.setEnabled(False)
        self._test_result.setStyleSheet("")
        self._test_result.setText(self.tr("Testing…"))
        self._test_result.setVisible(True)
        self._test_task = asyncio.ensure_future(self._run_test(self._checker, url, key, wire))

    async def _run_test(self, checker: Checker, url: str, key: str, wire: str) -> None:
        """The test's one exit: a report, or a plain message for anything unexpected."""
        try:
            try:
                report = await checker(url, key, wire)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a bug in the checker: log it (redacted), tell the user
                detail = redact(f"{type(exc).__name__}: {exc}", (key,))
                log.error("The connection test failed unexpectedly: %s", detail)
                text = self.tr("The connection test failed unexpectedly (%1).")
                report = ConnectionReport(False, text.replace("%1", type(exc).__name__))
            self._show_result(report.ok, redact(report.message, (key,)))
        finally:
            # A cancelled test may end after the dialog is gone, or after a new test started.
            if shiboken6.isValid(self) and self._test_task is asyncio.current_task():
                self._test_task = None
                self._test.setEnabled(True)

    def _show_result(self, ok: bool, text: str) -> None:
        self._test_result.setStyleSheet(f"color: {_OK_COLOUR if ok else _ERROR_COLOUR};")
        self._test_result.setText(f"{'✔' if ok else '✖'} {text}")
        self._test_result.setVisible(True)


def _hbox(*widgets: QWidget) -> QWidget:
    """One row of widgets without margins; the last one takes the spare width."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is widgets[-1] else 0)
    return row
