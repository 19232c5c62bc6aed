"""Embeddable blocks as a portal's readers meet them: an agency edition served by nginx under
its sub-path, framed by a portal page on another origin that pastes the snippet from our
webmaster page, in Chromium."""

from __future__ import annotations

import html
import re
import shutil
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from helpers import REPO, serve
from hotro.checks.site_check import html_files, parse_html
from hotro.deploy.nginx_run import serve_with_nginx

pytestmark = pytest.mark.browser
EID = "so-y-te-ca-mau"  # published in a folder of its portal: /ho-tro/
EDITION = yaml.safe_load((REPO / "content" / "editions" / f"{EID}.yml").read_text("utf-8"))


@pytest.fixture(scope="module")
def portal(all_editions, tmp_path_factory):
    """(portal_url, edition_url): a portal on one loopback origin, the edition on another."""
    tmp = tmp_path_factory.mktemp("embed")
    portal_dir = tmp / "portal"
    portal_dir.mkdir()
    portal_url, stop = serve(portal_dir)
    site = tmp / "site"
    shutil.copytree(all_editions / EID, site)
    try:
        with serve_with_nginx(site, tmp, portal_url, "/ho-tro") as edition_url:
            yield portal_dir, portal_url, edition_url
    finally:
        stop()


def snippets(all_editions, lang: str = "") -> list[str]:
    """The code blocks a webmaster copies from the site's own page, as text."""
    page = all_editions / EID / lang / "gioi-thieu" / "nhung-va-du-lieu" / "index.html"
    found = re.findall(r"<pre><code>(.*?)</code></pre>", page.read_text("utf-8"), re.S)
    return [html.unescape(code) for code in found]


def host_page(portal, all_editions, block: str, lang: str = "", extra: str = "") -> str:
    """A portal page with the pasted iframe (and the auto-height script), our address swapped
    for the loopback server's, as the webmaster's copy would have the real one."""
    portal_dir, portal_url, edition_url = portal
    codes = snippets(all_editions, lang)
    iframe = next(c for c in codes if f"/embed/{block}" in c)
    script = next(c for c in codes if "addEventListener" in c)
    origin = re.match(r"https?://[^/]+", EDITION["site_url"])[0]
    body = (iframe + "\n" + script + extra).replace(EDITION["site_url"], edition_url + "/")
    body = body.replace(origin, re.match(r"https?://[^/]+", edition_url)[0])
    name = f"{lang.strip('/') or 'vi'}-{block.strip('/').replace('/', '-')}.html"
    (portal_dir / name).write_text(f'<!doctype html><html lang="vi"><head><meta charset="utf-8">'
                                   f"<title>Cổng thông tin</title></head><body><h1>Cổng</h1>"
                                   f"{body}</body></html>", encoding="utf-8")
    return f"{portal_url}/{name}"


def test_hotline_block_renders_in_the_portal_and_fits_its_height(browser, portal, all_editions):
    page = browser.new_page(viewport={"width": 360, "height": 640})
    page.goto(host_page(portal, all_editions, "duong-day-nong/"), wait_until="networkidle")
    frame = page.frame_locator("iframe")
    assert frame.locator("h1").inner_text() == "Cần giúp đỡ? Hãy gọi"
    call = frame.locator('a[href="tel:111"]').first
    assert call.is_visible() and "111" in call.inner_text()
    page.wait_for_function("document.querySelector('iframe').style.height !== ''")
    framed = page.frames[1].evaluate("document.documentElement.scrollHeight")
    assert page.evaluate("document.querySelector('iframe').style.height") == f"{framed}px"
    page.close()


def test_tel_link_in_the_block_dials(browser, portal, all_editions):
    page = browser.new_page()
    page.goto(host_page(portal, all_editions, "duong-day-nong/"), wait_until="networkidle")
    with page.expect_request(lambda r: r.url.startswith("tel:")) as dialled:
        page.frame_locator("iframe").locator('a[href="tel:111"]').first.click()
    assert dialled.value.url == "tel:111"
    page.close()


def test_quick_exit_in_the_block_leaves_the_whole_portal(browser, portal, all_editions):
    page = browser.new_page()
    page.goto(host_page(portal, all_editions, "duong-day-nong/"), wait_until="networkidle")
    with page.expect_request(EDITION["quick_exit"]) as left:
        page.frame_locator("iframe").locator(".embed__exit").click()
    assert left.value.frame == page.main_frame
    page.close()


