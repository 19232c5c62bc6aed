"""Vietnamese for every message an editor can see: problems, what is expected, summary lines.

The English texts stay the source: the code writes them and the tests compare them. This
catalogue matches each English text with a regular expression (named groups for the parts that
vary: ids, file names, values, numbers) and gives its Vietnamese. An expectation that comes from
a JSON Schema `description` is looked up by that property's `description_vi` in
content/schemas/*.schema.json, so a new field needs its Vietnamese only in its schema.

    translate(problem, "vi")   -> the same Problem with Vietnamese problem and expected text
    translate_line(line, "vi") -> a printed line (a problem or a summary line) in Vietnamese
    problem.text("vi"), content_error.report("vi") -> what editors read
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache

from hotro.model import paths
from hotro.model.messages import Message
from hotro.model.problems import Problem

SCHEMA_DIR = paths.SCHEMAS
LANGS = ("vi", "en")


class Untranslated(LookupError):
    """An English text the catalogue has no Vietnamese for."""


# -- Parts of texts ----------------------------------------------------------------------------

# A Python repr of a text, as the code shows values ('x', "it's"), or one cut short ('abc...').
REPR = r"""(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|['"].*?\.\.\.')"""
# What schemas._show prints for a value.
VALUE = rf"(?:{REPR}|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|True|False|None|A group of fields|A list)"
SHOWN_VI = {"None": "giá trị trống", "True": "true", "False": "false",
            "A group of fields": "Một nhóm trường", "A list": "Một danh sách"}
# schemas.TYPE_WORDS: what a schema type asks for.
TYPE_WORDS_VI = {"text": "chữ", "a whole number": "một số nguyên", "a number": "một số",
                 "true or false": "true hoặc false", "a list": "một danh sách",
                 "a group of fields": "một nhóm trường", "nothing": "để trống"}
# schemas._type_word after "is": what the editor wrote.
IS_TYPE_VI = {"true/false": "là true/false", "a number": "là một số", "text": "là chữ",
              "a list": "là một danh sách", "a group of fields": "là một nhóm trường",
              "empty": "đang để trống"}
RECORD_KINDS_VI = {"source": "nguồn", "agency": "cơ quan", "contact": "liên hệ",
                   "policy": "văn bản chính sách"}
ID_HOMES_VI = {"the policy: id of a page": "trường policy: id của một trang"}
LINK_KINDS_VI = {"absolute": "tuyệt đối", "unrecognized relative": "tương đối"}
# PyYAML's names for what it expected or found.
YAML_PHRASES_VI = {
    "<block end>": "chỗ kết thúc khối (<block end>)",
    "<document start>": "chỗ bắt đầu tài liệu (<document start>)",
    "the node content": "nội dung", "alphabetic or numeric character": "chữ cái hoặc chữ số",
    "a comment or a line break": "chú thích hoặc xuống dòng", "a digit": "một chữ số",
    "URI": "một địa chỉ URI", "the empty value": "giá trị trống",
    "'<stream end>'": "cuối tệp", "'<scalar>'": "một giá trị",
    "'<block mapping start>'": "đầu một nhóm trường", "'<block sequence start>'":
    "đầu một danh sách", "'<block end>'": "chỗ kết thúc khối", "'<block entry>'": "dấu '-'",
    "'<flow mapping start>'": "dấu '{'", "'<flow mapping end>'": "dấu '}'",
    "'<flow sequence start>'": "dấu '['", "'<flow sequence end>'": "dấu ']'",
    "'<flow entry>'": "dấu ','", "'<key>'": "một khóa", "'<value>'": "dấu ':'",
    "'<document start>'": "dòng '---'", "'<document end>'": "dòng '...'",
}


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


IS_TYPE = _alternatives(IS_TYPE_VI)
TYPE_WORD = _alternatives(TYPE_WORDS_VI)
TYPES = rf"(?:{TYPE_WORD})(?: or (?:{TYPE_WORD}))*"


def _shown(value: str) -> str:
    return SHOWN_VI.get(value, value)


def _types(text: str) -> str:
    return " hoặc ".join(TYPE_WORDS_VI[m[0]] for m in re.finditer(TYPE_WORD, text))


def _lookup(table: dict[str, str]) -> Callable[[str], str]:
    def convert(text: str) -> str:
        if text not in table:
            raise Untranslated(text)
        return table[text]
    return convert


def _home(text: str) -> str:
    """Where an id comes from: a file name stays as it is."""
    if text in ID_HOMES_VI:
        return ID_HOMES_VI[text]
    if "/" not in text:
        raise Untranslated(text)
    return text


def _thousands(text: str) -> str:
    """1,000,000 as Vietnamese writes it: 1.000.000."""
    return text.replace(",", ".")


def _decimal(text: str) -> str:
    """4.5 as Vietnamese writes it: 4,5."""
    return text.replace(".", ",")


def _yaml_wanted(text: str) -> str:
    """What PyYAML expected: "',' or ']'" -> "',' hoặc ']'"."""
    if text in YAML_PHRASES_VI:
        return YAML_PHRASES_VI[text]
    return " hoặc ".join(_yaml_token(part) for part in text.split(" or "))


def _yaml_token(text: str) -> str:
    if text in YAML_PHRASES_VI:
        return YAML_PHRASES_VI[text]
    if re.fullmatch(REPR, text):
        return text
    raise Untranslated(text)


# -- Schema descriptions -----------------------------------------------------------------------


@cache
def descriptions() -> dict[str, str]:
    """English `description` -> its `description_vi`, from every schema in content/schemas/."""
    found: dict[str, str] = {}

    def walk(node) -> None:
        if isinstance(node, dict):
            en, vi = node.get("description"), node.get("description_vi")
            if isinstance(en, str) and isinstance(vi, str):
                found.setdefault(en, vi)
            for key, value in node.items():
                if key != "examples":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        walk(json.loads(path.read_text(encoding="utf-8")))
    return found


def _schema_text(text: str) -> str:
    """A schema's expectation (schemas._expected): description, then ", e.g. <example>"."""
    known = descriptions()
    if text in known:
        return known[text]
    for english in sorted(known, key=len, reverse=True):
        if text.startswith(f"{english}, e.g. "):
            return f"{known[english]}, ví dụ {text[len(english) + len(', e.g. '):]}"
    if text.startswith("e.g. "):
        return f"ví dụ {text[len('e.g. '):]}"
    raise Untranslated(text)


# -- The catalogues ----------------------------------------------------------------------------

Catalogue = list[tuple[re.Pattern, str]]


def _catalogue(*entries: tuple[str, str]) -> Catalogue:
    return [(re.compile(english, re.S), vi) for english, vi in entries]


# Texts inside other texts: PyYAML's syntax errors and MkDocs' reasons for a broken link.
YAML = _catalogue(
    (r"found character '\\t' that cannot start any token",
     "có dấu tab; YAML không cho thụt lề bằng dấu tab, hãy dùng dấu cách"),
    (rf"found character (?P<char>{REPR}) that cannot start any token",
     "ký tự {char} không được đứng ở chỗ này; nếu đó là chữ, hãy đặt cả giá trị trong dấu nháy"),
    (r"expected <block end>, but found (?P<found>.+)",
     "thụt lề không khớp: ở đây lại có {found}; các trường cùng cấp phải thẳng hàng nhau"),
    (r"expected '<document start>', but found (?P<found>.+)",
     "tài liệu đã kết thúc mà vẫn còn {found}; hãy kiểm tra thụt lề và các dấu ngoặc"),
    (r"expected (?P<wanted>.+?), but (?:found|got) '<stream end>'",
     "tệp đã hết mà vẫn thiếu {wanted}"),
    (r"expected (?P<wanted>.+?), but (?:found|got) (?P<found>.+)",
     "chỗ này cần {wanted} nhưng lại có {found}"),
    (r"could not find expected ':'", "thiếu dấu ':' sau tên trường"),
    (r"mapping values are not allowed here",
     "không được có dấu ':' ở chỗ này; nếu dấu ':' là một phần của chữ, hãy đặt cả giá trị "
     "trong dấu nháy"),
    (r"sequence entries are not allowed here", "không được bắt đầu một mục danh sách ('- ') ở đây"),
    (r"mapping keys are not allowed here", "không được đặt tên trường ở chỗ này"),
    (r"found unexpected end of stream", "tệp kết thúc khi một dấu nháy còn chưa đóng"),
    (r"found unexpected document separator", "có dòng --- hoặc ... ở giữa một giá trị"),
    (rf"found unknown escape character (?P<char>{REPR})",
     "ký tự sau dấu \\ không hợp lệ: {char}"),
    (rf"found undefined alias (?P<name>{REPR})", "bí danh {name} chưa được định nghĩa"),
    (rf"found undefined tag handle (?P<name>{REPR})", "thẻ {name} chưa được định nghĩa"),
    (rf"found duplicate anchor (?P<name>{REPR}); first occurrence",
     "điểm neo {name} bị trùng; đây là lần xuất hiện đầu tiên"),
    (r"second occurrence", "lần xuất hiện thứ hai"),
    (r"found unhashable key", "tên trường không thể là một danh sách hay một nhóm trường"),
    (r"found duplicate key", "tên trường bị trùng"),
    (rf"could not determine a constructor for the tag (?P<tag>{REPR})",
     "không dùng được thẻ {tag}"),
    (r"invalid indentation or unclosed '\[' or '\{'",
     "thụt lề sai, hoặc thiếu dấu đóng cho '[' hay '{'"),
    (r"found duplicate YAML directive", "dòng %YAML bị lặp lại"),
    (r"found incompatible YAML document \(version 1\.\* is required\)",
     "phiên bản YAML không dùng được (cần phiên bản 1.*)"),
    (r"but found another document", "tệp có thêm một tài liệu thứ hai (một dòng --- thừa)"),
    (r"expected a single document in the stream", "tệp chỉ được chứa một tài liệu"),
    (r"while (?:scanning|parsing|composing|constructing) .+", "có lỗi khi đọc tệp YAML"),
    (r"not valid YAML", "không phải YAML hợp lệ"),
)

LINK_WHY = _catalogue(
    (rf"(?P<why>.+)\. Did you mean (?P<suggestion>{REPR})\?",
     "{why}. Có phải ý bạn là {suggestion}?"),
    (r"(?P<why>.+)\. This seems to be a footnote that is never referenced",
     "{why}. Có vẻ đây là một chú thích cuối trang chưa được dẫn tới"),
    (r"the target is not found among documentation files",
     "không tìm thấy trang đích trong thư mục docs/"),
    (rf"the target (?P<target>{REPR}) is not found among documentation files",
     "không tìm thấy trang đích {target} trong thư mục docs/"),
    (rf"the doc (?P<doc>{REPR}) does not contain an anchor (?P<anchor>{REPR})",
     "trang {doc} không có điểm neo (đề mục) {anchor}"),
    (r"there is no such anchor on this page", "trang này không có điểm neo (đề mục) đó"),
    (r"this (?P<kind>[\w ]+?) link does not lead to a page of this site",
     "liên kết {kind} này không dẫn tới trang nào của trang web này"),
    (r"no anchor #(?P<fragment>\S*) on (?P<target>.+)",
     "không có điểm neo (đề mục) #{fragment} trong {target}"),
)

# site_scan.py (the security scan of the built site): a finding seen on several pages is
# printed once, with how many other pages have it.
SCAN_ALSO = r"(?P<also> \(and on \d+ other pages?\))?"


def _scan_also(text: str | None) -> str:
    if not text:
        return ""
    return f" (và ở {''.join(ch for ch in text if ch.isdigit())} trang khác)"


PROBLEMS = _catalogue(
    # schemas.py: what JSON Schema found wrong
    (r"this field is missing", "thiếu trường này"),
    (rf"unknown field (?P<name>{REPR})", "trường {name} không được dùng ở đây"),
    (rf"this is (?P<is_type>{IS_TYPE})", "giá trị này {is_type}"),
    (rf"(?P<value>{VALUE}) is (?P<is_type>{IS_TYPE})", "{value} {is_type}"),
    (rf"(?P<value>{VALUE}) is not one of the allowed values",
     "{value} không nằm trong các giá trị được phép"),
    (rf"(?P<value>{VALUE}) is not a real date", "{value} không phải là một ngày có thật"),
    (rf"(?P<value>{VALUE}) is not in the right form", "{value} không đúng dạng"),
    (rf"the name (?P<value>{VALUE}) is not in the right form", "tên {value} không đúng dạng"),
    (rf"(?P<value>{VALUE}) is not allowed here", "{value} không được phép ở đây"),
    # jsonschema's own messages, for the rules schemas.py has no words of its own for
    (r"(?P<value>.+) is less than or equal to the minimum of (?P<limit>.+)",
     "{value} phải lớn hơn {limit}"),
    (r"(?P<value>.+) is greater than or equal to the maximum of (?P<limit>.+)",
     "{value} phải nhỏ hơn {limit}"),
    (r"(?P<value>.+) is less than the minimum of (?P<limit>.+)",
     "{value} nhỏ hơn mức thấp nhất cho phép là {limit}"),
    (r"(?P<value>.+) is greater than the maximum of (?P<limit>.+)",
     "{value} lớn hơn mức cao nhất cho phép là {limit}"),
    (r"(?P<value>.+) has non-unique elements", "{value} có mục bị lặp lại"),
    (r"(?P<value>.+) is too long", "{value} quá dài"),
    (r"(?P<value>.+) is too short", "{value} quá ngắn"),
    (r"(?P<value>.+) should be non-empty", "{value} không được để trống"),
    (r"(?P<value>.+) is expected to be empty", "{value} phải để trống"),
    (r"(?P<value>.+) is not a multiple of (?P<limit>.+)",
     "{value} không phải là bội số của {limit}"),
    (r"(?P<value>.+) is a dependency of (?P<other>.+)", "cần có {value} khi đã có {other}"),
    (r"(?P<value>.+) should not be valid under .+", "{value} không được phép ở đây"),
    # yaml_source.py: reading the file
    (r"the file is too large \((?P<size>[\d,]+) bytes\)", "tệp quá lớn ({size} byte)"),
    (r"the file starts with a byte-order mark",
     "tệp bắt đầu bằng một ký tự ẩn BOM (byte-order mark)"),
    (r"the file is not valid UTF-8 text", "tệp không phải là văn bản UTF-8 hợp lệ"),
    (r"YAML syntax error: (?P<yaml>.+)", "lỗi cú pháp YAML: {yaml}"),
    (r"the file has a control character \(code (?P<code>\S+)\) that YAML does not allow",
     "tệp có một ký tự điều khiển (mã {code}) mà YAML không cho phép"),
    (r"this key appears twice", "tên trường này xuất hiện hai lần"),
    # markdown_source.py: pages
    (r"the file name has no language", "tên tệp không cho biết ngôn ngữ"),
    (r"this is not a group of fields", "phần này không phải là một nhóm trường"),
    (r"the page has no front matter", "trang không có phần đầu trang (front matter)"),
    (r"the front matter is never closed",
     "phần đầu trang (front matter) không có dòng --- để đóng lại"),
    (r"raw <(?P<tag>\w+)> is not allowed in a page", "không được viết thẻ <{tag}> trong trang"),
    (r"an HTML event handler \(on\.\.\.=\) is not allowed",
     "không được dùng thuộc tính sự kiện HTML (on...=)"),
    (r"a (?P<scheme>\w+): link is not allowed", "không được dùng liên kết {scheme}:"),
    (r"a (?P<scheme>\w+): address is not allowed", "không được dùng địa chỉ {scheme}:"),
    # Security 2, part "escape" (markup_check.py): the allowlist of a page's HTML
    (r"this element is not allowed in a page", "không được dùng thẻ này trong trang"),
    (r"the attribute (?P<attr>[^\s'\"]+) is not allowed", "không được dùng thuộc tính {attr}"),
    (r"an image from another host or a data: address is not allowed",
     "không được dùng ảnh lấy từ trang web khác, hay địa chỉ data:"),
    (rf"the id (?P<id>{REPR}) is not allowed",
     "không được dùng mã (id) {id}, vì giao diện trang đã dùng tên này"),
    (rf"the class (?P<cls>{REPR}) is not allowed",
     "không được dùng lớp (class) {cls}, vì giao diện trang đã dùng tên này"),
    # end of part "escape"
    # content.py: records and files
    (r"this id is used twice", "mã (id) này bị dùng hai lần"),
    (r"this source id is also used in (?P<file>.+)", "mã nguồn này cũng đã được dùng trong {file}"),
    (rf"this address is already source (?P<id>{REPR})", "địa chỉ này đã có ở nguồn {id}"),
    (r"the file is missing", "không có tệp này"),
    (r"there is no edition", "chưa có phiên bản nào"),
    (rf"there is no edition (?P<id>{REPR})", "không có phiên bản {id}"),
    (rf"the file name (?P<name>{REPR}) is not a valid id",
     "tên tệp {name} không phải là một mã (id) hợp lệ"),
    # phones.py: PhoneError
    (rf"(?P<number>{REPR}) has characters that are not part of a phone number",
     "{number} có ký tự không thuộc về một số điện thoại"),
    (rf"the display text (?P<display>{REPR}) is not the same number as (?P<number>{REPR})",
     "số hiển thị {display} không phải cùng một số với {number}"),
    (rf"(?P<number>{REPR}) is not a Vietnamese short code",
     "{number} không phải là một số ngắn của Việt Nam"),
    (rf"(?P<number>{REPR}) cannot be read as a phone number",
     "không đọc được {number} thành một số điện thoại"),
    (rf"(?P<number>{REPR}) is not a valid phone number",
     "{number} không phải là một số điện thoại hợp lệ"),
    # checks.py and number_check.py: across files
    (r"HTML or script is not allowed in a text field",
     "không được viết HTML hay mã script trong trường chữ"),
    (rf"the number (?P<number>{REPR}) is not in the verified directory",
     "số {number} không có trong danh bạ đã kiểm chứng"),
    (rf"(?P<what>source|agency|contact|policy) (?P<id>{REPR}) does not exist",
     "không có {what} nào mang mã {id}"),
    (rf"agency (?P<id>{REPR}) no longer exists; its work moved to (?P<successor>{REPR})",
     "cơ quan {id} không còn tồn tại; công việc của cơ quan này đã chuyển sang {successor}"),
    (r"unknown data marker", "không có loại dấu dữ liệu (data marker) này"),
    (r"wrong arguments", "sai tham số"),
    (r"there are no process steps", "chưa có bước nào của quy trình"),
    (rf"contact (?P<id>{REPR}) is not verified, so it cannot be shown",
     "liên hệ {id} chưa được kiểm chứng nên không thể hiện trên trang"),
    (r"this page has no Vietnamese version", "trang này chưa có bản tiếng Việt"),
    (r"differs from the Vietnamese page", "khác với trang tiếng Việt"),
    (r"only one language has a policy block", "chỉ một ngôn ngữ có khối policy"),
    (rf"(?P<value>{VALUE}) differs from the Vietnamese page's (?P<original>{VALUE})",
     "{value} khác với giá trị {original} ở trang tiếng Việt"),
    (rf"(?P<id>{REPR}) is also the id of (?P<file>.+)", "{id} cũng là mã của {file}"),
    (r"a Vietnamese page is the original, it is not translated from anything",
     "trang tiếng Việt là bản gốc, không dịch từ trang nào"),
    # edition_checks.py and editions.py: editions
    (r"no edition is marked canonical: true",
     "không có phiên bản nào được đánh dấu canonical: true"),
    (r"more than one edition is marked canonical \((?P<files>.+)\)",
     "có hơn một phiên bản được đánh dấu canonical ({files})"),
    (rf"unknown agency (?P<id>{REPR})", "không có cơ quan nào mang mã {id}"),
    (rf"(?P<id>{REPR}) no longer exists; its work moved to (?P<successor>{REPR})",
     "{id} không còn tồn tại; công việc đã chuyển sang {successor}"),
    (rf"unknown contact (?P<id>{REPR})", "không có liên hệ nào mang mã {id}"),
    (rf"contact (?P<id>{REPR}) is not verified, so it is never published",
     "liên hệ {id} chưa được kiểm chứng nên sẽ không bao giờ được đăng"),
    (rf"unknown section (?P<name>{REPR})", "không có mục nào tên {name}"),
    (r"the home page \(index\) is left out", "thiếu trang chủ (index)"),
    (r"there is no file overrides/(?P<logo>.+)", "không có tệp overrides/{logo}"),
    (r"(?P<colour>\S+) is too light: white text on it has a contrast of (?P<ratio>[\d.]+):1",
     "màu {colour} quá nhạt: chữ trắng trên nền màu này chỉ có độ tương phản {ratio}:1"),
    (rf"leaves out (?P<section>{REPR}), the page that explains quick exit",
     "bỏ mất mục {section}, nơi có trang giải thích nút thoát nhanh"),
    # source_map.py and site_check.py: links in the built site
    (rf"link (?P<link>{REPR}): (?P<why>.+)", "liên kết {link}: {why}"),
    (rf"link (?P<link>{REPR}) points to (?P<target>.+), which does not exist",
     "liên kết {link} trỏ tới {target}, nhưng tệp này không tồn tại"),
    (rf"link (?P<link>{REPR}) leaves the site's address (?P<base>\S+) "
     r"\(expected a page of this site\)",
     "liên kết {link} đi ra ngoài địa chỉ {base} của trang web (cần một trang của trang web "
     "này)"),
    (rf"(?P<tag>[\w-]+) (?P<attr>[\w-]+)=(?P<link>{REPR}) uses (?P<scheme>\S*): "
     r"\(expected a page, tel: or mailto:\)",
     "{tag} {attr}={link} dùng {scheme}: (cần một trang, tel: hoặc mailto:)"),
    (rf"(?P<tag>[\w-]+) (?P<attr>[\w-]+)=(?P<link>{REPR}) loads from another host "
     r"\(expected this site only\)",
     "{tag} {attr}={link} tải nội dung từ máy chủ khác (chỉ được tải từ chính trang web này)"),
    # site_scan.py: the security scan of the built site (part "scan" of issue 14)
    (rf"<(?P<tag>[^\s>]+)> is not an element the site writes{SCAN_ALSO}",
     "thẻ <{tag}> không thuộc các thẻ mà mẫu giao diện và Markdown của trang web tạo ra{also}"),
    (rf"an inline <script> that is not one of the site's own: (?P<shown>{REPR}){SCAN_ALSO}",
     "một đoạn mã <script> viết thẳng trong trang, không phải mã của trang web: {shown}{also}"),
    (rf"<(?P<tag>[^\s>]+) (?P<attr>[^\s>]+)> runs a script when the reader acts{SCAN_ALSO}",
     "<{tag} {attr}> chạy mã (script) khi người đọc bấm, chạm hay di chuột{also}"),
    (rf"<(?P<tag>[^\s>]+) http-equiv=(?P<equiv>{REPR})> can redirect the reader or change "
     rf"the page's rules{SCAN_ALSO}",
     "<{tag} http-equiv={equiv}> có thể đưa người đọc sang trang khác hoặc đổi quy tắc của "
     "trang{also}"),
    (rf"<(?P<tag>[^\s>]+) (?P<attr>[^\s>]+)> is not an attribute the site writes{SCAN_ALSO}",
     "<{tag} {attr}>: thuộc tính này không thuộc các thuộc tính mà trang web tạo ra{also}"),
    (rf"<(?P<tag>[^\s>]+) (?P<attr>[^\s=>]+)=(?P<url>{REPR})> uses (?P<scheme>[^\s:]+):"
     rf"{SCAN_ALSO}",
     "<{tag} {attr}={url}> dùng {scheme}:{also}"),
    (rf"<(?P<tag>[^\s>]+) (?P<attr>[^\s=>]+)=(?P<url>{REPR})> makes the reader's browser "
     rf"load something from (?P<host>{REPR}){SCAN_ALSO}",
     "<{tag} {attr}={url}> khiến trình duyệt của người đọc tải nội dung từ máy chủ {host}"
     "{also}"),
    (rf"<meta name=(?P<name>{REPR})> can change how the browser treats the page \(a referrer "
     rf"policy, for instance\){SCAN_ALSO}",
     "<meta name={name}> có thể đổi cách trình duyệt xử lý trang (ví dụ cách gửi địa chỉ trang "
     "cho trang khác){also}"),
    (rf"<script src=(?P<url>{REPR})> is not one of the site's own scripts{SCAN_ALSO}",
     "<script src={url}> không phải là tệp mã (script) của trang web{also}"),
    (rf"tel: link (?P<url>{REPR}) dials (?P<number>{REPR}), not a published contact"
     rf"{SCAN_ALSO}",
     "liên kết tel: {url} gọi tới số {number}, không phải số của một liên hệ đã đăng{also}"),
    # freshness.py and translations.py: reminders and `make status`
    (r"the page was due for a review by (?P<day>[\d-]+)",
     "trang đã quá hạn xem lại (hạn là ngày {day})"),
    (r"last checked on (?P<day>[\d-]+), so a check was due by (?P<due>[\d-]+) "
     r"\(every (?P<days>\d+) days\)",
     "kiểm tra lần cuối ngày {day}, nên phải kiểm tra lại trước ngày {due} (cứ {days} ngày "
     "một lần)"),
    (r"missing", "chưa có bản tiếng Anh"),
    (r"stale", "bản tiếng Anh đã cũ, không còn khớp với bản tiếng Việt"),
    # render.py and open_data.py
    (r"this interface text is missing", "thiếu đoạn chữ giao diện này"),
    # issue 14, part cms: what the web editor may touch (cms_rules.py)
    (r"is not a plain path inside the repository",
     "không phải một đường dẫn bình thường bên trong kho nội dung"),
    (r"the web editor may not change this file", "trình biên tập trên web không được sửa tệp này"),
    (r"the web editor may not read this file", "trình biên tập trên web không được đọc tệp này"),
    (r"goes through a symbolic link", "đi qua một liên kết tượng trưng (symlink)"),
    (r"its content is not the image or PDF its name says",
     "nội dung tệp không phải là ảnh hay tệp PDF như tên tệp cho biết"),
    (r"the web editor does not rename or move files",
     "trình biên tập trên web không đổi tên hay chuyển chỗ tệp"),
    (r"the content could not be checked", "không kiểm tra được nội dung"),
    # issue 14, part "editions": content_guards.py, invisible_chars.py, quick_exit_check.py
    (r"this folder is never read", "thư mục này không bao giờ được đọc"),
    (r"this file is never read: only names ending in \.yml are",
     "tệp này không bao giờ được đọc: chỉ những tệp có tên kết thúc bằng .yml mới được đọc"),
    (rf"the name (?P<id>{REPR}) is reserved: the built site already uses it for a language, "
     r"a folder or a file",
     "tên {id} đã được dành riêng: trang web tạo ra đã dùng tên này cho một ngôn ngữ, một thư "
     "mục hoặc một tệp"),
    (r"the same address as (?P<files>.+)", "trùng địa chỉ với {files}"),
    (r"(?P<day>\d{4}-\d{2}-\d{2}) is after today \((?P<today>\d{4}-\d{2}-\d{2})\)",
     "ngày {day} còn chưa tới (hôm nay là ngày {today})"),
    (r"the text has an invisible direction-control character \((?P<code>U\+[0-9A-F]{4})\)",
     "đoạn chữ có một ký tự ẩn làm đảo hướng chữ ({code})"),
    (r"the text has an invisible zero-width character \((?P<code>U\+[0-9A-F]{4})\)",
     "đoạn chữ có một ký tự ẩn không có bề rộng ({code}) chen vào giữa chữ hoặc số"),
    (rf"(?P<url>{REPR}) is not an https:// address", "{url} không phải là địa chỉ https://"),
    # issue 14, part "numbers": number_check.py and tel_check.py
    (rf"the number (?P<number>{REPR}) \(read as (?P<plain>{REPR})\) is not in the verified "
     r"directory",
     "số {number} (đọc là {plain}) không có trong danh bạ đã kiểm chứng"),
    (rf"the number (?P<number>{REPR}) is written with hidden or look-alike characters \(read as "
     rf"(?P<plain>{REPR})\)",
     "số {number} được viết bằng ký tự ẩn hoặc ký tự trông giống chữ số (đọc là {plain})"),
    (rf"the link (?P<link>{REPR}) dials (?P<dialled>{REPR}), which is not in the verified "
     r"directory",
     "liên kết {link} gọi tới số {dialled}, số này không có trong danh bạ đã kiểm chứng"),
    (rf"the link text (?P<text>{REPR}) names (?P<number>{REPR}), but the link dials "
     rf"(?P<dialled>{REPR})",
     "chữ của liên kết {text} ghi số {number}, nhưng liên kết lại gọi tới số {dialled}"),
    # -- part "robust" (issue 14): yaml_limits.py, yaml_source.py, config_source.py,
    # docs_files.py, svg_check.py
    (r"YAML anchors and aliases \(&, \*\) are not allowed",
     "không được dùng điểm neo và bí danh của YAML (&, *)"),
    (r"the YAML is nested too deeply \(more than (?P<n>\d+) levels\)",
     "YAML lồng nhau quá sâu (hơn {n} tầng)"),
    (r"this value cannot be read as the number its form or tag asks for",
     "giá trị này trông như một con số nhưng không đọc được thành số"),
    (r"the file is not a group of settings", "tệp không phải là một nhóm thiết lập"),
    (r"a symbolic link is not allowed in (?P<folder>docs|content)/",
     "không được đặt lối tắt (symbolic link) trong {folder}/"),
    (r"this is not a regular file", "đây không phải là một tệp bình thường"),
    (r"a file of type (?P<type>\.\S+) cannot be published from docs/",
     "không được đăng tệp loại {type} từ docs/"),
    (r"a file without a type \(such as \.png\) cannot be published from docs/",
     "không được đăng tệp không có phần đuôi cho biết loại tệp (như .png) từ docs/"),
    (r"the content of this file is not a (?P<image>PNG|JPEG|GIF|WEBP) image",
     "nội dung tệp này không phải là ảnh {image}"),
    (r"the content of this file is not a PDF document",
     "nội dung tệp này không phải là tài liệu PDF"),
    (r"an SVG may not declare <!DOCTYPE or <!ENTITY",
     "hình SVG không được khai báo <!DOCTYPE hay <!ENTITY"),
    (r"the SVG is not valid XML", "hình SVG bị hỏng: không phải XML hợp lệ"),
    (r"the file is not an SVG drawing", "tệp này không phải là một hình vẽ SVG"),
    (r"an SVG may not contain <(?P<tag>[\w-]+)>", "hình SVG không được chứa thẻ <{tag}>"),
    (r"an SVG may not contain <(?P<tag>[\w-]+)> that changes a link",
     "hình SVG không được chứa thẻ <{tag}> làm thay đổi một liên kết"),
    (r"an SVG may not load other files from its style",
     "hình SVG không được tải tệp khác qua phần style"),
    (r"an SVG may not load other files from its (?P<attr>\S+) attribute",
     "hình SVG không được tải tệp khác qua thuộc tính {attr}"),
    (r"an SVG may not have event attributes \((?P<attr>\S+)=\)",
     "hình SVG không được có thuộc tính sự kiện ({attr}=)"),
    (rf"an SVG may not link to or load (?P<link>{REPR})",
     "hình SVG không được liên kết tới hay tải {link}"),
    (r"this paragraph has (?P<size>[\d,]+) (?P<char>'.') characters",
     "đoạn văn này có {size} ký tự {char}"),
    (r"this line is nested (?P<n>\d+) levels deep", "dòng này lồng sâu {n} tầng"),
    (r"the page has (?P<size>[\d,]+) headings", "trang có {size} đề mục"),
    (r"the page has (?P<size>[\d,]+) (?P<char>'.') characters", "trang có {size} ký tự {char}"),
    # -- end of part "robust"
)

EXPECTED = _catalogue(
    # schemas.py
    (r"a value", "một giá trị"),
    (r"only these fields: (?P<fields>.*)", "chỉ các trường sau: {fields}"),
    (r"a list, each item on a line that starts with '- '",
     "một danh sách, mỗi mục nằm trên một dòng bắt đầu bằng '- '"),
    (r"one of: (?P<options>.*)", "một trong các giá trị: {options}"),
    (rf"(?P<types>{TYPES})", "{types}"),
    (rf"(?P<types>{TYPES}); (?P<desc>.+)", "{types}; {desc}"),
    # yaml_source.py
    (r"valid YAML; check the indentation, colons and quotes",
     "YAML hợp lệ; hãy kiểm tra thụt lề, dấu hai chấm và dấu nháy"),
    (r"at most (?P<size>[\d,]+) bytes; split it into smaller files",
     "tối đa {size} byte; hãy chia thành các tệp nhỏ hơn"),
    (r"UTF-8 without BOM; save the file again as plain UTF-8",
     "UTF-8 không có BOM; hãy lưu lại tệp dưới dạng UTF-8 thông thường"),
    (r"UTF-8; save the file again as UTF-8", "UTF-8; hãy lưu lại tệp dưới dạng UTF-8"),
    (r"plain text; delete the invisible character", "chữ thuần; hãy xóa ký tự ẩn đó"),
    (r"each key once per record", "mỗi tên trường chỉ một lần trong một bản ghi"),
    # markdown_source.py
    (r"<name>\.vi\.md for Vietnamese and <name>\.en\.md for English",
     "<tên>.vi.md cho tiếng Việt và <tên>.en.md cho tiếng Anh"),
    (r"lines of the form key: value between the --- lines",
     "các dòng dạng tên_trường: giá trị, nằm giữa hai dòng ---"),
    (r"a first line ---, then description, reviewed, review_by and sources, then a line ---",
     "dòng đầu tiên là ---, tiếp theo là description, reviewed, review_by và sources, rồi một "
     "dòng ---"),
    (r"a line --- after the last front-matter field",
     "một dòng --- sau trường cuối cùng của phần đầu trang"),
    (r"plain Markdown: text, lists, tables, links to pages or https:// addresses",
     "Markdown thông thường: chữ, danh sách, bảng, liên kết tới các trang hoặc tới địa chỉ "
     "https://"),
    # Security 2, part "escape" (markup_check.py)
    (r"an image file saved in docs/, shown with !\[what it shows\]\(file\.png\)",
     "một tệp ảnh lưu trong thư mục docs/, chèn vào trang bằng ![ảnh cho thấy gì](tep-anh.png)"),
    # end of part "escape"
    # content.py
    (r"each id once", "mỗi mã (id) chỉ dùng một lần"),
    (rf"one record per address; cite (?P<id>{REPR}) instead",
     "mỗi địa chỉ chỉ có một bản ghi; hãy dẫn nguồn {id} thay vì tạo bản ghi mới"),
    (r"a list of agencies", "một danh sách các cơ quan"),
    (r"a list of contacts", "một danh sách các liên hệ"),
    (r"interface texts", "các đoạn chữ của giao diện"),
    (r"at least one file such as (?P<file>\S+)", "ít nhất một tệp như {file}"),
    (r"lower case letters, digits and hyphens, e\.g\. (?P<example>\S+)",
     "chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ {example}"),
    # phones.py and number_check.py
    (r"a Vietnamese short code such as 111, or a full number such as \+84 981 84 84 84",
     "một số ngắn của Việt Nam như 111, hoặc một số đầy đủ như +84 981 84 84 84"),
    (r"only numbers of verified contacts in content/contacts\.yml; when a number is not known, "
     r"tell readers to call 111",
     "chỉ các số của liên hệ đã kiểm chứng trong content/contacts.yml; khi không biết số, hãy "
     "hướng dẫn người đọc gọi 111"),
    # checks.py
    (r"plain text", "chữ thuần, không có HTML hay mã script"),
    (r"an id from (?P<home>.+)", "một mã (id) có trong {home}"),
    (r"the id of the body that runs the line today",
     "mã (id) của cơ quan đang phụ trách đường dây hiện nay"),
    (r"(?P<args>[a-z_]+=\.\.\.(?: [a-z_]+=\.\.\.)*)", "tham số {args}"),
    (r"no arguments", "không có tham số nào"),
    (r"content/process\.yml with the steps", "tệp content/process.yml ghi các bước"),
    (r"a verified contact", "một liên hệ đã được kiểm chứng"),
    (r"(?P<file>\S+) beside it", "tệp {file} nằm cạnh trang này"),
    (r"the same sources as (?P<file>\S+)", "các nguồn giống hệt {file}"),
    (r"a policy block in both (?P<file>\S+) and this page", "khối policy ở cả {file} và trang này"),
    (r"the same value as (?P<file>\S+)", "cùng giá trị như trong {file}"),
    (r"a policy id used by one page pair", "một mã văn bản chỉ dùng cho một cặp trang vi và en"),
    (r"no translated_from here; it belongs in (?P<file>\S+)",
     "không ghi translated_from ở đây; trường này thuộc về {file}"),
    # edition_checks.py and editions.py
    (r"exactly one joint edition with canonical: true",
     "đúng một phiên bản chung có canonical: true"),
    (r"a current agency", "một cơ quan đang hoạt động"),
    (r"ids of published contacts from content/contacts\.yml",
     "mã (id) của các liên hệ đã đăng trong content/contacts.yml"),
    (r"index in the list: every edition has a home page",
     "index trong danh sách: phiên bản nào cũng phải có trang chủ"),
    (r"an SVG file under overrides/", "một tệp SVG trong thư mục overrides/"),
    (r"a darker colour, at least (?P<ratio>[\d.]+):1 against white",
     "một màu đậm hơn, có độ tương phản với màu trắng ít nhất {ratio}:1"),
    (r"(?P<section>\S+) in the list", "{section} trong danh sách"),
    # source_map.py
    (r"a link to a page of this site that exists, e\.g\. (?P<example>\S+)",
     "một liên kết tới một trang có thật của trang web này, ví dụ {example}"),
    # freshness.py and translations.py
    (r"the page checked again, then reviewed and review_by set to new dates",
     "kiểm tra lại trang, rồi ghi ngày mới vào reviewed và review_by"),
    (r"the details checked against the sources again, then verified_on set to that day",
     "đối chiếu lại thông tin với các nguồn, rồi ghi ngày đó vào verified_on"),
    (r"an English page docs/(?P<slug>.+)\.en\.md translated from this one",
     "một trang tiếng Anh docs/{slug}.en.md dịch từ trang này"),
    (r"the English checked against (?P<file>\S+), then make translated",
     "đối chiếu bản tiếng Anh với {file}, rồi chạy make translated"),
    (r"the English brought in line with the changed (?P<file>\S+), then make translated",
     "sửa bản tiếng Anh cho khớp với {file} đã thay đổi, rồi chạy make translated"),
    (r"an English text \(en\) beside the Vietnamese \(vi\)",
     "nội dung tiếng Anh (en) bên cạnh nội dung tiếng Việt (vi)"),
    (r"the English \(en\) checked against the Vietnamese \(vi\), then make translated",
     "đối chiếu nội dung tiếng Anh (en) với nội dung tiếng Việt (vi), rồi chạy make translated"),
    (r"the English \(en\) brought in line with the changed Vietnamese \(vi\), then make "
     r"translated",
     "sửa nội dung tiếng Anh (en) cho khớp với nội dung tiếng Việt (vi) đã thay đổi, rồi chạy "
     "make translated"),
    # render.py and open_data.py
    (r"an entry with vi and en", "một mục có vi và en"),
    # issue 14, part "editions": content_guards.py, invisible_chars.py, quick_exit_check.py
    (r"files named <name>\.yml directly in (?P<folder>\S+)",
     "các tệp có tên dạng <tên>.yml nằm ngay trong {folder}"),
    (r"a name ending in \.yml, such as (?P<file>\S+)",
     "một tên kết thúc bằng .yml, ví dụ {file}"),
    (r"another name, such as the agency's id \(not a language code, a section or one of: "
     r"(?P<names>.+)\)",
     "một tên khác, ví dụ mã (id) của cơ quan (không được là mã ngôn ngữ, tên một mục hay một "
     "trong các tên: {names})"),
    (r"a different address for each edition", "mỗi phiên bản một địa chỉ riêng"),
    (r"the day it really happened: today or earlier",
     "ngày việc đó thực sự diễn ra: hôm nay hoặc một ngày trước đó"),
    (r"a full https:// address, e\.g\. (?P<example>\S+)",
     "một địa chỉ https:// đầy đủ, ví dụ {example}"),
    # issue 14, part "numbers": number_check.py and tel_check.py
    (rf"ordinary digits, as content/contacts\.yml writes it: (?P<shown>{REPR})",
     "chữ số thông thường, viết giống như trong content/contacts.yml: {shown}"),
    (r"a tel: link to the number of a verified contact in content/contacts\.yml, e\.g\. tel:111",
     "một liên kết tel: tới số của một liên hệ đã kiểm chứng trong content/contacts.yml, ví dụ "
     "tel:111"),
    (r"link text that shows the number the link dials, e\.g\. \[111\]\(tel:111\)",
     "chữ của liên kết ghi đúng số mà liên kết gọi tới, ví dụ [111](tel:111)"),
    # site_scan.py: the security scan of the built site (part "scan" of issue 14)
    (r"only the elements the site's templates and Markdown write",
     "chỉ dùng các thẻ do mẫu giao diện và Markdown của trang web tạo ra"),
    (r"only the attributes the site's templates and Markdown write",
     "chỉ dùng các thuộc tính do mẫu giao diện và Markdown của trang web tạo ra"),
    (r"no script in a page; the site's own scripts are files \(scripts/csp\.py\)",
     "bỏ mã (script) khỏi trang; mã của trang web nằm trong các tệp riêng (scripts/csp.py)"),
    (r"no http-equiv in a page", "bỏ http-equiv khỏi trang"),
    (r"only the meta tags the site writes: description, generator, robots, viewport",
     "chỉ dùng các thẻ meta mà trang web tạo ra: description, generator, robots, viewport"),
    (r"a page of this site, a web address, tel: or mailto:",
     "một trang của trang web này, một địa chỉ web, tel: hoặc mailto:"),
    (r"files of this site only", "chỉ tải tệp của chính trang web này"),
    (r"the number of a published \(verified\) contact of content/contacts\.yml",
     "số của một liên hệ đã đăng (verified: true) trong content/contacts.yml"),
    # -- part "robust" (issue 14): yaml_limits.py, yaml_source.py, config_source.py,
    # docs_files.py, svg_check.py
    (r"each value written out in full; copy the text instead of using & and \*",
     "viết đầy đủ từng giá trị; hãy chép lại nội dung thay vì dùng & và *"),
    (r"at most (?P<n>\d+) levels of lists and groups of fields inside each other",
     "tối đa {n} tầng danh sách và nhóm trường lồng vào nhau"),
    (r"a number of at most 4,300 digits, or the value in quotes as text",
     "một số có tối đa 4.300 chữ số, hoặc đặt giá trị trong dấu nháy để giữ nguyên là chữ"),
    (r"lines of the form key: value, such as site_name: …, starting at the left edge",
     "các dòng dạng tên: giá trị, ví dụ site_name: …, viết sát lề trái"),
    (r"the MkDocs configuration", "tệp cấu hình của MkDocs"),
    (r"the file or folder itself, copied into (?P<folder>docs|content)/",
     "chính tệp hoặc thư mục đó, chép thẳng vào {folder}/"),
    (r"a file saved in docs/", "một tệp bình thường được lưu trong docs/"),
    (r"Markdown pages \(\.vi\.md, \.en\.md\), images \(\.png, \.jpg, \.jpeg, \.webp, \.gif, "
     r"\.svg\) or PDF documents \(\.pdf\); theme files \(HTML, CSS, JavaScript\) belong in "
     r"overrides/",
     "trang Markdown (.vi.md, .en.md), hình ảnh (.png, .jpg, .jpeg, .webp, .gif, .svg) hoặc tài "
     "liệu PDF (.pdf); tệp giao diện (HTML, CSS, JavaScript) thuộc về thư mục overrides/"),
    (r"at most (?P<size>[\d,]+) bytes for this type; make the file smaller",
     "tối đa {size} byte cho loại tệp này; hãy làm cho tệp nhỏ lại"),
    (r"a file whose type matches its name; save it again in that format",
     "một tệp có nội dung đúng với loại ghi ở tên tệp; hãy lưu lại tệp theo đúng định dạng đó"),
    (r"a drawing only: no scripts, no embedded HTML, no links or pictures from other files "
     r"\(only #id inside the drawing\); save it again as plain SVG",
     "chỉ có hình vẽ: không có mã chạy (script), không nhúng HTML, không liên kết hay hình ảnh "
     "từ tệp khác (chỉ dùng #id bên trong hình); hãy lưu lại thành SVG thường"),
    (r"at most (?P<n>\d+) in one paragraph; split the text with blank lines into shorter ones",
     "tối đa {n} ký tự như vậy trong một đoạn văn; hãy dùng dòng trống để chia thành các đoạn "
     "ngắn hơn"),
    (r"at most (?P<n>\d+) levels of lists and quotes inside each other",
     "tối đa {n} tầng danh sách và trích dẫn lồng vào nhau"),
    (r"at most (?P<size>[\d,]+) in one page; split it into several pages",
     "tối đa {size} ký tự như vậy trong một trang; hãy tách thành nhiều trang"),
    (r"at most (?P<size>[\d,]+) headings in one page; split it into several pages",
     "tối đa {size} đề mục trong một trang; hãy tách thành nhiều trang"),
    # -- end of part "robust"
    # anything else is a schema's description, looked up in content/schemas/
    (r"(?P<desc>.+)", "{desc}"),
    # issue 14, part cms: what the web editor may touch (cms_rules.py)
    (r"a relative path such as docs/gioi-thieu/index\.vi\.md: letters, digits, '-', '_' and "
     r"'\.', folders separated by '/', no '\.\.'",
     "một đường dẫn tương đối như docs/gioi-thieu/index.vi.md: chữ cái, chữ số, '-', '_' và "
     "'.', các thư mục cách nhau bằng '/', không có '..'"),
    (r"a page docs/<name>\.vi\.md or docs/<name>\.en\.md, a data file content/<name>\.yml "
     r"\(not content/schemas/\), or an image or PDF in docs/assets/",
     "một trang docs/<tên>.vi.md hoặc docs/<tên>.en.md, một tệp dữ liệu content/<tên>.yml "
     "(ngoài thư mục content/schemas/), hoặc một ảnh hay tệp PDF trong docs/assets/"),
    (r"a file under content/ or docs/", "một tệp trong thư mục content/ hoặc docs/"),
    (r"a real file or folder, not a link", "một tệp hoặc thư mục thật, không phải liên kết"),
    (r"a PNG, JPEG, WebP or PDF file of at most (?P<size>[\d,]+) bytes",
     "một tệp PNG, JPEG, WebP hoặc PDF, tối đa {size} byte"),
    (r"the file saved where it is", "lưu tệp ngay tại chỗ cũ"),
    (r"an edit that `make check` accepts", "một thay đổi mà `make check` chấp nhận"),
)

# Whole lines that are not problems: the summaries of check_content.py and build_site.py.
LINES = _catalogue(
    (r"(?P<count>\d+) problems? found; nothing was built\.",
     "Có {count} lỗi cần sửa; trang web chưa được tạo."),
    (r"(?P<count>\d+) problems in editions (?P<editions>.+); nothing was published\.",
     "Có {count} lỗi trong các phiên bản {editions}; chưa đăng gì, trang web đang chạy vẫn giữ "
     "nguyên."),
    (r"Edition (?P<edition>\S+):", "Phiên bản {edition}:"),
    (r"Built (?P<editions>.+) into (?P<folder>.+)", "Đã tạo {editions} trong {folder}"),
    (r"Content is valid: (?P<pages>\d+) pages, (?P<contacts>\d+) contacts \((?P<published>\d+) "
     r"published\), (?P<agencies>\d+) agencies, (?P<sources>\d+) sources\.",
     "Nội dung hợp lệ: {pages} trang, {contacts} liên hệ ({published} đã đăng), {agencies} cơ "
     "quan, {sources} nguồn."),
    (r"Warnings: (?P<pages>\d+) pages? past review_by, (?P<contacts>\d+) contacts? due for a "
     r"check \(on (?P<day>[\d-]+)\)\.",
     "Nhắc việc: {pages} trang quá hạn review_by, {contacts} liên hệ đến hạn kiểm tra lại (tính "
     "đến ngày {day})."),
    (r"Not released: (?P<count>\d+) published contacts? (?:are|is) due for a check \(expected "
     r"each one checked against its sources, and verified_on set to that day\)\.",
     "Chưa phát hành: {count} liên hệ đã đăng đến hạn kiểm tra lại (cần đối chiếu từng liên hệ "
     "với nguồn, rồi ghi ngày đó vào verified_on)."),
    # issue 14, part cms: the web editor's guard (cms_guard.py)
    (r"Refused: the request comes from (?P<origin>.+), not from the web editor's page "
     r"(?P<editor>\S+)",
     "Đã từ chối: yêu cầu đến từ {origin}, không phải từ trang biên tập {editor}"),
    (r"Refused: the request does not say where it comes from \(no Origin header\); only the "
     r"web editor's page (?P<editor>\S+) may use it",
     "Đã từ chối: yêu cầu không cho biết nó đến từ đâu (không có Origin); chỉ trang biên tập "
     "{editor} được dùng"),
    (r"Refused: the request is addressed to (?P<host>.+), not to (?P<expected>\S+)",
     "Đã từ chối: yêu cầu gửi tới {host}, không phải tới {expected}"),
    (r"Refused: the address does not carry this session's key; open the editor at the address "
     r"`make cms` printed",
     "Đã từ chối: địa chỉ không có khóa của phiên làm việc này; hãy mở trình biên tập ở địa chỉ "
     "mà `make cms` đã in ra"),
    (r"Refused: not a request of the web editor \(a JSON POST of at most (?P<size>[\d,]+) "
     r"bytes\)",
     "Đã từ chối: đây không phải yêu cầu của trình biên tập trên web (cần một yêu cầu POST "
     "dạng JSON, tối đa {size} byte)"),
    (r"Refused: the web editor does not use the action (?P<action>.+)",
     "Đã từ chối: trình biên tập trên web không dùng thao tác {action}"),
    (r"Refused: the action (?P<action>\S+) is not written as the web editor writes it",
     "Đã từ chối: các trường của thao tác {action} không đúng như trình biên tập trên web gửi"),
    (r"Refused: the web editor may not touch these files; nothing was saved:",
     "Đã từ chối: trình biên tập trên web không được động đến các tệp sau; chưa lưu gì:"),
    (r"Refused: with this change the content would be invalid; nothing was saved:",
     "Đã từ chối: với thay đổi này nội dung sẽ không hợp lệ; chưa lưu gì:"),
    # issue 14, publishing (publish.py, build_site.py): the lock, a stopped build, a restored site
    (r"Another build of (?P<site>.+) is running \(process (?P<pid>\S+), started "
     r"(?P<started>[^)]+)\); nothing was built\. Wait for it to end, then build again\.",
     "Đang có một lần tạo trang khác cho {site} (tiến trình {pid}, bắt đầu lúc {started}); lần "
     "này chưa tạo gì. Hãy chờ lần kia xong rồi chạy lại."),
    (r"Build stopped by (?P<signal>SIG[A-Z]+); nothing was published, the last good site is "
     r"unchanged\.",
     "Đã dừng việc tạo trang (tín hiệu {signal}); chưa đăng gì, trang web đang chạy vẫn giữ "
     "nguyên."),
    (r"Restored (?P<site>.+) from the last complete build\.",
     "Đã khôi phục {site} từ lần tạo trang hoàn chỉnh gần nhất."),
)

# How a named group's English text becomes Vietnamese; groups not listed are kept as they are
# (ids, file names, numbers, quoted values).
CONVERT: dict[str, Callable[[str], str]] = {
    "value": _shown, "original": _shown, "is_type": _lookup(IS_TYPE_VI), "types": _types,
    "desc": _schema_text, "what": _lookup(RECORD_KINDS_VI), "home": _home,
    "kind": _lookup(LINK_KINDS_VI), "size": _thousands, "ratio": _decimal,
    "wanted": _yaml_wanted, "found": _yaml_token,
    "yaml": lambda text: _in(text, YAML), "why": lambda text: _in(text, LINK_WHY),
    "also": _scan_also,  # site_scan.py
}


def _in(text: str, catalogue: Catalogue) -> str:
    """The Vietnamese of `text` from the first entry that matches it whole, or Untranslated."""
    for pattern, vi in catalogue:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        try:
            parts = {name: CONVERT.get(name, str)(value)
                     for name, value in match.groupdict().items()}
        except Untranslated:
            continue  # a part this entry cannot say: a later entry may
        return vi.format(**parts)
    raise Untranslated(text)


def template_count() -> int:
    """How many English message templates the catalogue knows (without schema descriptions)."""
    return len(PROBLEMS) + len(EXPECTED) - 1 + len(YAML) + len(LINK_WHY) + len(LINES)


# -- The public functions ----------------------------------------------------------------------


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r} (expected one of: {', '.join(LANGS)})")


