"""The served site's security headers: the CSP made from our templates' known scripts (not from
the pages), the Permissions-Policy, and the TLS server with HSTS, on Debian's nginx on loopback
with a self-signed certificate; Chromium checks that an injected script does not run."""

from __future__ import annotations

import http.client
import shutil
import ssl
import subprocess
import urllib.error
import urllib.request

import pytest

from helpers import PORTALS
from hotro.deploy.nginx_conf import HSTS, PERMISSIONS_POLICY, Tls, render
from hotro.deploy.nginx_run import free_port, serve_with_nginx
from hotro.render.csp import policy, policy_base

pytestmark = pytest.mark.browser
INJECTED = "<script>window.__injected = 1</script>"


def headers_of(url: str, context: ssl.SSLContext | None = None):
    with urllib.request.urlopen(url, timeout=10, context=context) as response:
        return response.status, response.headers


def test_the_policy_is_the_one_made_from_the_templates(nginx_url):
    _, headers = headers_of(nginx_url + "/duong-day-nong/")
    assert headers["Content-Security-Policy"] == policy("'none'")
    assert "script-src 'self';" in policy("'none'") and "sha256" not in policy("'none'")
    _, embed = headers_of(nginx_url + "/embed/duong-day-nong/")
    assert embed["Content-Security-Policy"] == policy(PORTALS)


def injected_copy(real_site, tmp_path):
    """The joint edition with a script injected into its home page."""
    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    index = site / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace("</main>", INJECTED + "</main>"),
                     encoding="utf-8")
    return site


def test_a_script_injected_into_the_pages_is_not_allowed(real_site, tmp_path):
    """Before, the policy listed the hash of every inline script found in the pages."""
    conf = render(injected_copy(real_site, tmp_path), "127.0.0.1:80", "localhost")
    assert f'set $csp_base "{policy_base()}";' in conf and "sha256" not in conf


@pytest.fixture
def injected_site_url(real_site, tmp_path):
    with serve_with_nginx(injected_copy(real_site, tmp_path), tmp_path) as url:
        yield url


def test_chromium_does_not_run_an_injected_script_and_ours_still_work(browser,
                                                                       injected_site_url):
    context = browser.new_context()
    context.add_init_script("window.__violations = []; document.addEventListener("
                            "'securitypolicyviolation', e => window.__violations.push("
                            "e.effectiveDirective));")
    page = context.new_page()
    page.goto(injected_site_url + "/", wait_until="networkidle")
    assert page.evaluate("window.__injected") is None
    assert page.evaluate("window.__violations") == ["script-src-elem"]
    # Material's scripts, now files of ours, ran: the bundle started, the scope is the root
    assert page.evaluate("document.documentElement.classList.contains('js')")
    for path in ("/en/duong-day-nong/", "/chinh-sach/luat-53-2024-qh15/", "/khong-co/"):
        page.goto(injected_site_url + path, wait_until="networkidle")
        assert page.evaluate("__md_scope.href") == injected_site_url + "/", path
        assert page.evaluate("window.__violations") == [], path
    context.close()


@pytest.fixture(scope="module")
def tls_site(real_site, tmp_path_factory):
    """The joint edition over https (a self-signed certificate made with openssl)."""
    if shutil.which("openssl") is None:
        pytest.fail("openssl not found: Debian's openssl package makes the test certificate")
    work = tmp_path_factory.mktemp("tls")
    cert, key = work / "cert.pem", work / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    site = work / "site"
    shutil.copytree(real_site, site)
    http_port = free_port()
    tls = Tls(str(cert), str(key), f"127.0.0.1:{http_port}")
    with serve_with_nginx(site, work, PORTALS, tls=tls) as url:
        yield url, http_port, str(cert)


@pytest.mark.parametrize("path", ["/", "/en/duong-day-nong/", "/khong-co/",
                                  "/embed/duong-day-nong/"])
def test_https_sends_hsts_and_the_other_headers(tls_site, path):
    url, _, cert = tls_site
    assert url.startswith("https://127.0.0.1:")
    try:
        status, headers = headers_of(url + path, ssl.create_default_context(cafile=cert))
    except urllib.error.HTTPError as err:
        status, headers = err.code, err.headers
    assert status == (404 if "khong-co" in path else 200)
    assert headers["Strict-Transport-Security"] == HSTS == "max-age=31536000; includeSubDomains"
    assert headers["Permissions-Policy"] == PERMISSIONS_POLICY
    assert headers["Content-Security-Policy"].startswith(policy_base())


@pytest.mark.parametrize(("version", "name"), [(ssl.TLSVersion.TLSv1_2, "TLSv1.2"),
                                             (ssl.TLSVersion.TLSv1_3, "TLSv1.3")])
def test_tls_1_2_and_1_3_are_served(tls_site, version, name):
    url, _, cert = tls_site
    context = ssl.create_default_context(cafile=cert)
    context.minimum_version = context.maximum_version = version
    conn = http.client.HTTPSConnection("127.0.0.1", int(url.rsplit(":", 1)[1]),
                                       context=context, timeout=10)
    conn.request("HEAD", "/")
    assert conn.getresponse().status == 200
    assert conn.sock.version() == name
    conn.close()


def test_plain_http_redirects_to_https_without_hsts(tls_site):
    url, http_port, _ = tls_site
    conn = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
    conn.request("GET", "/duong-day-nong/?q=1")
    response = conn.getresponse()
    assert response.status == 301
    assert response.headers["Location"] == f"{url}/duong-day-nong/?q=1"
    assert response.headers.get("Strict-Transport-Security") is None
    assert response.headers["Permissions-Policy"] == PERMISSIONS_POLICY
    conn.close()


def test_the_tls_server_block_has_modern_settings(tmp_path):
    conf = render(tmp_path, "443", "ho-tro.example.gov.vn", tls=Tls("/c.pem", "/k.pem"))
    assert "listen 443 ssl;" in conf and "ssl_protocols TLSv1.2 TLSv1.3;" in conf
    assert "ssl_certificate /c.pem;" in conf and "ssl_certificate_key /k.pem;" in conf
    assert "return 301 https://$host$request_uri;" in conf and "listen 80;" in conf
    plain = render(tmp_path, "80", "ho-tro.example.gov.vn")
    assert "ssl" not in plain and "Strict-Transport-Security" not in plain
    assert "Permissions-Policy" in plain
