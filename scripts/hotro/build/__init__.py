"""The build command: every edition in its own process, checked, then published in one step."""
