"""Build an edition's languages at the same time, one process each, and join the results.

mkdocs-static-i18n builds the languages one after another in one process: the default language
first, then each other one from its on_post_build. On a machine with a CPU to spare (one edition
on two CPUs, as in a CI job per edition) build_site.py starts one MkDocs process per language
instead, each told its language by the hotro plugin's option `build_language` in its config
(load/editions.one_language). The plugin then makes the i18n plugin build that language only
(plugin/i18n_fixes.build_only), with every language still configured, so the language switch,
the alternates and the fallbacks come out as in a joint build. HOTRO_PLAIN=1 builds the
languages in one process (model/speedups.py).

`join_languages` puts the parts together: the default language's folder is the site, each
other language brings its `<lang>/` folder, and the sitemaps (each process lists only the pages
it built) become one. The result is byte for byte the site a joint build writes
(tests/test_language_split.py).
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

SITEMAP = "sitemap.xml"
GZIP_MTIME = slice(4, 8)  # the header's modification time (RFC 1952), little-endian


def join_languages(parts: dict[str, Path], default_lang: str, out: Path) -> None:
    """Move the per-language builds in `parts` together into `out`, in the order given."""
    base = parts[default_lang]
    sitemap = (base / SITEMAP).read_text(encoding="utf-8")
    mtime = None
    for lang, part in parts.items():
        if lang == default_lang:
            continue
        if (base / lang).exists():
            raise FileExistsError(f"{base / lang}: the {default_lang} build wrote into {lang}/")
        shutil.move(str(part / lang), str(base / lang))
        sitemap = merge_sitemaps(sitemap, (part / SITEMAP).read_text(encoding="utf-8"))
        mtime = int.from_bytes((part / f"{SITEMAP}.gz").read_bytes()[GZIP_MTIME], "little")
    if mtime is not None:
        (base / SITEMAP).write_text(sitemap, encoding="utf-8")
        write_gzip(base / f"{SITEMAP}.gz", sitemap, mtime)
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(base), str(out))


def merge_sitemaps(first: str, second: str) -> str:
    """`first`'s <url> entries, then `second`'s, as a joint build lists them."""
    close = "</urlset>"
    head = first[:first.rindex(close)].removesuffix("\n")
    opening = second.index("<urlset")
    return head + second[second.index(">", opening) + 1:]


def write_gzip(path: Path, text: str, mtime: int) -> None:
    """Compressed as MkDocs compresses sitemap.xml.gz: same name and time in the header."""
    with path.open("wb") as file, gzip.GzipFile(fileobj=file, filename=path.name, mode="wb",
                                                mtime=mtime) as packed:
        packed.write(text.encode("utf-8"))
