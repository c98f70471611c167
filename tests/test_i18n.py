"""Every word shown exists in Turkish and English: .ts complete and current, no bare strings."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
assert _spec is not None and _spec.loader is not None
i18n_tool = importlib.util.module_from_spec(_spec)
sys.modules["i18n_tool"] = i18n_tool
_spec.loader.exec_module(i18n_tool)

# Qt calls whose string argument the user sees.
USER_VISIBLE = {
    "setText",
    "setToolTip",
    "setWindowTitle",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setStatusTip",
    "setWhatsThis",
    "setTitle",
    "setLabelText",
    "setInformativeText",
    "setDetailedText",
    "showMessage",
    "addAction",
    "addTab",
    "addItem",
    "addButton",
    "setFormat",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMessageBox",
}
# Literal texts that are not words in any language.
NOT_WORDS = {"AgentBar", "1×", "1.25×", "1.5×", "2×", "Türkçe", "English"}


def _has_words(text: str) -> bool:
    return any(c.isalpha() for c in text) and text.strip() not in NOT_WORDS


def _bare_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in USER_VISIBLE:
            continue
        for arg in node.args:
            literal = None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                literal = arg.value
            elif isinstance(arg, ast.JoinedStr):
                literal = "".join(
                    v.value
                    for v in arg.values
                    if isinstance(v, ast.Constant) and isinstance(v.value, str)
                )
            if literal is not None and _has_words(literal):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}({literal!r})")
    return found


def test_no_user_visible_string_escapes_translation():
    offenders = []
    for folder in ("agentbar/ui", "agentbar/desktop"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            offenders += _bare_strings(path)
    assert offenders == []


def test_the_scanner_finds_a_bare_string(tmp_path):
    sample = ROOT / "agentbar" / "ui" / "_i18n_probe_tmp.py"
    sample.write_text('label.setText("Hello")\nlabel.setToolTip(self.tr("Fine"))\n')
    try:
        assert len(_bare_strings(sample)) == 1
    finally:
        sample.unlink()


@pytest.mark.parametrize("lang", i18n_tool.LANGUAGES)
def test_every_entry_is_finished(lang):
    assert i18n_tool.unfinished(i18n_tool.ts_path(lang)) == []


def test_ts_files_are_current_with_the_code():
    assert i18n_tool.stale() == []


def test_translations_build_and_load(tmp_path, qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    built = i18n_tool.build(tmp_path)
    tr = next(p for p in built if p.name == "agentbar_tr.qm")
    translator = QTranslator()
    assert translator.load(str(tr))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Toolbar", "Log in") == "Giriş yap"
        assert QCoreApplication.translate("phone", "too short") == "çok kısa"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_language_follows_setting_then_system():
    from PySide6.QtCore import QLocale

    from agentbar.ui.i18n import choose_language

    assert choose_language("tr") == "tr"
    assert choose_language("en", QLocale(QLocale.Language.Turkish)) == "en"
    assert choose_language("system", QLocale(QLocale.Language.Turkish)) == "tr"
    assert choose_language("system", QLocale(QLocale.Language.German)) == "en"


def test_placeholders_survive_translation():
    """Every %s/%d/%1/{name} of a source is in its Turkish translation."""
    import re
    import xml.etree.ElementTree as ET

    marks = re.compile(r"%[sdn]|%\d|%p%|\{\w+\}")
    bad = []
    for message in ET.parse(i18n_tool.ts_path("tr")).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [n.text or "" for n in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        for form in forms:
            if sorted(marks.findall(source)) != sorted(marks.findall(form)):
                bad.append((source, form))
    assert bad == []


def test_core_messages_reach_the_agent_in_turkish(tmp_path, qapp):
    """Core builds messages from marked sentences; the UI translates each one it knows."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from agentbar.core.credentials import CredentialStore
    from agentbar.core.phone import InvalidNumber, normalize
    from agentbar.ui.messages import core_message, number_reason

    tr = next(p for p in i18n_tool.build(tmp_path) if p.name == "agentbar_tr.qm")
    translator = QTranslator()
    assert translator.load(str(tr))
    QCoreApplication.installTranslator(translator)
    try:
        import keyring
        from keyring.backends import fail

        previous = keyring.get_keyring()
        keyring.set_keyring(fail.Keyring())
        try:
            store = CredentialStore(memory_only_fallback=True)
            store.set("https://pbx.example/api/", "SECRET-123456")
        finally:
            keyring.set_keyring(previous)
        assert store.problem is not None
        shown = core_message(store.problem)
        assert "anahtar deposu yok" in shown and "bellekte" in shown
        with pytest.raises(InvalidNumber) as info:
            normalize("0532 123")
        assert number_reason(info.value) != info.value.reason  # translated
        assert "TR" in number_reason(info.value) or "kısa" in number_reason(info.value)
    finally:
        QCoreApplication.removeTranslator(translator)


def test_api_errors_reach_the_agent_in_turkish(tmp_path, qapp):
    """Our marked sentences are translated; technical details and the server's words are kept."""
    import asyncio

    import httpx
    from PySide6.QtCore import QCoreApplication, QTranslator

    from agentbar.api import CallCenterClient, NetworkError
    from agentbar.ui.messages import error_text

    async def refused() -> NetworkError:
        async with httpx.AsyncClient() as http:
            client = CallCenterClient(
                "http://127.0.0.1:9/api/", "K" * 12, client=http, retry_delays=()
            )
            try:
                await client.break_list()
            except NetworkError as exc:
                return exc
        raise AssertionError("no error")

    exc = asyncio.run(refused())
    tr = next(p for p in i18n_tool.build(tmp_path) if p.name == "agentbar_tr.qm")
    translator = QTranslator()
    assert translator.load(str(tr))
    QCoreApplication.installTranslator(translator)
    try:
        shown = error_text(exc)
        # One language: httpx's English words stay in the exception (for the log) only.
        assert shown == "Sunucuya bağlanılamıyor."
        assert exc.detail and exc.detail in str(exc)
        from agentbar.api.errors import ApiError

        # The server's own words, as sent, marked as the server's.
        refusal = ApiError("", server_text="Agent giriş yapmamış.")
        assert error_text(refusal) == "Sunucu: “Agent giriş yapmamış.”"
    finally:
        QCoreApplication.removeTranslator(translator)
