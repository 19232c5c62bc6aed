"""The security scan of the built site refuses anything executable, navigating or off-site that
is not ours (scripts/site_scan.py), with one clear line per finding."""

from __future__ import annotations

import pytest

from helpers import REPO, run_build
from hotro.checks.site_check import scan_site
from hotro.plugin.theme_scripts import FOLDER, SCRIPTS, material_script

BASE = "https://agency.example.gov.vn/ho-tro/"
TELS = {"111", "+84981848484"}
NO_SCRIPT = ("(expected no script in a page; the site's own scripts are files "
             "(scripts/hotro/render/csp.py))")
ATTRIBUTE = "(expected only the attributes the site's templates and Markdown write)"
ELEMENT = "(expected only the elements the site's templates and Markdown write)"
ADDRESS = "(expected a page of this site, a web address, tel: or mailto:)"
THIS_SITE = "(expected files of this site only)"
TEL = "(expected the number of a published (verified) contact of content/contacts.yml)"


def page(body: str, head: str = "") -> str:
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>T</title>'
            f"{head}</head><body><main>{body}</main></body></html>")


def scan(tmp_path, body: str, head: str = "") -> list[str]:
    (tmp_path / "index.html").write_text(page(body, head), encoding="utf-8")
    return [str(f) for f in scan_site(tmp_path, BASE, TELS)]


OURS = [
    # what the theme and our templates write
    '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    '<script src="assets/javascripts/material-scope.js"></script>'
    '<script src="/ho-tro/embed/embed.js" defer></script>'
    '<script id="__config" type="application/json">{"base": "."}</script>'
    '<script type="application/ld+json">{"@context": "https://schema.org"}</script>',
    '<a href="tel:111">111</a> <a href="tel:+84981848484">0981 848 484</a>'
    '<a href="tel:%2B84%20981%20848%20484">x</a> <a href="tel:\uff11\uff11\uff11">x</a>'
    '<a href="tel:0981848484">x</a> <a href="mailto:a@example.org">a</a>',
    '<a href="https://thuvienphapluat.vn/van-ban/x" rel="noopener" target="_blank">source</a>'
    '<img src="../assets/images/a.svg" alt=""><img src="data:image/png;base64,iVBORw0K" alt="">',
    '<table><tr><th style="text-align: left;">a</th></tr></table>'
    '<nav class="md-nav" data-md-level="1" aria-label="x"><label for="a" tabindex="0">x'
    "</label></nav><!-- a comment --><ol start=\"3\"><li>x</li></ol>",
]


@pytest.mark.parametrize("body", OURS)
def test_what_our_templates_write_passes(tmp_path, body):
    head = ('<link rel="canonical" href="https://ho-tro.example.gov.vn/x/">'
            '<link rel="stylesheet" href="../assets/stylesheets/site.css">')
    assert scan(tmp_path, body, head) == []


