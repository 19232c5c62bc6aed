"""The MkDocs plugin: it loads the content, renders page parts and fixes the theme's HTML."""
