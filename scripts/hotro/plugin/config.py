"""The hotro plugin's options, typed and validated when MkDocs reads mkdocs.yml.

As mkdocs-static-i18n's I18nPluginConfig: one config class, one option class per kind of value.
What a value may hold is said once, in hotro.load.plugin_options (so `make site` gives the same
message before it writes the editions' configs); a wrong value raises an OptionError that keeps
the catalogue's problem and expectation, for HotroPlugin.load_config to name the file and line.
Whether the edition and the help page exist is checked in on_config, once the content is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config import base
from mkdocs.config.base import ValidationError
from mkdocs.config.config_options import BaseConfigOption

from hotro.load import plugin_options
from hotro.load.plugin_options import OptionProblem


class OptionError(ValidationError):
    """A wrong option, with its catalogue messages."""

    def __init__(self, problems: list[OptionProblem]):
        self.problems = problems
        super().__init__("; ".join(str(p.problem) for p in problems))


@dataclass(frozen=True)
class QuickExit:
    url: str = plugin_options.DEFAULT_QUICK_EXIT
    help: str | None = None  # a page of docs/, e.g. an-toan-truc-tuyen.md


class _Checked(BaseConfigOption):
    """An option whose value one of plugin_options' checks judges; unset is allowed."""

    check = staticmethod(lambda value: [])

    def __init__(self, unset=None):
        super().__init__()
        self.unset = unset  # the value when the option is not given (MkDocs' default stays None)

    def run_validation(self, value):
        if value is None:
            return self.unset
        if problems := self.check(value):
            raise OptionError(problems)
        return self.convert(value)

    def convert(self, value):
        return value


class EditionId(_Checked):
    check = staticmethod(plugin_options.edition_problem)


class Language(_Checked):
    check = staticmethod(plugin_options.language_problem)


class QuickExitOption(_Checked):
    check = staticmethod(plugin_options.quick_exit_problems)

    def convert(self, value) -> QuickExit:
        return QuickExit(value.get("url") or plugin_options.DEFAULT_QUICK_EXIT, value.get("help"))


class Origins(_Checked):
    check = staticmethod(plugin_options.portal_problems)

    def convert(self, value) -> tuple[str, ...]:
        return tuple(value)


class HotroConfig(base.Config):
    """plugins.hotro in mkdocs.yml (see hotro.load.plugin_options for an example)."""

    edition = EditionId()                       # unset: the joint edition
    build_language = Language()                 # unset: every language of the i18n plugin
    quick_exit = QuickExitOption(QuickExit())   # where the button leads, the page explaining it
    embed_portals = Origins()                   # unset: the edition's own list
