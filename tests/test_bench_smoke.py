"""The benchmark suite runs end to end: one quick case, through ``python -m bench``'s main.

No timing is asserted (design.md: timings belong in bench/, never in pass/fail tests); this
only proves that the suite still works against the code it measures.
"""

from __future__ import annotations

import json

import pytest

from bench.__main__ import CASES, main


def test_the_recordings_case_runs_end_to_end(qapp, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # main() only sets them when unset
    monkeypatch.setenv("QT_LOGGING_RULES", "qt.multimedia.ffmpeg*=false")
    out = tmp_path / "summary.json"

    assert main(["--quick", "--rows", "200", "--out", str(out), "recordings"]) == 0

    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["quick"] is True
    assert summary["machine"]["nproc"] >= 1 and summary["machine"]["python"]
    assert list(summary["cases"]) == ["recordings"]
    figures = summary["cases"]["recordings"]["figures"]
    assert len(figures) == 4
    for figure in figures:
        assert figure["value"] > 0 and figure["baseline"] > 0, figure["name"]
        assert figure["ratio"] == pytest.approx(figure["value"] / figure["baseline"], abs=0.006)
    printed = capsys.readouterr().out
    assert "recordings:" in printed and "keystroke" in printed


def test_an_unknown_case_is_refused(capsys):
    with pytest.raises(SystemExit):
        main(["no-such-case"])
    assert "choose from" in capsys.readouterr().err
    assert "startup" in CASES and "playback" in CASES


def test_the_fleet_case_runs_end_to_end(tmp_path, capsys):
    """A small floor for a few simulated minutes: every state is reported, the ready agents'
    calls are shown, and the server's restart is counted."""
    out = tmp_path / "summary.json"

    assert main(["--agents", "8", "--minutes", "5", "--out", str(out), "fleet"]) in (0, 1)

    figures = json.loads(out.read_text(encoding="utf-8"))["cases"]["fleet"]["figures"]
    by_name = {f["name"]: f for f in figures}
    assert by_name["8 agents: polls/s per agent, ready"]["value"] > 0.3
    assert by_name["8 agents: polls/s per agent, logged out"]["met"]
    assert by_name["8 agents: most requests in 1 s after a restart"]["value"] > 0
    printed = capsys.readouterr().out
    assert "server back after 30 s down" in printed
