"""The log never holds the API key, whoever logs it (httpx logs request URLs)."""

from __future__ import annotations

import logging

import pytest

from agentbar.core.logsetup import setup_logging

KEY = "SECRET-LOG-KEY-987"


@pytest.fixture(autouse=True)
def restore_logging():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    levels = {n: logging.getLogger(n).level for n in ("httpx", "httpcore")}
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    for name, lvl in levels.items():
        logging.getLogger(name).setLevel(lvl)


def test_key_redacted_from_file_and_stderr(tmp_path, capsys):
    log_file = tmp_path / "logs" / "agentbar.log"
    redactor = setup_logging(log_file, level="DEBUG", stderr=True)
    redactor.add_secret(KEY)
    try:
        logging.getLogger("httpx").info("HTTP Request: GET http://h/api/?apikey=%s&module=x", KEY)
        logging.getLogger("agentbar").warning("key is %s", KEY)
        try:
            raise RuntimeError(f"boom {KEY}")
        except RuntimeError:
            logging.getLogger("agentbar").exception("failed")
    finally:
        for handler in logging.getLogger().handlers:
            handler.flush()
    text = log_file.read_text()
    err = capsys.readouterr().err
    assert "module=x" in text and "boom" in text
    assert KEY not in text
    assert KEY not in err
    assert "apikey=***" in text


def test_apikey_parameter_redacted_even_if_unknown(tmp_path):
    log_file = tmp_path / "agentbar.log"
    setup_logging(log_file, level="INFO", stderr=False)
    logging.getLogger("x").warning("GET /api/?apikey=UNREGISTERED-123&module=dial")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "UNREGISTERED-123" not in log_file.read_text()


def test_httpx_quiet_unless_debug(tmp_path):
    setup_logging(tmp_path / "a.log", level="INFO", stderr=False)
    assert logging.getLogger("httpx").level == logging.WARNING


def test_user_level_applies_after_settings(tmp_path):
    from agentbar.core.logsetup import set_level

    setup_logging(tmp_path / "a.log", level="INFO", stderr=False)
    set_level("DEBUG")
    assert logging.getLogger().level == logging.DEBUG
    assert logging.getLogger("httpx").level == logging.NOTSET
    set_level("WARNING")
    assert logging.getLogger("httpx").level == logging.WARNING


def test_a_second_setup_at_debug_lets_httpx_speak_again(tmp_path):
    """A run set up at INFO quiets httpx; a later setup at DEBUG must undo that."""
    setup_logging(tmp_path / "a.log", level="INFO", stderr=False)
    log_file = tmp_path / "b.log"
    setup_logging(log_file, level="DEBUG", stderr=False)
    logging.getLogger("httpx").info("HTTP Request: GET http://h/api/?module=y")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "module=y" in log_file.read_text()
