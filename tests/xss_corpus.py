"""Our own XSS corpus, in the spirit of OWASP's XSS filter evasion cheat sheet (written for this
project, not copied): script tags in many spellings, event handlers, javascript:/data:/vbscript:
addresses hidden by entities, case, spaces and control characters, svg/math/iframe/object/embed/
base/meta/link/form/style, attr_list and md_in_html tricks, Markdown links and images, HTML
comment and CDATA tricks, and breakouts from attributes, <title>, <textarea> and JSON.

Each vector is (name, text, markup): `markup` is True when the text is markup a page may not
hold, so the content check must refuse it in a page's Markdown; the others are inert there.
Every executable vector calls alert(); every request it could make goes to *.example hosts,
never to 127.0.0.1.
"""

from __future__ import annotations

VECTORS: list[tuple[str, str, bool]] = [
    ("script", "<script>alert(1)</script>", True),
    ("script src upper case", "<SCRIPT SRC=https://xss.example/x.js></SCRIPT>", True),
    ("script mixed case", "<ScRiPt>alert(2)</sCrIpT>", True),
    ("script slash attribute", '<script/xss src="https://xss.example/x.js"></script>', True),
    ("script doubled brackets", "<<script>alert(3);//<</script>", True),
    ("script never closed", "<script>alert(4)//", True),
    ("title breakout", "</title><script>alert(5)</script>", True),
    ("textarea breakout", "</textarea><script>alert(6)</script>", True),
    ("attribute breakout double", '"><script>alert(7)</script>', True),
    ("attribute breakout single", "'><script>alert(8)</script>", True),
    ("img onerror", "<img src=x onerror=alert(9)>", True),
    ("img javascript src", '<IMG SRC="javascript:alert(10);">', True),
    ("img javascript mixed case", "<IMG SRC=JaVaScRiPt:alert(11)>", True),
    ("img decimal entities", "<img src=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;"
     "&#116;&#58;alert(12)>", True),
    ("img tab entity", '<img src="jav&#x09;ascript:alert(13);">', True),
    ("img newline entity", '<img src="jav&#x0A;ascript:alert(14);">', True),
    ("img leading control", '<img src=" &#14;  javascript:alert(15);">', True),
    ("img malformed quotes", '<img """><script>alert(16)</script>">', True),
    ("img eval src", "<img src=x:alert(17) onerror=eval(src)>", True),
    ("svg onload", "<svg onload=alert(18)>", True),
    ("svg onload next line", "<svg\nonload=alert(19)>", True),
    ("svg script", "<svg><script>alert(20)</script></svg>", True),
    ("svg image href", '<svg><image href="https://tracker.example/p.png"/></svg>', True),
    ("svg xlink", '<svg><a xlink:href="javascript:alert(21)"><text x="20" y="20">x</text>'
     "</a></svg>", True),
    ("math mglyph style", "<math><mtext><table><mglyph><style><img src=x onerror=alert(22)>",
     True),
    ("body onload", "<body onload=alert(23)>", True),
    ("iframe javascript", '<iframe src="javascript:alert(24)"></iframe>', True),
    ("iframe srcdoc", '<iframe srcdoc="<script>alert(25)</script>"></iframe>', True),
    ("object data", '<object data="javascript:alert(26)"></object>', True),
    ("embed data", '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgyNyk8L3NjcmlwdD4=">',
     True),
    ("base href", '<base href="https://xss.example/">', True),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', True),
    ("meta refresh javascript", '<meta http-equiv="refresh" content="0;url=javascript:alert(28)">',
     True),
    ("link stylesheet", '<link rel="stylesheet" href="https://xss.example/x.css">', True),
    ("style import", "<style>@import 'https://xss.example/x.css';</style>", True),
    ("style background url", '<div style="background:url(https://tracker.example/p.png)">x'
     "</div>", True),
    ("style overlay", '<div style="position:fixed;top:0;left:0;width:100%;height:100%">cover'
     "</div>", True),
    ("a javascript", '<a href="javascript:alert(29)">x</a>', True),
    ("a javascript upper case", '<a href="JAVASCRIPT:alert(30)">x</a>', True),
    ("a javascript leading space", '<a href=" javascript:alert(31)">x</a>', True),
    ("a javascript hex entity", '<a href="&#x6A;avascript:alert(32)">x</a>', True),
    ("a javascript tab", '<a href="java\tscript:alert(33)">x</a>', True),
    ("a javascript colon entity", '<a href="javascript&colon;alert(60)">x</a>', True),
    ("a vbscript", '<a href="vbscript:msgbox(34)">x</a>', True),
    ("a data html", '<a href="data:text/html,<script>alert(35)</script>">x</a>', True),
    ("a ping", '<a href="https://example.org/" ping="https://tracker.example/ping">x</a>', True),
    ("a onclick", '<a href="#" onclick="alert(36)">x</a>', True),
    ("a handler on the next line", '<a href="/x" onmouseover\n="alert(54)">x</a>', True),
    ("button formaction", '<form action="https://evil.example/"><button '
     'formaction="javascript:alert(37)">go</button></form>', True),
    ("input autofocus", "<input autofocus onfocus=alert(38)>", True),
    ("details ontoggle", "<details open ontoggle=alert(39)>", True),
    ("video poster", '<video poster="https://tracker.example/p.png"><source '
     'src="https://tracker.example/v.mp4"></video>', True),
    ("audio onerror", "<audio src=x onerror=alert(40)>", True),
    ("marquee onstart", "<marquee onstart=alert(41)>x</marquee>", True),
    ("img srcset", '<img srcset="https://tracker.example/p.png 1x">', True),
    ("img protocol relative", '<img src="//tracker.example/p.png">', True),
    ("img backslashes", '<img src="\\\\tracker.example\\p.png">', True),
    ("table background", '<table background="https://tracker.example/p.png"><tr><td>x</td>'
     "</tr></table>", True),
    ("unknown element handler", "<x onclick=alert(59)>x</x>", True),
    ("fake quick exit", '<a id="quick-exit" href="https://evil.example/">exit</a>', True),
    ("fake material config", '<div id="__config">{"base":"https://evil.example/"}</div>', True),
    ("empty comment trick", "<!--><script>alert(43)</script>-->", True),
    ("comment inside a tag", "<img src=x <!-- onerror=alert(61) -->", True),
    ("cdata", "<![CDATA[<script>alert(44)</script>]]>", True),
    # a bogus comment in HTML: inert, and dropped from the page
    ("processing instruction", '<?xml-stylesheet href="https://xss.example/x.xsl"?>', False),
    ("attr_list onmouseover", 'Text\n{: onmouseover="alert(45)" }', True),
    ("attr_list style overlay", 'Text\n{: style="position:fixed;top:0;left:0;width:100%;'
     'height:100%" }', True),
    ("attr_list reserved id", "Text\n{: #__config }", True),
    ("attr_list reserved class", "Text\n{: .md-overlay }", True),
    ("attr_list on a heading", '## Heading {: onclick="alert(62)" }', True),
    ("md_in_html handler", '<div markdown="1" onclick="alert(46)">*md*</div>', True),
    ("md_in_html script", '<div markdown="1">\n<script>alert(47)</script>\n</div>', True),
    ("markdown link javascript", "[x](javascript:alert(48))", True),
    ("markdown link mixed case", "[x](JaVaScRiPt:alert(49))", True),
    ("markdown link tab entity", "[x](jav&#x09;ascript:alert(50))", True),
    ("markdown image other host", "![x](https://tracker.example/p.png)", True),
    ("markdown image data svg", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoNTEpPg==)",
     True),
    ("markdown reference javascript", "[x][r52]\n\n[r52]: javascript:alert(52)", True),
    ("autolink javascript", "<javascript:alert(53)>", True),
    ("json script close", "</script><script>alert(57)</script>", True),
    ("json comment open", "<!--<script>alert(63)</script>", True),
    ("attribute breakout handler", '" onmouseover="alert(55)" x="', False),
    ("attribute breakout single quote", "' onmouseover='alert(56)' x='", False),
    ("meta refresh breakout", '0;url=https://evil.example/" http-equiv="refresh', False),
    ("escaped text", "&lt;script&gt;alert(64)&lt;/script&gt;", False),
]

# Groups of vectors joined into one text: an entry point of the built site holds one group.
GROUPS = 4


def groups(texts: list[str] | None = None) -> list[str]:
    """The corpus (or `texts` of it) as GROUPS texts, each vector once."""
    texts = [text.replace("\n", " ") for text in texts or [text for _, text, _ in VECTORS]]
    return [" ".join(texts[i::GROUPS]) for i in range(GROUPS)]
