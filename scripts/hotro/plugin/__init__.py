"""The MkDocs plugin `hotro` (plugin.py, options in config.py): it loads the content, renders
page parts, makes Material's HTML what the site needs (overrides/main.html where a block can,
html_fixes.py where none can) and carries the speed-ups that HOTRO_PLAIN=1 turns off."""
