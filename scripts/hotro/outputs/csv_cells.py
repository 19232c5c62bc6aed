"""CSV cells a spreadsheet cannot run (OWASP "CSV injection", issue 14).

A cell that begins with = + - @, a tab or a carriage return is read by Excel, LibreOffice and
Google Sheets as a formula: `=HYPERLINK("https://evil…","Gọi 111")` in a contact's name would
become a link in every copy of danh-ba.csv opened by a reader. Such a cell is written with a
leading apostrophe, as OWASP advises, so it shows as the text it is.

One exception, by decision: the `number` and `display` columns, when they hold only what a
validated phone number can (digits, spaces, + - ( ) .). Such a cell cannot call a function or
refer to another cell, so it can do nothing as a formula; an apostrophe would only break the
number for programs (the `number` column is E.164, `+84981848484`, as its published schema
says) and show readers `'+84 981 84 84 84`. Any other character in them and they are
neutralised like every other cell.
"""

from __future__ import annotations

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PHONE_COLUMNS = ("number", "display")
PHONE_ONLY = re.compile(r"[0-9+\-(). ]*")


def safe_cell(value: str, column: str = "") -> str:
    """The value as a spreadsheet shows it, never as a formula it would run.

    A carriage return inside a value becomes a line feed: the csv module quotes a value with
    a line feed (our line end) but not one with a lone carriage return, which spreadsheets
    read as the end of the row, so `x\r=HYPERLINK(…)` would start a new row with a formula.
    """
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    if not value.startswith(FORMULA_START):
        return text
    if column in PHONE_COLUMNS and PHONE_ONLY.fullmatch(value):
        return text
    return "'" + text


def safe_row(row: dict[str, str]) -> dict[str, str]:
    return {column: safe_cell(value, column) for column, value in row.items()}
