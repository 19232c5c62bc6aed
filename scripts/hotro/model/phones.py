"""Phone numbers: validate, normalise for `tel:` links, and format for display."""

from __future__ import annotations

from dataclasses import dataclass

from hotro.model.messages import Message, msg

# phonenumbers is imported where numbers are parsed: the MkDocs processes get contacts already
# parsed (content.hand_over) and need only Phone, and importing it takes 30 ms of each build.

REGION = "VN"
# phonenumbers' short-number data (9.0.x) lacks two national lines, so they are listed here:
# 111, the anti-trafficking and child-protection hotline (Decree 162/2025/ND-CP), and 112, the
# single emergency and rescue number (Decision 2023/QĐ-TTg). Sources: research/domain-facts.md §3.
NATIONAL_SHORT_CODES = frozenset({"111", "112"})
EXPECTED = msg("load.phone-expected")


class PhoneError(ValueError):
    """The number is not one a person could dial; the message says why in plain words.

    str() is the English line; `message` is the Message, to show in either language.
    """

    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message
        self.field = "display" if message.id == "load.phone-display" else "number"

    def __str__(self) -> str:
        return str(self.message)


@dataclass(frozen=True)
class Phone:
    tel: str       # what goes after tel: (111, +84981848484)
    display: str   # how it is printed
    written: tuple[str, ...] = ()  # other ways editors write it in text (0981 848 484)

    @property
    def href(self) -> str:
        return f"tel:{self.tel}"

    @property
    def texts(self) -> tuple[str, ...]:
        """Every way this number may appear in text: as displayed, as typed, as dialled."""
        return tuple(dict.fromkeys((self.display, *self.written, self.tel)))


def parse_phone(raw: str, display: str | None = None) -> Phone:
    """A dialable Phone for `raw`, or PhoneError."""
    text = str(raw).strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    if not text or any(ch not in "+0123456789 .-()" for ch in text):
        raise PhoneError(msg("load.phone-characters", number=repr(text)))
    phone = _short_code(digits) if text == digits and len(digits) <= 6 else _full_number(text)
    if display is not None:
        if _tel_of(display) != phone.tel:
            raise PhoneError(msg("load.phone-display", display=repr(display), number=repr(text)))
        phone = Phone(phone.tel, display, (*phone.written, phone.display))
    return Phone(phone.tel, phone.display, tuple(dict.fromkeys((*phone.written, text))))


def _short_code(digits: str) -> Phone:
    if digits in NATIONAL_SHORT_CODES:
        return Phone(digits, digits)
    import phonenumbers
    from phonenumbers import shortnumberinfo

    try:
        number = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException:
        raise PhoneError(msg("load.phone-short-code", number=repr(digits))) from None
    if shortnumberinfo.is_valid_short_number_for_region(number, REGION):
        return Phone(digits, digits)
    raise PhoneError(msg("load.phone-short-code", number=repr(digits)))


def _full_number(text: str) -> Phone:
    import phonenumbers

    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        raise PhoneError(msg("load.phone-unreadable", number=repr(text))) from None
    if not phonenumbers.is_valid_number(number):
        raise PhoneError(msg("load.phone-invalid", number=repr(text)))
    tel = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return Phone(tel, shown, (national,))


def _tel_of(text: str) -> str | None:
    try:
        return parse_phone(text).tel
    except PhoneError:
        return None