BACKSLASHED = "\\\\tracker.example/p.gif"
ATTACKS = [
    ("<script>alert('x')</script>",
     f"an inline <script> that is not one of the site's own: \"alert('x')\" {NO_SCRIPT}"),
    ('<script type="module">import("x")</script>',
     f"an inline <script> that is not one of the site's own: 'import(\"x\")' {NO_SCRIPT}"),
    ('<script src="https://cdn.example/x.js"></script>',
     f"<script src='https://cdn.example/x.js'> is not one of the site's own scripts {NO_SCRIPT}"),
    ('<script src="../uploads/x.js"></script>',
     f"<script src='../uploads/x.js'> is not one of the site's own scripts {NO_SCRIPT}"),
    ('<p onmouseover="alert(1)">x</p>', f"<p onmouseover> runs a script when the reader acts "
                                        f"{NO_SCRIPT}"),
    ('<svg\nonload="alert(1)"></svg>', f"<svg onload> runs a script when the reader acts "
                                       f"{NO_SCRIPT}"),
    ('<meta content="0;url=https://evil.example/" http-equiv="refresh">',
     "<meta http-equiv='refresh'> can redirect the reader or change the page's rules "
     "(expected no http-equiv in a page)"),
    ('<meta name="referrer" content="unsafe-url">',
     "<meta name='referrer'> can change how the browser treats the page (a referrer policy, "
     "for instance) (expected only the meta tags the site writes: description, generator, "
     "robots, viewport)"),
    ('<a href="javascript:alert(1)">x</a>', f"<a href='javascript:alert(1)'> uses javascript: "
                                            f"{ADDRESS}"),
    ('<a href=" JaVa&#x09;ScRiPt&colon;alert(1)">x</a>',
     f"<a href=' JaVa\\tScRiPt:alert(1)'> uses javascript: {ADDRESS}"),
    ('<a href="vbscript:x">x</a>', f"<a href='vbscript:x'> uses vbscript: {ADDRESS}"),
    ('<a href="data:text/html,<script>x</script>">x</a>',
     f"<a href='data:text/html,<script>x</script>'> uses data: {ADDRESS}"),
    ('<img src="data:image/svg+xml,<svg/onload=x>" alt="">',
     f"<img src='data:image/svg+xml,<svg/onload=x>'> uses data: {ADDRESS}"),
    ('<img src="https://tracker.example/p.gif" alt="">',
     "<img src='https://tracker.example/p.gif'> makes the reader's browser load something "
     f"from 'tracker.example' {THIS_SITE}"),
    ('<img src="\\\\tracker.example/p.gif" alt="">',  # browsers read \\ as //
     f"<img src={BACKSLASHED!r}> makes the reader's browser load something "
     f"from 'tracker.example' {THIS_SITE}"),
    ('<img src="a.png" alt="" srcset="a.png 1x, //evil.example/b.png 2x">',
     f"<img srcset> is not an attribute the site writes {ATTRIBUTE}"),
    ('<p style="background:url(https://tracker.example/x)">x</p>',
     f"<p style> is not an attribute the site writes {ATTRIBUTE}"),
    ('<a href="x/" ping="https://tracker.example/">x</a>',
     f"<a ping> is not an attribute the site writes {ATTRIBUTE}"),
    ('<form action="https://evil.example/collect"></form>',
     "<form action='https://evil.example/collect'> makes the reader's browser load something "
     f"from 'evil.example' {THIS_SITE}"),
    ('<button formaction="https://evil.example/">x</button>',
     f"<button formaction> is not an attribute the site writes {ATTRIBUTE}"),
    ('<video poster="https://evil.example/p.jpg"></video>',
     f"<video> is not an element the site writes {ELEMENT}"),
    ('<svg><image href="https://evil.example/i.png"/></svg>',
     f"<image> is not an element the site writes {ELEMENT}"),
    ('<iframe src="https://evil.example/"></iframe>',
     f"<iframe> is not an element the site writes {ELEMENT}"),
    ('<base href="https://evil.example/">', f"<base> is not an element the site writes {ELEMENT}"),
    ('<object data="x.swf"></object>', f"<object> is not an element the site writes {ELEMENT}"),
    ('<a href="tel:%30912345679">Gọi 111</a>',
     f"tel: link 'tel:%30912345679' dials '0912345679', not a published contact {TEL}"),
    ('<a href="tel:111;ext=9">111</a>',
     f"tel: link 'tel:111;ext=9' dials '111;ext=9', not a published contact {TEL}"),
]


@pytest.mark.parametrize(("body", "message"), ATTACKS)
def test_each_attack_is_refused_with_its_message(tmp_path, body, message):
    assert scan(tmp_path, body) == [f"site/index.html: {message}"]


def test_link_tags_that_load_something_must_be_from_this_site(tmp_path):
    head = ('<link rel="alternate icon" href="https://evil.example/i.png">'
            '<link rel="stylesheet" href="//fonts.example/css">'
            '<link rel="alternate" hreflang="en" href="https://other.example/en/">')
    assert scan(tmp_path, "x", head) == [
        "site/index.html: <link href='https://evil.example/i.png'> makes the reader's browser "
        f"load something from 'evil.example' {THIS_SITE}",
        "site/index.html: <link href='//fonts.example/css'> makes the reader's browser load "
        f"something from 'fonts.example' {THIS_SITE}",
    ]


