"""AgentBar: an always-on-top agent toolbar for Asterisk/Issabel call centers."""

__version__ = "0.1.0"