def test_page_block_in_english_opens_links_in_a_new_tab(browser, portal, all_editions):
    page = browser.new_page()
    page.goto(host_page(portal, all_editions, "trang/bao-tin/", "en/"), wait_until="networkidle")
    frame = page.frame_locator("iframe")
    assert frame.locator("h1").first.inner_text() == "Reporting human trafficking"
    assert frame.locator("html").get_attribute("lang") == "en"
    assert frame.locator('a[href="tel:113"]').count() >= 1
    links = frame.locator("a").evaluate_all(
        "links => links.map(a => [a.getAttribute('href'), a.getAttribute('target')])")
    for href, target in links:
        if not href.startswith(("tel:", "mailto:", "#")):
            assert target in ("_blank", "_top"), href
    page.close()


def test_block_works_without_javascript(browser, portal, all_editions):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(host_page(portal, all_editions, "lien-he/"), wait_until="networkidle")
    frame = page.frame_locator("iframe")
    assert "Sở Y tế tỉnh Cà Mau" in frame.locator("h1").inner_text()
    assert frame.locator('a[href="tel:111"]').first.is_visible()
    assert frame.locator('a[href="tel:115"]').is_visible()
    context.close()


def test_ordinary_pages_refuse_to_be_framed(browser, portal, all_editions):
    portal_dir, portal_url, edition_url = portal
    (portal_dir / "home.html").write_text(f'<iframe src="{edition_url}/"></iframe>',
                                          encoding="utf-8")
    page = browser.new_page()
    messages = []
    page.on("console", lambda m: messages.append(m.text))
    page.goto(f"{portal_url}/home.html", wait_until="networkidle")
    assert page.frames[1].url.startswith("chrome-error://")
    assert any("frame-ancestors 'none'" in m for m in messages)
    page.close()


def test_only_listed_portals_may_frame_the_blocks(browser, all_editions, tmp_path):
    """An edition served for another portal's origin: our loopback portal is refused."""
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    other_url, stop = serve(other_dir)
    try:
        with serve_with_nginx(all_editions / EID, tmp_path, "https://soyte.example.gov.vn",
                              "/ho-tro") as edition_url:
            (other_dir / "p.html").write_text(
                f'<iframe src="{edition_url}/embed/duong-day-nong/"></iframe>', encoding="utf-8")
            page = browser.new_page()
            page.goto(f"{other_url}/p.html", wait_until="networkidle")
            assert page.frames[1].url.startswith("chrome-error://")
            page.close()
    finally:
        stop()


def test_blocks_carry_no_site_chrome_and_are_light(all_editions):
    block = all_editions / EID / "embed" / "duong-day-nong" / "index.html"
    text = block.read_text("utf-8")
    assert "md-header" not in text and "<nav" not in text
    css = all_editions / EID / "embed" / "embed.css"
    assert len(text.encode()) + css.stat().st_size < 12_000
    assert f"--primary:{EDITION['colours']['primary']}" in css.read_text("utf-8")


def test_every_embeddable_page_has_a_block_in_both_languages(all_editions):
    marked = sorted(p.name.removesuffix(".vi.md") for p in (REPO / "docs").glob("*.vi.md")
                    if "embeddable: true" in p.read_text("utf-8"))
    assert "bao-tin" in marked
    for lang in ("", "en/"):
        built = sorted(p.name for p in (all_editions / EID / lang / "embed" / "trang").iterdir())
        assert built == marked
    assert Path(all_editions / EID / "en" / "embed" / "lien-he" / "index.html").is_file()


def test_edition_under_its_folder_has_its_colour_and_every_link_answers(browser, portal):
    """The whole edition served from /ho-tro/: every page, and every link on it, answers."""
    _, _, edition_url = portal
    page = browser.new_page()
    page.goto(edition_url + "/")
    colour = page.evaluate(
        "getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert colour == "rgb(0, 105, 92)"  # #00695c from the edition's file
    page.close()
    site = Path(portal[0]).parent / "site"
    seen: dict[str, int] = {}
    for path in html_files(site):
        rel = path.relative_to(site).as_posix()
        page_url = f"{edition_url}/{rel}"
        for _, _, url in parse_html(path.read_text("utf-8")).links:
            target = urljoin(page_url, url).split("#")[0]
            if urlsplit(target).netloc != urlsplit(edition_url).netloc or target in seen:
                continue
            assert urlsplit(target).path.startswith("/ho-tro/"), (rel, url)
            with urllib.request.urlopen(target, timeout=10) as response:
                seen[target] = response.status
    assert len(seen) > 50 and set(seen.values()) == {200}
