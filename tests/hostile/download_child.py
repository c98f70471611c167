"""A process that downloads one recording and is killed midway by tests/hostile/test_crash.py.

    python -m tests.hostile.download_child URL DEST

Prints ``STARTED`` once the download is under way (the key comes from AGENTBAR_API_KEY).
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import httpx

from agentbar.api import CallCenterClient

LISTEN = "/var/spool/asterisk/monitor/2019/10/24/out-05332730130-1004-20191024-150314-1.WAV"


async def main(url: str, dest: Path) -> int:
    async with httpx.AsyncClient() as http:
        client = CallCenterClient(url, os.environ["AGENTBAR_API_KEY"], client=http)
        said = False

        def progress(got: int, total: int | None) -> None:
            nonlocal said
            if not said:
                print("STARTED", flush=True)
                said = True

        await client.download_recording(LISTEN, dest, on_progress=progress)
    print("FINISHED", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main(sys.argv[1], Path(sys.argv[2]))))