# A browser and a careless reader of HTML can disagree on where a tag ends; the scan reads as
# the browser does, or sees more.
DISGUISED = [
    '<a b"c><script>alert(1)</script><a d">',          # a quote in a name opens nothing
    "<!--> <script>alert(1)</script> -->",               # <!--> is a whole comment
    "<!-- x --!> <script>alert(1)</script>",             # --!> ends a comment too
    "<svg><style><img src=x onerror=alert(1)></style></svg>",  # in svg, style is markup
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<svg><title><img src=x onerror=alert(1)></title></svg>",
    "<img/src=\"x\"/onerror=alert(1)>",
    "<SCRIPT>alert(1)</SCRIPT>",
]


@pytest.mark.parametrize("body", DISGUISED)
def test_disguised_scripts_are_found(tmp_path, body):
    found = scan(tmp_path, body)
    assert found, body
    assert all(("script" in line or "onerror" in line or "element" in line
                or "attribute" in line) for line in found), found


def test_a_finding_on_many_pages_is_one_line(tmp_path):
    for rel in ("index.html", "a/index.html", "b/index.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(page("<p onclick=x>x</p>"), encoding="utf-8")
    assert [str(f) for f in scan_site(tmp_path, BASE, TELS)] == [
        "site/a/index.html: <p onclick> runs a script when the reader acts (and on 2 other "
        f"pages) {NO_SCRIPT}"]


def test_a_broken_quote_is_one_finding_per_tag(tmp_path):
    body = '<p>x</p>'
    head = '<meta name="description" content="a "quoted" word, and more">'
    assert scan(tmp_path, body, head) == [
        f"site/index.html: <meta quoted\"> is not an attribute the site writes {ATTRIBUTE}"]


def test_the_scan_reads_in_vietnamese(tmp_path):
    bodies = [body for body, _ in ATTACKS]
    (tmp_path / "index.html").write_text(page("".join(bodies)), encoding="utf-8")
    (tmp_path / "a.html").write_text(page(bodies[4]), encoding="utf-8")
    findings = scan_site(tmp_path, BASE, TELS)
    assert len(findings) == len(ATTACKS)
    for finding in findings:
        vi = finding.text("vi")
        assert vi != str(finding) and "(cần " in vi and " (expected " not in vi, vi
    assert findings[0].text("vi") == (
        "site/a.html: <p onmouseover> chạy mã (script) khi người đọc bấm, chạm hay di chuột "
        "(và ở 1 trang khác) (cần bỏ mã (script) khỏi trang; mã của trang web nằm trong các "
        "tệp riêng (scripts/hotro/render/csp.py))")
    meta = next(f for f in findings if "http-equiv" in str(f))
    assert str(meta) == (
        "site/index.html: <meta http-equiv='refresh'> can redirect the reader or change the "
        "page's rules (expected no http-equiv in a page)")
    assert meta.text("vi") == (
        "site/index.html: <meta http-equiv='refresh'> có thể đưa người đọc sang trang khác "
        "hoặc đổi quy tắc của trang (cần bỏ http-equiv khỏi trang)")


INJECT_HOOK = '''
def on_post_page(output, page, config):
    """A template bug, simulated: content that reaches every page unescaped."""
    return output.replace("</main>", '<script>alert("x")</script><p onclick="steal()">x</p>'
                          '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
                          "</main>")
'''


def test_an_injected_script_stops_the_publish_and_keeps_the_last_good_site(tree):
    site = tree / "site"
    assert run_build(tree / "mkdocs.yml", site).returncode == 0
    before = (site / "thu" / "index.html").read_bytes()
    (tree / "inject_hook.py").write_text(INJECT_HOOK, encoding="utf-8")
    config = tree / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("plugins:\n", "hooks: [inject_hook.py]\nplugins:\n", 1),
                      encoding="utf-8")
    result = run_build(config, site)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "Edition thu:",
        "site/danh-ba/index.html: an inline <script> that is not one of the site's own: "
        f"'alert(\"x\")' (and on 5 other pages) {NO_SCRIPT}",
        "site/danh-ba/index.html: <p onclick> runs a script when the reader acts (and on 5 "
        f"other pages) {NO_SCRIPT}",
        "site/danh-ba/index.html: <meta http-equiv='refresh'> can redirect the reader or change "
        "the page's rules (and on 5 other pages) (expected no http-equiv in a page)",
        "3 problems in editions thu; nothing was published.",
    ]
    assert (site / "thu" / "index.html").read_bytes() == before


