"""The built-HTML checker finds what MkDocs' --strict misses."""

from __future__ import annotations

from helpers import SITE_CHECK_BASE as BASE
from helpers import write_page as write
from hotro.checks.site_check import check_site


def test_a_clean_site_has_no_problems(tmp_path):
    write(tmp_path, "index.html", '<a href="a/#top">a</a><a href="/ho-tro/en/">en</a>'
          '<a href="tel:111">111</a><a href="https://other.example/">source</a>')
    write(tmp_path, "a/index.html", '<h1 id="top">A</h1><a href="../">home</a>')
    write(tmp_path, "en/index.html", '<a href="../a/">a</a>')
    assert [str(f) for f in check_site(tmp_path, BASE)] == []


def test_broken_links_missing_anchors_and_foreign_loads(tmp_path):
    write(tmp_path, "index.html",
          '<a href="missing/">x</a><a href="a/#nowhere">y</a>'
          '<script src="https://cdn.example/x.js"></script>'
          '<link rel="stylesheet" href="//fonts.example/css">'
          '<a href="/elsewhere/">z</a>')
    write(tmp_path, "a/index.html", "<h1 id='top'>A</h1>")
    assert [str(f) for f in check_site(tmp_path, BASE)] == [
        "site/index.html: link 'missing/' points to missing/index.html, which does not exist",
        "site/index.html: link 'a/#nowhere': no anchor #nowhere on a/index.html",
        "site/index.html: script src='https://cdn.example/x.js' loads from another host "
        "(expected this site only)",
        "site/index.html: link href='//fonts.example/css' loads from another host "
        "(expected this site only)",
        "site/index.html: link '/elsewhere/' leaves the site's address /ho-tro/ (expected a page "
        "of this site)",
    ]


def test_javascript_links_are_reported(tmp_path):
    write(tmp_path, "index.html", '<a href="javascript:alert(1)">x</a>')
    assert [str(f) for f in check_site(tmp_path, BASE)] == [
        "site/index.html: a href='javascript:alert(1)' uses javascript: (expected a page, tel: "
        "or mailto:)"]


def test_findings_read_in_vietnamese_from_the_catalogue(tmp_path):
    write(tmp_path, "index.html", '<a href="missing/">x</a><a href="/elsewhere/">z</a>'
          '<a href="javascript:x">j</a><img src="https://cdn.example/a.png" alt="">')
    assert [f.text("vi") for f in check_site(tmp_path, BASE)] == [
        "site/index.html: liên kết 'missing/' trỏ tới missing/index.html, nhưng tệp này không "
        "tồn tại",
        "site/index.html: liên kết '/elsewhere/' đi ra ngoài địa chỉ /ho-tro/ của trang web "
        "(cần một trang của trang web này)",
        "site/index.html: a href='javascript:x' dùng javascript: (cần một trang, tel: hoặc "
        "mailto:)",
        "site/index.html: img src='https://cdn.example/a.png' tải nội dung từ máy chủ khác "
        "(chỉ được tải từ chính trang web này)"]


def test_one_reading_gives_the_links_and_the_scan(tmp_path):
    """With the numbers a page may dial, the same one pass also runs the security scan; a link
    the link check reported is not reported again by the scan."""
    write(tmp_path, "index.html", '<a href="missing/" onclick="x()">x</a>'
          '<script src="https://cdn.example/x.js"></script>')
    assert [str(f) for f in check_site(tmp_path, BASE, tels={"111"})] == [
        "site/index.html: link 'missing/' points to missing/index.html, which does not exist",
        "site/index.html: script src='https://cdn.example/x.js' loads from another host "
        "(expected this site only)",
        "site/index.html: <a onclick> runs a script when the reader acts (expected no script in "
        "a page; the site's own scripts are files (scripts/hotro/render/csp.py))"]
