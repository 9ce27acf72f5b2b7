"""The window: Qt views and the document they edit. Nothing below ``kpidesk.model`` imports this."""