def test_the_real_site_passes_the_scan(all_editions):
    from hotro.checks.site_check import html_files
    from hotro.checks.validated import load_content

    content = load_content(REPO)
    tels = {c.phone.tel for c in content.published_contacts() if c.phone}
    assert sorted(p.name for p in all_editions.iterdir()) == sorted(content.editions)
    for eid, edition in content.editions.items():
        assert len(html_files(all_editions / eid)) > 40  # both languages
        assert scan_site(all_editions / eid, edition["site_url"], tels) == [], eid


def test_the_served_files_have_no_source_maps_or_unused_search_files(all_editions):
    for edition in all_editions.iterdir():
        files = [p.relative_to(edition).as_posix() for p in edition.rglob("*") if p.is_file()]
        assert [f for f in files if f.endswith(".map") or "lunr" in f or "workers" in f] == []
        scripts = sorted(f for f in files if f.endswith(".js"))
        assert scripts == [
            "assets/embed/embed.js", "assets/javascripts/bundle.a5f9d56c.min.js",
            "assets/javascripts/material-palette.js",
            "assets/javascripts/material-scope.js", "assets/javascripts/material-tabs.js",
            "assets/javascripts/material-target.js", "assets/javascripts/quick-exit.js",
            "assets/javascripts/search.js", "embed/embed.js"], edition.name


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_our_copies_of_materials_inline_scripts_are_up_to_date(name):
    """After a Material upgrade, `python -m hotro.plugin.theme_scripts` writes them again."""
    assert (FOLDER / name).read_text(encoding="utf-8") == material_script(name)
    assert "{{" not in material_script(name) and "document.currentScript" in material_script(
        "material-scope.js")


def test_every_scan_message_comes_from_the_catalogue_in_both_languages(tmp_path):
    """Problem and expected are catalogue messages (content/messages.yml): Vietnamese text, in
    the same place, the values as written in the page."""
    from helpers import check_vietnamese
    from hotro.model.messages import Message

    (tmp_path / "index.html").write_text(page("".join(body for body, _ in ATTACKS)),
                                         encoding="utf-8")
    findings = scan_site(tmp_path, BASE, TELS)
    assert len(findings) == len(ATTACKS)
    for finding in findings:
        assert isinstance(finding.problem, Message) and isinstance(finding.expected, Message)
        assert finding.problem.id.startswith("site.") and finding.expected.id.startswith("site.")
        vi, en = finding.problem.text("vi"), finding.problem.text("en")
        assert vi != en and finding.expected.text("vi") != finding.expected.text("en")
        assert finding.text("vi").startswith("site/index.html: ")
    check_vietnamese([finding.as_problem() for finding in findings])


def test_a_finding_written_in_a_page_points_at_its_line(tree):
    from hotro.checks.site_scan import EXPECT_NO_SCRIPT, Finding
    from hotro.checks.source_map import source_problems
    from hotro.checks.validated import load_content
    from hotro.model.messages import msg

    page = tree / "docs" / "index.vi.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nBấm steal() ngay.\n", encoding="utf-8")
    content = load_content(tree)
    line = page.read_text(encoding="utf-8").splitlines().index("Bấm steal() ngay.") + 1
    onclick = msg("site.scan-handler", tag="p", attr="onclick")
    found = [Finding("index.html", "steal()", onclick, EXPECT_NO_SCRIPT),
             Finding("index.html", "x", onclick, EXPECT_NO_SCRIPT),
             Finding("404.html", "steal()", onclick, EXPECT_NO_SCRIPT)]
    assert [str(p) for p in source_problems(found, content)] == [
        f"docs/index.vi.md:{line}: <p onclick> runs a script when the reader acts {NO_SCRIPT}",
        f"site/index.html: <p onclick> runs a script when the reader acts {NO_SCRIPT}",
        f"site/404.html: <p onclick> runs a script when the reader acts {NO_SCRIPT}"]


