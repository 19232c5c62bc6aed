"""The message catalogue: every line an editor or a webmaster reads, in Vietnamese and English.

content/messages.yml (beside ui.yml) holds one entry per message id:

    check.valid: {vi: "Nội dung hợp lệ: {summary}", en: "Content is valid: {summary}"}
    problems.summary:
      vi: "Có {count} lỗi; chưa dựng gì."
      en: {one: "1 problem found; nothing was built.", other: "{count} problems found; …"}

The code names a message by its id and gives the parts that vary as parameters:

    msg("check.valid", summary=...)        -> a Message, shown later in either language
    text("check.valid", "vi", summary=...) -> the line in Vietnamese
    say("check.valid", summary=...)        -> print it in the language MESSAGES asks for

A parameter is shown as it is (ids, file names, values an editor wrote), except a Message,
which is shown in the same language, a Texts (a text that has its own words in each language:
a schema's description, a translated third-party message), shown in that language, and a whole
number, shown with the language's thousands
separator when the text asks for one ({count:,}). A text with {one: …, other: …} picks its form
by the parameter `count`. Messages cross process boundaries as JSON (to_json/from_json), never
as printed lines to be read back.
"""

from __future__ import annotations

import os
import string
import sys
from dataclasses import dataclass
from functools import cache
from typing import Any, TextIO

import yaml

from hotro.model import paths

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"
CATALOGUE_FILE = paths.CONTENT / "messages.yml"


class UnknownMessage(LookupError):
    """A message id that content/messages.yml does not have."""


@cache
def catalogue() -> dict[str, dict[str, Any]]:
    """Every entry of content/messages.yml, read once."""
    with CATALOGUE_FILE.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def language(lang: str | None = None) -> str:
    """The language to speak: `lang` if given, else MESSAGES (vi or en), else Vietnamese."""
    chosen = (lang or os.environ.get("MESSAGES") or DEFAULT_LANG).strip().lower()
    return chosen if chosen in LANGS else DEFAULT_LANG


@dataclass(frozen=True)
class Message:
    """One message by id, with its parameters; its text is chosen when it is shown."""

    id: str
    params: tuple[tuple[str, Any], ...] = ()

    def text(self, lang: str = "en") -> str:
        return render(self.id, lang, dict(self.params))

    def __str__(self) -> str:
        return self.text("en")

    def __bool__(self) -> bool:
        return True

    def to_json(self) -> dict:
        return {"id": self.id, "params": {k: _param_json(v) for k, v in self.params}}

    @classmethod
    def from_json(cls, data: dict) -> Message:
        return cls(data["id"], tuple((k, _param_from_json(v)) for k, v in data["params"].items()))


@dataclass(frozen=True)
class Texts:
    """A parameter whose words come with it in both languages (not from the catalogue)."""

    vi: str
    en: str

    def text(self, lang: str = "en") -> str:
        return self.vi if lang == "vi" else self.en

    def __str__(self) -> str:
        return self.en


def msg(message_id: str, **params: Any) -> Message:
    """A message to show later, in whichever language is asked for then. The catalogue is read
    when a message is first shown (an unknown id raises UnknownMessage then), so a process that
    shows none never reads it; tests/test_message_catalogue.py checks every id the code names."""
    return Message(message_id, tuple(sorted(params.items())))


def text(message_id: str, lang: str | None = None, **params: Any) -> str:
    """The text of one message in `lang` (default: the MESSAGES language)."""
    return render(message_id, language(lang), params)


def say(message_id: str, lang: str | None = None, *, file: TextIO | None = None,
        **params: Any) -> None:
    """Print one message as a line, in `lang` (default: the MESSAGES language)."""
    print(text(message_id, lang, **params), file=file or sys.stdout, flush=True)


def shown(value: Any, lang: str) -> Any:
    """A value as it appears in a text of `lang`: a Message in that language, others as they are."""
    if isinstance(value, Message | Texts):
        return value.text(lang)
    if isinstance(value, list | tuple) and all(isinstance(v, Message | Texts) for v in value):
        return ", ".join(v.text(lang) for v in value)
    return value


def render(message_id: str, lang: str, params: dict[str, Any]) -> str:
    entry = catalogue().get(message_id)
    if entry is None:
        raise UnknownMessage(message_id)
    template = entry[lang]
    if isinstance(template, dict):
        template = template["one" if params.get("count") == 1 else "other"]
    values = {k: shown(v, lang) for k, v in params.items()}
    return _Formatter(lang).vformat(template, (), values)


class _Formatter(string.Formatter):
    """str.format with the thousands separator of the language (1,234 / 1.234)."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        out = super().format_field(value, format_spec)
        if "," in format_spec and self.lang == "vi":
            out = out.replace(",", ".")
        return out


def _param_json(value: Any) -> Any:
    if isinstance(value, Message):
        return {"message": value.to_json()}
    if isinstance(value, Texts):
        return {"texts": {"vi": value.vi, "en": value.en}}
    if isinstance(value, list | tuple):
        return {"list": [_param_json(v) for v in value]}
    return value


def _param_from_json(value: Any) -> Any:
    if isinstance(value, dict) and "message" in value:
        return Message.from_json(value["message"])
    if isinstance(value, dict) and "texts" in value:
        return Texts(**value["texts"])
    if isinstance(value, dict) and "list" in value:
        return tuple(_param_from_json(v) for v in value["list"])
    return value


def placeholders(template: str) -> set[str]:
    """The parameter names a text uses."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template)
            if name}
