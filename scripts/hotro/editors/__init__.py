"""The editors' commands: check, status, translated, new, serve and the web editor."""