def translate(problem: Problem, lang: str = "vi", *, strict: bool = True) -> Problem:
    """`problem` with its problem and expected text in `lang`; file, line and where unchanged.

    A text the catalogue does not know raises Untranslated; with strict=False it stays English.
    """
    _check_lang(lang)
    if lang == "en":
        return problem
    return replace(problem, problem=_part(problem.problem, PROBLEMS, strict),
                   expected=_part(problem.expected, EXPECTED, strict))


def _part(text: str | Message, catalogue: Catalogue, strict: bool) -> str:
    if isinstance(text, Message):  # already in the catalogue (content/messages.yml)
        return text.text("vi")
    if not text:
        return text
    try:
        return _in(text, catalogue)
    except Untranslated:
        if strict:
            raise
        return text


def untranslated(problems: Iterable[Problem]) -> list[str]:
    """The English texts of `problems` that the catalogue has no Vietnamese for."""
    missing = []
    for problem in problems:
        for text, catalogue in ((problem.problem, PROBLEMS), (problem.expected, EXPECTED)):
            try:
                _part(text, catalogue, strict=True)
            except Untranslated:
                missing.append(text)
    return missing


PLACE = re.compile(r"(?P<file>[^:]+?)(?::(?P<line>\d+))?: (?P<rest>.+)", re.S)
EXPECTED_MARK = " (expected "
# What `record/field` looks like: ids, field names and "item 3" joined by "/"; or front matter.
WHERE = re.compile(r"front matter|[^\s'\"]+(?: \d+)?(?:/[^\s'\"]+(?: \d+)?)*")


