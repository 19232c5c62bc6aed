"""List a theme's files without walking its hidden folders.

Before each language is built, MkDocs lists every file of the theme to find the static ones
(CSS, JavaScript, images) and then drops every hidden path: its filter leaves out '.*' and
'*/.*'. Material keeps about 14,000 icons under `.icons/`, so each language's build walked
and filtered them all to copy about 50 files. This loader leaves hidden files and folders out
of the listing, which gives MkDocs the same static files. Templates are still loaded from
anywhere, `.icons/` included: only the listing changes.
"""

from __future__ import annotations

import os

from jinja2 import Environment, FileSystemLoader


class VisibleFilesLoader(FileSystemLoader):
    """A FileSystemLoader whose list_templates() skips hidden files and folders."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [name for name in dirnames if not name.startswith(".")]
                folder = os.path.relpath(dirpath, searchpath).replace(os.path.sep, "/")
                prefix = "" if folder == "." else folder + "/"
                found.update(prefix + name for name in filenames if not name.startswith("."))
        return sorted(found)


def list_visible_files(theme) -> None:
    """Make `theme.get_env()` (an mkdocs.theme.Theme) list only visible files from now on."""
    if getattr(theme.get_env, "lists_visible_files", False):
        return
    make_env = theme.get_env

    def get_env() -> Environment:
        env = make_env()
        old = env.loader
        if type(old) is FileSystemLoader:  # as MkDocs makes it; anything else is left alone
            env.loader = VisibleFilesLoader(old.searchpath, old.encoding, old.followlinks)
        return env

    get_env.lists_visible_files = True
    theme.get_env = get_env
