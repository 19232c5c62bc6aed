"""Pages read while the build runs are used only while their bytes are unchanged."""

from __future__ import annotations

import pytest

from hotro.build.page_watch import PageWatcher, read_new_pages
from hotro.checks.site_check import check_site, parse_html
from hotro.checks.site_pages import digest
from test_site_check import BASE, write


def findings(site, early, jobs=1):
    return [str(f) for f in check_site(site, BASE, jobs, early)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_page_read_early_and_unchanged_is_not_read_again(tmp_path, jobs):
    write(tmp_path, "index.html", '<a href="a/">a</a>')
    write(tmp_path, "a/index.html", "<h1>A</h1>")
    early, stamps = {}, {}
    read_new_pages(tmp_path, early, stamps)
    assert set(early) == {"index.html", "a/index.html"}
    # stand-in proof that the early copy was used: a parse that disagrees with the file
    data = (tmp_path / "index.html").read_bytes()
    early["index.html"] = (digest(data), parse_html('<a href="gone/">x</a>'))
    assert findings(tmp_path, early, jobs) == [
        "site/index.html: link 'gone/' points to gone/index.html, which does not exist"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_page_written_again_after_it_was_read_is_read_again(tmp_path, jobs):
    write(tmp_path, "index.html", '<a href="a/">a</a>')
    write(tmp_path, "a/index.html", "<h1>A</h1>")
    early: dict = {}
    read_new_pages(tmp_path, early, {})
    write(tmp_path, "index.html", '<a href="b/">b</a>')  # e.g. the 404 page, written last
    assert findings(tmp_path, early, jobs) == [
        "site/index.html: link 'b/' points to b/index.html, which does not exist"]


def test_a_page_caught_half_written_is_read_again(tmp_path):
    whole = '<html lang="vi"><body><a href="missing/">x</a></body></html>'
    (tmp_path / "index.html").write_text(whole[:20], encoding="utf-8")
    early: dict = {}
    read_new_pages(tmp_path, early, {})
    (tmp_path / "index.html").write_text(whole, encoding="utf-8")
    assert findings(tmp_path, early) == [
        "site/index.html: link 'missing/' points to missing/index.html, which does not exist"]


def test_the_helper_has_read_every_page_when_the_build_ends(tmp_path):
    site = tmp_path / "site"
    watcher = PageWatcher(site)  # the folder does not exist yet, as when MkDocs starts
    site.mkdir()
    write(site, "index.html", '<a href="a/#top">a</a>')
    write(site, "a/index.html", '<h1 id="top">A</h1>')
    early = watcher.finish()
    assert set(early) == {"index.html", "a/index.html"}
    assert early["a/index.html"][1].ids == {"top"}
    assert early["index.html"][0] == digest((site / "index.html").read_bytes())
    assert findings(site, early) == []