def parse_line(line: str) -> Problem | None:
    """The Problem that prints as `line`, or None when the line is not a known problem."""
    match = PLACE.fullmatch(line)
    if match is None:
        return None
    rest = match["rest"]
    splits = [(rest, "")]  # "(expected …)" may also be part of the problem (site_check.py)
    cut = rest.rfind(EXPECTED_MARK)
    if cut != -1 and rest.endswith(")"):
        splits.insert(0, (rest[:cut], rest[cut + len(EXPECTED_MARK):-1]))
    for text, expected in splits:
        for where, problem_text in _where_and_problem(text):
            problem = Problem(match["file"], int(match["line"] or 0), where, problem_text,
                              expected)
            if str(problem) == line and _known(problem_text):
                return problem
    return None


def _where_and_problem(text: str) -> list[tuple[str, str]]:
    """The ways `text` may split into `record/field` and the problem, likeliest first."""
    candidates = [("", text)]
    if ": " in text:
        where, _, problem = text.partition(": ")
        # `record/field` first when it looks like one ("0 is less than …" could be either)
        first = WHERE.fullmatch(where) is not None
        candidates.insert(0 if first else 1, (where, problem))
    return candidates


def _known(text: str) -> bool:
    try:
        _in(text, PROBLEMS)
    except Untranslated:
        return False
    return True


def translate_line(line: str, lang: str = "vi") -> str:
    """A printed line (a problem, or a summary such as "3 problems found; …") in `lang`.

    For the lines build_site.py and check_content.py print; a line the catalogue does not know
    (MkDocs' own errors, for instance) is returned as it is.
    """
    _check_lang(lang)
    if lang == "en":
        return line
    try:
        return _in(line, LINES)
    except Untranslated:
        pass
    problem = parse_line(line)
    return problem.text(lang) if problem else line
