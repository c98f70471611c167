"""The side panel: call table, recordings with the player, history, queues (never imports bar/)."""
