"""Keeping planners' files safe: atomic saves, backups, locks and recovery."""
