"""``python -m agentbar``: the same as the ``agentbar`` command."""

from agentbar.app import main

raise SystemExit(main())
