"""The always-on-top bar: the toolbar, its status pill, the dial field and the transfer menu."""
