"""Start-up: the run's phases, the windows it holds (AppWindows), remote commands, crash box."""
