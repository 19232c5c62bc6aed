"""The site served by Debian's nginx on loopback with the shipped configuration."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from helpers import PORTALS, html_lang
from hotro.deploy.nginx_conf import PERMISSIONS_POLICY

pytestmark = pytest.mark.browser
def get(url: str, gzip_ok: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def body_text(headers, body: bytes) -> str:
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode("utf-8")


@pytest.mark.parametrize("path", ["/", "/duong-day-nong/", "/en/", "/khong-co/", "/en/khong-co/"])
def test_security_headers_on_every_response(nginx_url, path):
    _, headers, _ = get(nginx_url + path)
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers.get("Set-Cookie") is None
    assert headers["Permissions-Policy"] == PERMISSIONS_POLICY
    assert "camera=()" in PERMISSIONS_POLICY and "interest-cohort=()" in PERMISSIONS_POLICY
    assert headers.get("Strict-Transport-Security") is None  # plain HTTP: HSTS means nothing


@pytest.mark.parametrize("path", ["/embed/duong-day-nong/", "/en/embed/trang/bao-tin/"])
def test_only_embed_pages_may_be_framed_and_only_by_the_portals(nginx_url, path):
    status, headers, _ = get(nginx_url + path)
    assert status == 200
    csp = headers["Content-Security-Policy"]
    assert csp.endswith(f"frame-ancestors {PORTALS}")
    assert "default-src 'self'" in csp and headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("path", "lang"), [("/khong-co/", "vi"), ("/chinh-sach/x/", "vi"),
                                            ("/en/khong-co/", "en"), ("/en/chinh-sach/x/", "en")])
def test_404_page_is_in_the_right_language(nginx_url, path, lang):
    status, headers, body = get(nginx_url + path)
    assert status == 404
    assert html_lang(body_text(headers, body)) == lang


def test_pages_are_compressed_and_cached_briefly(nginx_url):
    status, headers, body = get(nginx_url + "/")
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == "public, max-age=300"
    assert len(body) < len(body_text(headers, body).encode()) / 2


def test_hashed_assets_are_cached_for_a_year(nginx_url, real_site):
    css = next((real_site / "assets" / "stylesheets").glob("main.*.min.css")).name
    status, headers, _ = get(f"{nginx_url}/assets/stylesheets/{css}")
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    _, plain, _ = get(f"{nginx_url}/assets/stylesheets/site.css")
    assert plain["Cache-Control"] == "public, max-age=300"  # its name has no hash


PAGES = ["/", "/duong-day-nong/", "/chinh-sach/luat-53-2024-qh15/", "/can-bo/", "/khong-co/",
         "/en/", "/en/nguoi-co-nguy-co/", "/en/khong-co/"]
WATCH = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"""


def test_pages_work_under_the_policy_with_no_violation(browser, nginx_url):
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    for path in PAGES:
        page.goto(nginx_url + path, wait_until="networkidle")
        assert page.evaluate("window.__violations") == [], path
        assert page.evaluate("document.documentElement.classList.contains('js')"), path
    page.goto(nginx_url + "/tim-kiem/")
    page.fill("#site-search-q", "nạn nhân")
    page.locator("#site-search-results a").first.wait_for(timeout=10_000)
    assert page.evaluate("window.__violations") == []
    assert [m for m in console if "Content Security Policy" in m] == []
    context.close()
