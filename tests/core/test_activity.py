"""The activity log's lines (core/activity.py): masked numbers, no secrets, the log's tail."""

from __future__ import annotations

from agentbar.core import activity
from agentbar.core.settings import Settings

KEY = "SECRET-ACTIVITY-KEY-42"


def test_numbers_are_masked_to_their_last_four_digits_unless_asked():
    assert activity.mask_number("0532 123 45 67") == "•••••••4567"
    assert activity.mask_number("+90 (532) 123-45-67") == "••••••••4567"
    assert activity.mask_number("1005") == "1005"  # an extension names no customer
    assert activity.mask_number("0532 123 45 67", full=True) == "0532 123 45 67"
    assert activity.dialled("05321234567") == "dial: •••••••4567"
    assert activity.dialled("05321234567", full=True) == "dial: 05321234567"
    assert activity.transferred("1005") == "transfer: to 1005"
    assert activity.hung_up("05321234567") == "hang-up: call with •••••••4567"
    assert activity.hung_up() == "hang-up"


def test_one_line_per_action_and_state_change():
    assert activity.logged_in("101", "1004") == "login: agent 101 at extension 1004"
    assert activity.logged_out("101") == "logout: agent 101"
    assert (
        activity.break_started("YEMEK MOLASI", "2") == 'break start: reason "YEMEK MOLASI" (id 2)'
    )
    assert (
        activity.break_ended("YEMEK MOLASI", "2", 754.4)
        == 'break end: reason "YEMEK MOLASI" (id 2), 12:34'
    )
    assert activity.break_ended("X", "1", 3725).endswith("1:02:05")
    assert activity.outage_started("Cannot connect to the server.") == (
        'outage start: server unreachable: "Cannot connect to the server."'
    )
    assert activity.outage_ended(65) == "outage end: the server answers again after 1:05"
    # Outside text stays on one line, whatever it holds.
    line = activity.refused("redirect", 'Dahili\nbulunamadı. "x"')
    assert line == "server refused: redirect: \"Dahili bulunamadı. 'x'\""
    assert "\n" not in line


def test_start_lines_name_version_os_and_settings_without_secrets():
    settings = Settings(
        server_url=f"https://user:pw@pbx.example/api/?apikey={KEY}",
        agent="101",
        extension="1004",
        screen_pop_url=f"https://crm.example/?token={KEY}&phone={{phone}}",
        recent_numbers=("05321234567",),
        toolbar_positions={"eDP-1": (10, 20)},
    )
    lines = activity.start_lines("1.2.3", settings, "6.12.0")
    assert lines[0].startswith("start: AgentBar 1.2.3 on ")
    assert "Python 3." in lines[0] and "Qt 6.12.0" in lines[0]
    summary = lines[1]
    assert summary.startswith("settings: ")
    assert "agent='101'" in summary and "extension='1004'" in summary
    assert "log_full_numbers=False" in summary
    assert KEY not in summary and "pw@" not in summary
    assert "05321234567" not in summary and "eDP-1" not in summary  # history and layout


def test_tail_reaches_into_the_rotated_files(tmp_path):
    log = tmp_path / "agentbar.log"
    (tmp_path / "agentbar.log.2").write_text("".join(f"old {i}\n" for i in range(150)))
    (tmp_path / "agentbar.log.1").write_text("".join(f"mid {i}\n" for i in range(100)))
    log.write_text("".join(f"new {i}\n" for i in range(60)))
    lines = activity.tail(log, 200)
    assert len(lines) == 200
    assert lines[0] == "old 110" and lines[-1] == "new 59"
    assert activity.tail(tmp_path / "missing.log") == []


def test_diagnostics_hold_version_settings_and_the_lines():
    text = activity.diagnostics("1.2.3", Settings(agent="101"), ["a", "b"], "6.12.0")
    assert text.splitlines()[0].startswith("start: AgentBar 1.2.3")
    assert "agent='101'" in text
    assert text.endswith("last 2 log lines:\na\nb\n")


def test_the_log_files_are_private_and_rotate(tmp_path):
    import logging
    import os
    import stat
    import sys

    from agentbar.core.logsetup import PrivateRotatingFileHandler

    if sys.platform == "win32":
        return  # POSIX modes
    log_file = tmp_path / "logs" / "agentbar.log"
    log_file.parent.mkdir()
    log_file.write_text("from an older version\n")
    log_file.chmod(0o644)
    handler = PrivateRotatingFileHandler(log_file, maxBytes=200, backupCount=2, encoding="utf-8")
    logger = logging.getLogger("agentbar.test.private")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for n in range(20):
            logger.warning("line %d of the activity log", n)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in log_file.parent.iterdir())
    assert files == ["agentbar.log", "agentbar.log.1", "agentbar.log.2"]
    for path in log_file.parent.iterdir():
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    assert activity.tail(log_file, 3)[-1].endswith("line 19 of the activity log")
