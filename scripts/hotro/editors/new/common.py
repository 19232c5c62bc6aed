"""What every `make new` request shares: the refusal, the id rule, the schemas, dates."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re

from hotro.model import paths
from hotro.model.messages import Message, msg
from hotro.model.problems import Problem

SCHEMAS = paths.SCHEMAS
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RESERVED = ("en", "embed", "data", "assets")  # top-level folders the build itself makes
REVIEW_MONTHS = 6
TITLE = {"vi": "Tiêu đề", "en": "Title"}
SECTION = {"vi": "Tên mục", "en": "Section name"}


class Refused(Exception):
    """The request cannot be carried out; the Problem says why in one line."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def refuse(file: str, problem: Message | str, expected: Message | str, where: str = "",
           line: int = 0) -> Refused:
    return Refused(Problem(file, line, where, problem, expected))


def id_form(example: str) -> Message:
    return msg("new.id-form", example=example)


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day (31 Aug + 6 months = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month,
                       day=min(day.day, calendar.monthrange(year, month)[1]))
