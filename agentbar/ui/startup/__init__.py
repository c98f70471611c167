"""Start-up and the shell: the run's phases, the windows it holds, remote commands, crash box."""