def test_the_allowlist_is_what_the_real_site_writes_and_markdown_may(all_editions):
    """Every element and attribute allowed is in the real pages (four editions, both
    languages), or one Markdown writes (site_scan.MARKDOWN_ONLY): none is allowed in vain."""
    from hotro.checks.site_scan import ELEMENTS, MARKDOWN_ONLY
    from hotro.model.html_tokens import tags

    seen: dict[str, set[str]] = {}
    for path in all_editions.rglob("*.html"):
        for tag in tags(path.read_text(encoding="utf-8")):
            seen.setdefault(tag.name, set()).update(
                "data-md-*" if name.startswith("data-md-") else name for name, _ in tag.written)
    for element, attrs in ELEMENTS.items():
        markdown = set(MARKDOWN_ONLY.get(element, "-").split())
        assert element in seen or element in MARKDOWN_ONLY, element
        assert attrs - seen.get(element, set()) <= markdown, element


def test_pages_read_in_several_processes_give_the_same_findings(tmp_path, monkeypatch):
    from hotro.checks import site_check

    for rel, body in (("index.html", "<p onclick=x>x</p>"), ("a/index.html", "<video></video>"),
                      ("b/index.html", "<p onclick=x>x</p>")):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(page(body), encoding="utf-8")
    one = scan_site(tmp_path, BASE, TELS)
    monkeypatch.setattr(site_check, "PARALLEL_FROM", 1)
    assert scan_site(tmp_path, BASE, TELS, jobs=2) == one and len(one) == 2


# Vectors that run a script in Chromium (checked below, with no CSP: the scan is the defence),
# each found by the scan; the others do not run in a browser and are still refused.
RUN_IN_CHROMIUM = [
    '<a b"c><script>__ran=1</script><a d">',
    "<!--> <script>__ran=1</script> -->",
    "<!-- x --!> <script>__ran=1</script>",
    "<svg><style><img src=x onerror=__ran=1></style></svg>",
    '<noscript><p title="</noscript><img src=x onerror=__ran=1>"></noscript>',
    "<svg><title><img src=x onerror=__ran=1></title></svg>",
    '<img/src="x"/onerror=__ran=1>',
    "<SCRIPT>__ran=1</SCRIPT>",
    "<svg><script/><img src=x onerror=__ran=1></svg>",
    '<iframe srcdoc="<script>parent.__ran=1</script>"></iframe>',
    "<details open ontoggle=__ran=1>",
    "<svg><animate onbegin=__ran=1 attributeName=x dur=1s>",
    "<input autofocus onfocus=__ran=1>",
    "<img src=x onerror=&#95;&#95;ran=1>",
    "<svg><foreignObject><img src=x onerror=__ran=1></foreignObject></svg>",
    "<script>/*</script><img src=x onerror=__ran=1>*/</script>",
    '<p title="x>"><img src=x onerror=__ran=1>',
]
NOT_RUN = ["<math><mtext><table><mglyph><style><img src=x onerror=__ran=1>",
           "<img src=x onerror=__ran=1", "<xmp><img src=x onerror=__ran=1></xmp>",
           "<textarea><img src=x onerror=__ran=1></textarea>",
           "<style><img src=x onerror=__ran=1></style>"]


@pytest.mark.parametrize("vector", RUN_IN_CHROMIUM + NOT_RUN)
def test_the_scan_finds_every_vector(vector):
    from hotro.checks.site_scan import scan_page

    assert scan_page(page(vector), "agency.example.gov.vn", frozenset()) != []


@pytest.mark.browser
def test_what_runs_in_chromium_is_what_the_scan_finds(browser):
    from hotro.checks.site_scan import scan_page

    for vector in RUN_IN_CHROMIUM:
        tab = browser.new_page()
        tab.set_content(page(vector))
        tab.wait_for_function("window.__ran === 1", timeout=10_000)  # it ran
        tab.close()
        assert scan_page(page(vector), "agency.example.gov.vn", frozenset()) != [], vector
