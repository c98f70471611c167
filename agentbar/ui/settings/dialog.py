"""SettingsDialog: edit the server, agent, dialling and display settings; test the connection."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

import shiboken6
from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from agentbar.api.errors import redact
from agentbar.core.agent_state import BreakReason
from agentbar.core.connection_check import ConnectionReport
from agentbar.core.settings import (
    POLL_INTERVAL_RANGE_S,
    RECORDINGS_CACHE_RANGE_MB,
    Settings,
    is_cleartext,
    validate_agent,
    validate_extension,
)
from agentbar.ui.messages import error_text, translated_sentences
from agentbar.ui.settings.breaks_page import BreakBudgets
from agentbar.ui.settings.desktop_page import DesktopSettings
from agentbar.ui.settings.fields import (
    COMMON_REGIONS,
    ERROR_COLOUR,
    OK_COLOUR,
    WARN_COLOUR,
    Form,
    box,
    combo,
    describe,
    message,
    region_items,
    screen_pop_problem,
    url_problem,
)

__all__ = ["COMMON_REGIONS", "Checker", "SettingsDialog"]

log = logging.getLogger(__name__)

#: ``checker(url, api_key, wire)``, e.g. ``core.connection_check.check_connection`` with a client.
Checker = Callable[[str, str, str], Awaitable[ConnectionReport]]


class SettingsDialog(QDialog):
    """The settings form; read the outcome with :meth:`result_settings` and :meth:`result_key`.

    Saves nothing itself: the caller stores the settings, and the key in the keyring. The key is
    never logged, nor put into a tooltip, accessible name or description. The connection test
    runs ``checker`` as an asyncio task on the running (qasync) loop; closing cancels it.
    The Desktop group (``settings_desktop.py``) acts on the OS at once; ``basedir`` is the
    run's ``--basedir``, passed into the link-handler and start-at-login commands.
    """

    def __init__(
        self,
        settings: Settings,
        api_key: str | None,
        *,
        key_problem: str | None = None,
        key_source: str | None = None,
        locked: frozenset[str] = frozenset(),
        checker: Checker | None = None,
        basedir: str | None = None,
        break_reasons: tuple[BreakReason, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._checker = checker
        self._test_task: asyncio.Task[None] | None = None
        self.setWindowTitle(self.tr("AgentBar — Settings"))
        self.setAccessibleName(self.tr("AgentBar settings"))
        self._form = Form()  # the first page: what the toolbar needs to run
        self._build_server(settings, api_key or "", key_problem)
        self._build_key_source(key_source, "api_key_command" in locked)
        self._build_test()
        self._build_dialling(settings)
        general = Form()
        self._build_general(general, settings)
        self._locked_notice = message(self.tr("Settings set by your administrator"))
        self._lock(locked, (self._form, general))
        self._desktop = DesktopSettings(general, basedir=basedir, parent=self)
        self._tabs = QTabWidget(usesScrollButtons=False)
        self._tabs.setAccessibleName(self.tr("Settings pages"))
        self._tabs.addTab(self._page(self._form), self.tr("Ser&ver and dialling"))
        self._tabs.addTab(self._page(general), self.tr("&General and desktop"))
        self.breaks = BreakBudgets(break_reasons, settings.break_budgets_min)
        self._tabs.addTab(self._page(self.breaks), self.tr("&Breaks"))
        hint = self.tr("Enter the server URL, agent number and extension to save.")
        self._hint = message(self.tr("Why OK is unavailable"), hint)
        kind = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(kind.Ok | kind.Cancel)
        self._ok, cancel = buttons.button(kind.Ok), buttons.button(kind.Cancel)
        describe(self._ok, self.tr("OK"), self.tr("Save the settings and close (Enter)"))
        describe(cancel, self.tr("Cancel"), self.tr("Close without saving (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._locked_notice)
        layout.addWidget(self._tabs, 1)
        layout.addWidget(self._hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        for edit in (self._url, self._agent, self._extension, self._screen_pop):
            edit.textChanged.connect(self._refresh)
        for edited in (self._url.textChanged, self._key.textChanged, self._wire.activated):
            edited.connect(self._on_connection_edited)
        self._refresh()

    # -- building ------------------------------------------------------------------------

    def _build_server(self, settings: Settings, api_key: str, key_problem: str | None) -> None:
        self._form.heading(self.tr("Server"))
        self._url = QLineEdit(settings.server_url, placeholderText="https://pbx.example.com/api/")
        tip = self.tr("The address of the call-center API, from your administrator")
        self._url_error = message(self.tr("Server URL problem"), colour=ERROR_COLOUR)
        warning = self.tr(
            "This address uses http://: the API key travels unencrypted. "
            "Use https:// if the server supports it."
        )
        name = self.tr("Unencrypted connection")
        self._url_warning = message(name, f"⚠ {warning}", WARN_COLOUR)
        self._form.row(self.tr("&Server URL:"), self._url, tip, self._url_error, self._url_warning)
        hidden, placeholder = QLineEdit.EchoMode.Password, self.tr("From your administrator")
        self._key = QLineEdit(api_key, placeholderText=placeholder, echoMode=hidden)
        self._show_key = QPushButton(self.tr("S&how"))
        self._show_key.setCheckable(True)
        describe(self._show_key, self.tr("Show API key"), self.tr("Show or hide the key"))
        self._show_key.toggled.connect(self._on_show_key_toggled)
        tip = self.tr("The key that lets AgentBar use the server; kept in the system keyring")
        name = self.tr("API key storage problem")
        self._key_problem = message(name, f"⚠ {key_problem}", WARN_COLOUR)
        self._key_problem.setVisible(bool(key_problem))
        field = box(self._key, self._show_key, stretch=0)
        self._form.row(self.tr("API &key:"), self._key, tip, self._key_problem, shown=field)
        self._agent = self._digits(settings.agent)
        self._agent_error = message(self.tr("Agent number problem"), colour=ERROR_COLOUR)
        tip = self.tr("Your agent number (2–6 digits)")
        self._form.row(self.tr("&Agent number:"), self._agent, tip, self._agent_error)
        self._extension = self._digits(settings.extension)
        tip = self.tr("The extension of your phone, which rings first when you dial (2–6 digits)")
        self._extension_error = message(self.tr("Extension problem"), colour=ERROR_COLOUR)
        self._form.row(self.tr("E&xtension:"), self._extension, tip, self._extension_error)
        self._wire = combo([("json", "JSON"), ("xml", "XML")], settings.wire)
        tip = self.tr("The reply format the server speaks; JSON unless told otherwise")
        self._form.row(self.tr("&Wire format:"), self._wire, tip)
        low, high = POLL_INTERVAL_RANGE_S
        self._poll = QDoubleSpinBox(minimum=low, maximum=high, decimals=1, singleStep=0.5)
        self._poll.setSuffix(self.tr(" s", "seconds"))
        self._poll.setValue(settings.poll_interval_s)
        tip = self.tr(
            "How often AgentBar asks the server about your calls while you are ready, in "
            "seconds. On a break it asks 5 times less often, during a call twice as often "
            "(at most once a second), logged out not at all."
        )
        self._form.row(self.tr("&Poll interval:"), self._poll, tip)
        describe(self._poll.lineEdit(), self._poll.accessibleName(), tip)

    def _build_key_source(self, source: str | None, command_locked: bool) -> None:
        """Say where the key in use came from (never the key itself)."""
        texts = {
            "environment": self.tr(
                "The API key in use comes from the AGENTBAR_API_KEY environment variable."
            ),
            "keyring": self.tr("The API key in use is kept in this computer's keyring."),
            "command": self.tr(
                "The API key in use comes from your administrator's key command "
                "(api_key_command); it is not saved."
            ),
            "machine": self.tr(
                "The API key in use was installed on this computer by your administrator; it is "
                "not saved."
            ),
        }
        text = texts.get(source or "", "")
        if source in ("command", "machine") and not command_locked:
            text += " " + self.tr("Type a key here only to use your own.")
        self._key_source = message(self.tr("Where the API key comes from"), text)
        self._key_source.setVisible(bool(source in texts))
        self._form.addRow("", self._key_source)

    def _lock(self, locked: frozenset[str], forms: tuple[Form, ...]) -> None:
        """Disable what the administrator's policy sets, saying so in words (label and tip)."""
        widgets: dict[str, list[QWidget]] = {
            "server_url": [self._url],
            "agent": [self._agent],
            "extension": [self._extension],
            "wire": [self._wire],
            "poll_interval_s": [self._poll],
            "region": [self._region],
            "dial_format": [self._dial_format],
            "confirm_before_dial": [self._confirm],
            "screen_pop_url": [self._screen_pop],
            "notifications": [self._notifications],
            "language": [self._language],
            "recordings_cache_mb": [self._cache],
            "api_key_command": [self._key, self._show_key],
        }
        note = self.tr("Set by your administrator")
        # A word, not an emoji: common fonts (DejaVu) have no lock sign, it would be a box.
        mark = self.tr("(locked)")
        shown = False
        for name in sorted(locked):
            for widget in widgets.get(name, []):
                shown = True
                widget.setEnabled(False)
                widget.setToolTip(note)
                widget.setAccessibleDescription(note)
                label = _buddy_label(forms, widget)
                if label is not None:
                    label.setText(f"{label.text()} {mark}")
                    label.setToolTip(note)
                elif isinstance(widget, QCheckBox):
                    widget.setText(f"{widget.text()} {mark}")
        if shown:
            self._locked_notice.setText(
                self.tr(
                    "Settings marked (locked) are set by your administrator and cannot be changed."
                )
            )
        self._locked_notice.setVisible(shown)

    def _build_test(self) -> None:
        self._test = QPushButton(self.tr("&Test connection"))
        tip = self.tr("Ask the server for its break reasons with this address, key and format")
        describe(self._test, self.tr("Test connection"), tip)
        self._test.clicked.connect(self._on_test_clicked)
        self._test_result = message(self.tr("Connection test result"))
        self._test_result.setVisible(True)  # even empty: it keeps the button at its own width
        row = box(self._test, self._test_result, stretch=1)
        self._form.addRow("", row)
        self._form.setRowVisible(row, self._checker is not None)

    def _build_dialling(self, settings: Settings) -> None:
        self._form.heading(self.tr("Dialling"))
        self._region = combo(region_items(settings.region), settings.region)
        self._region.insertSeparator(self._region.findData(COMMON_REGIONS[-1]) + 1)
        self._region.setMaxVisibleItems(15)
        self._region.setStyleSheet("combobox-popup: 0")  # a scrolling list, not screen-high
        tip = self.tr("The country whose numbers can be typed without +country code")
        self._form.row(self.tr("Default &region:"), self._region, tip)
        formats = [
            ("national", self.tr("National, with 0")),
            ("e164", self.tr("International, with +")),
        ]
        self._dial_format = combo(formats, settings.dial_format)
        tip = self.tr("How numbers are written when AgentBar asks the phone system to dial")
        self._form.row(self.tr("&Dial format:"), self._dial_format, tip)
        self._confirm = QCheckBox(self.tr("&Confirm before dialling a link"))
        self._confirm.setChecked(settings.confirm_before_dial)
        tip = self.tr("Ask before calling a number clicked in a browser or another program")
        describe(self._confirm, self.tr("Confirm before dialling links"), tip)
        self._form.addRow("", self._confirm)
        self._build_link_safety(settings)
        example = "https://crm.example/search?phone={phone}"
        self._screen_pop = QLineEdit(settings.screen_pop_url, placeholderText=example)
        tip = self.tr("Opened in the browser when a call arrives; {phone} becomes the number")
        self._screen_pop_error = message(self.tr("Screen-pop problem"), colour=ERROR_COLOUR)
        self._form.row(self.tr("Screen-pop &URL:"), self._screen_pop, tip, self._screen_pop_error)

    def _build_link_safety(self, settings: Settings) -> None:
        """What a link may dial without asking (emergency, short and premium-rate numbers
        always ask; these two are the site's choice)."""
        text = self.tr("Ask before calling a &foreign number from a link")
        self._confirm_foreign = QCheckBox(text)
        self._confirm_foreign.setChecked(settings.confirm_international_links)
        tip = self.tr(
            "Emergency, short service and premium-rate numbers from a link are always asked about"
        )
        name = self.tr("Ask before calling a foreign number from a link")
        describe(self._confirm_foreign, name, tip)
        self._form.addRow("", self._confirm_foreign)
        low, high = settings.link_extension_lengths
        self._link_low = QSpinBox(minimum=2, maximum=6, value=low)
        self._link_high = QSpinBox(minimum=low, maximum=6, value=high)
        self._link_low.valueChanged.connect(self._link_high.setMinimum)  # never below the low
        self._link_high.setSuffix(self.tr(" digits"))
        tip = self.tr("A short number in a link is dialled only with this many digits")
        shown = box(self._link_low, QLabel(self.tr("to")), self._link_high, QWidget())
        self._form.row(self.tr("&Extensions in links:"), self._link_low, tip, shown=shown)
        for spin, name in (
            (self._link_low, self.tr("Shortest extension dialled from a link")),
            (self._link_high, self.tr("Longest extension dialled from a link")),
        ):
            describe(spin, name, tip)
            describe(spin.lineEdit(), name, tip)  # what a screen reader lands on

    def _build_general(self, form: Form, settings: Settings) -> None:
        form.heading(self.tr("General"))
        self._notifications = QCheckBox(self.tr("Show &notifications"))
        self._notifications.setChecked(settings.notifications)
        tip = self.tr("Desktop notifications for incoming calls and problems")
        describe(self._notifications, self.tr("Show notifications"), tip)
        form.addRow("", self._notifications)
        languages = [
            ("system", self.tr("System default")),
            ("tr", self.tr("Türkçe", "the language's own name; keep as is")),
            ("en", self.tr("English", "the language's own name; keep as is")),
        ]
        self._language = combo(languages, settings.language)
        tip = self.tr("The language of AgentBar; System default follows the operating system")
        form.row(self.tr("&Language:"), self._language, tip)
        low, high = RECORDINGS_CACHE_RANGE_MB
        self._cache = QSpinBox(minimum=low, maximum=high, singleStep=100)
        self._cache.setSuffix(self.tr(" MB", "megabytes"))
        self._cache.setSpecialValueText(self.tr("Only the recording playing"))
        self._cache.setValue(settings.recordings_cache_mb)
        tip = self.tr("Disk space for downloaded recordings; the oldest are removed beyond it")
        form.row(self.tr("Recordings cache li&mit:"), self._cache, tip)
        describe(self._cache.lineEdit(), self._cache.accessibleName(), tip)

    @staticmethod
    def _page(content: Form | QWidget) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        if isinstance(content, QWidget):
            layout.addWidget(content)
        else:
            layout.addLayout(content)
        layout.addStretch(1)
        return page

    def _digits(self, text: str) -> QLineEdit:
        edit = QLineEdit(text, placeholderText=self.tr("2–6 digits"))
        edit.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,6}"), edit))
        return edit

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the messages shown from the start: the first size of a window with a QTabWidget
        leaves out the height that word-wrapped labels need at the window's width."""
        super().showEvent(event)
        layout = self.layout()
        need = layout.totalHeightForWidth(self.width()) if layout is not None else -1
        if need > self.height():
            self.resize(self.width(), need)

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
            confirm_international_links=self._confirm_foreign.isChecked(),
            link_extension_lengths=(self._link_low.value(), self._link_high.value()),
            screen_pop_url=self._screen_pop.text().strip(),
            notifications=self._notifications.isChecked(),
            language=self._language.currentData(),
            recordings_cache_mb=self._cache.value(),
            break_budgets_min=self.breaks.result(),
        )

    def focus_key(self) -> None:
        """Show the API key field with the keyboard in it (the bar's "Enter the API key")."""
        self._tabs.setCurrentIndex(0)
        self._key.setFocus()
        self._key.selectAll()

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
        url_error = url_problem(url)
        self._url_warning.setVisible(url_error is None and is_cleartext(url))
        rule = self.tr("The agent number must be 2 to 6 digits.")
        agent_problem = rule if validate_agent(agent) else None
        rule = self.tr("The extension must be 2 to 6 digits.")
        extension_problem = rule if validate_extension(extension) else None
        checks = [
            (self._url_error, url, url_error),
            (self._agent_error, agent, agent_problem),
            (self._extension_error, extension, extension_problem),
            (self._screen_pop_error, pop, screen_pop_problem(pop)),
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
        problem = url_problem(url)
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
            self._show_result(report.ok, redact(self._report_text(report), (key,)))

    def _report_text(self, report: ConnectionReport) -> str:
        """The report in the user's language (core words it in English)."""
        if report.ok and report.reasons:
            return self.tr(
                "Connected: the server answered and lists %n break reason(s).", "", report.reasons
            )
        if report.error is not None:  # one language: our sentences, the server's words marked
            text = error_text(report.error)
            if report.prefix:
                text = f"{translated_sentences(report.prefix + '.', ('connection',))} {text}"
            return text
        return translated_sentences(report.message, ("connection", "api"))

    def _show_result(self, ok: bool, text: str) -> None:
        self._test_result.setStyleSheet(f"color: {OK_COLOUR if ok else ERROR_COLOUR};")
        self._test_result.setText(f"{'✔' if ok else '✖'} {text}")


def _buddy_label(forms: tuple[Form, ...], widget: QWidget) -> QLabel | None:
    """The label of the form row whose buddy is ``widget``, if any."""
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.buddy() is widget:
                return label
    return None
