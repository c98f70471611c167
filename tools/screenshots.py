"""Render the README screenshots in English and Turkish, against the simulator.

The bar in each state, the side panel's three tabs and the settings dialog's two tabs, into
OUT/en and OUT/tr:

xvfb-run -a python tools/screenshots.py docs/screenshots     # real fonts, like a desktop
QT_QPA_PLATFORM=offscreen python tools/screenshots.py OUT     # also works, plainer fonts
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTabWidget  # PySide6 before qasync

# isort: split
import httpx
import qasync

from agentbar.api import CallCenterClient
from agentbar.core.agent_state import AgentState
from agentbar.core.settings import Settings
from agentbar.sim import DEMO_AGENT, DEMO_EXTENSION, Simulator
from agentbar.ui.agent_session import AgentSession
from agentbar.ui.bar.toolbar import Toolbar
from agentbar.ui.client_gate import ClientGate
from agentbar.ui.i18n import install_translations
from agentbar.ui.startup.screenshot import save_screenshot

KEY = "screenshot-key-0123456789"


async def _until(check: Callable[[], object], timeout: float = 8.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("the bar did not reach the expected state")
        await asyncio.sleep(0.05)


async def shoot(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    sim = Simulator(api_key=KEY, port=0).start()
    async with httpx.AsyncClient() as http:
        client = CallCenterClient(sim.url, KEY, client=http, retry_delays=())
        settings = Settings(
            server_url=sim.url,
            agent=DEMO_AGENT,
            extension=DEMO_EXTENSION,
            poll_interval_s=0.5,
            break_budgets_min={"3": 1},
        )
        with tempfile.TemporaryDirectory() as tmp:
            state_file = Path(tmp) / "state.json"
            from agentbar.core.agent_state import save_state

            session = AgentSession(
                ClientGate.opened(http, client, KEY),
                settings,
                AgentState(),
                save_state=lambda st: save_state(state_file, st),
                save_settings=lambda _s: None,
            )
            bar = Toolbar(session)
            bar.show()
            session.start()

            async def snap(name: str, action: Callable[[], Awaitable[object] | None]) -> None:
                result = action()
                if result is not None:
                    await result
                await asyncio.sleep(1.2)
                path = out / f"bar-{name}.png"
                save_screenshot(path, [bar])
                written.append(path)

            await snap("logged-out", lambda: None)
            await snap("ready", session.login)
            await _until(lambda: session.state.break_reasons)
            reasons = session.state.break_reasons
            await snap("break", lambda: session.start_break(reasons[0]))
            await session.end_break()
            await snap("dialling", lambda: bar.dial_field.setText("+90 (532) 123 45 67"))
            bar.dial_field.clear()
            # A call that rings for a while, then is answered.
            sim.state.calls.incoming(DEMO_EXTENSION, "05321234567", "", 4.0, 60.0)
            await _until(lambda: session.call is not None and session.call.ringing)
            await snap("ringing", lambda: None)
            await _until(lambda: session.call is not None and not session.call.ringing)
            await asyncio.sleep(2)
            await snap("call", lambda: None)
            await session.hangup()
            await _until(lambda: session.call is None)
            wrong = CallCenterClient(sim.url, "not-the-key", client=http, retry_delays=())
            session.apply_settings(settings, wrong)
            await _until(lambda: session.connection.auth_failed)
            await snap("key-refused", lambda: None)
            session.apply_settings(settings, client)
            await _until(lambda: session.connection.online)
            sim.set_down(True)
            session.poke()
            await _until(lambda: not session.connection.online)
            await snap("offline", lambda: None)
            sim.set_down(False)
            session.poke()
            await _until(lambda: session.connection.online)
            written += await _panel_shots(out, session, bar, Path(tmp) / "recordings")
            await session.aclose()
            bar.close()
    sim.stop()
    return written


async def _panel_shots(out: Path, session: AgentSession, bar: Toolbar, cache: Path) -> list[Path]:
    """The side panel beside the bar: recordings (one playing), history, queues."""
    from agentbar.ui.panel.panel_session import PanelSession
    from agentbar.ui.panel.player import shared_player
    from agentbar.ui.panel.side_panel import SidePanel

    panel = PanelSession(session, cache)
    side = SidePanel(panel, shared_player())
    side.show_beside(bar)
    await _until(
        lambda: side.recordings.model.entries and side.history.model.entries and side.queues.queues
    )
    side.recordings.view.selectRow(1)
    side.recordings.toggle()
    await _until(lambda: shared_player().position > 500)
    written = []
    for index, name in enumerate(("recordings", "history", "queues")):
        side.tabs.setCurrentIndex(index)
        await asyncio.sleep(0.3)
        path = out / f"panel-{name}.png"
        save_screenshot(path, [bar, side])
        written.append(path)
    shared_player().stop()
    await panel.aclose()
    side.close()
    return written


def settings_shots(out: Path) -> list[Path]:
    """The settings dialog's tabs, filled as a first run would be (no server needed)."""
    from agentbar.core.agent_state import BreakReason
    from agentbar.sim.seed import BREAKS
    from agentbar.ui.settings.dialog import SettingsDialog

    settings = Settings(
        server_url="https://pbx.example.com/api/",
        agent="101",
        extension="1004",
        break_budgets_min={"2": 45, "3": 10},
    )
    reasons = tuple(BreakReason(r.id, r.name) for r in BREAKS)
    dialog = SettingsDialog(settings, "••••••••", checker=None, break_reasons=reasons)
    dialog.show()
    written = []
    tabs = dialog.findChild(QTabWidget)
    for index in range(tabs.count() if tabs is not None else 1):
        if tabs is not None:
            tabs.setCurrentIndex(index)
        dialog.adjustSize()
        path = out / f"settings-{index + 1}.png"
        save_screenshot(path, [dialog])
        written.append(path)
    dialog.close()
    return written


def main(argv: list[str]) -> int:
    base = Path(argv[0] if argv else "docs/screenshots")
    _app = QApplication.instance() or QApplication(sys.argv[:1])
    cache = Path(tempfile.mkdtemp(prefix="agentbar-shots-"))
    for language in ("en", "tr"):
        install_translations(language, cache)  # compiles the current .ts sources
        out = base / language
        for path in asyncio.run(shoot(out), loop_factory=qasync.QEventLoop):
            print(path)
        for path in settings_shots(out):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
