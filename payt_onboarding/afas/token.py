"""The classic AFAS AppConnector token: reading what a user pasted, and never showing it.

AFAS Profit generates the token as `<token><version>1</version><data>HEX</data></token>`; the
client sends `Authorization: AfasToken <base64 of that whole XML>` (reference section 2.1).
Users paste that XML, only the data value, the base64, or a whole header value; `AfasToken.parse`
accepts all of them and keeps only the version and the data.

Nothing in this module ever puts the pasted text, or any part of it, in a message, a repr or an
exception chain: errors are raised outside `except` blocks, so they carry no `__context__` that
holds the input.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hmac
import html
import re
from typing import Any, NoReturn

from payt_onboarding.vocabulary import Code

__all__ = ["AfasToken", "TokenFormatError"]

MIN_DATA_LENGTH = 16
MAX_DATA_LENGTH = 512
# Far more than any real paste (the XML of a 512-character data value is under 600 characters);
# keeps every parsing step fast whatever lands in the input field.
MAX_INPUT_LENGTH = 10_000
_HINT_LENGTH = 4


class TokenFormatError(ValueError):
    """The pasted text is not an AFAS token. The message never contains any of the input.

    `message` (also `str(error)`) is the English text, `nl` the Dutch one; `text(language)`
    picks one for the user interface. Neither contains any of the input.
    """

    code: Code = Code.TOKEN_MALFORMED

    def __init__(self, message: str, *, nl: str) -> None:
        super().__init__(message)
        self.message = message
        self.nl = nl

    def text(self, language: str) -> str:
        """The Dutch text for `"nl"`, the English text for any other language."""
        return self.nl if language == "nl" else self.message

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        # `nl` is keyword-only, so the default reduce (the class and `args`) cannot rebuild it.
        return functools.partial(type(self), nl=self.nl), (self.message,)


# Every English message below has a Dutch counterpart with the same name and `_NL` appended.


_ACCEPTED_FORMS = (
    "Paste the token as AFAS shows it (<token><version>1</version><data>…</data></token>), only "
    "the long data value between <data> and </data>, the base64 of that XML, or a whole "
    "'AfasToken …' header value."
)
_ACCEPTED_FORMS_NL = (
    "Plak het token zoals AFAS het toont (<token><version>1</version><data>…</data></token>), "
    "alleen de lange datawaarde tussen <data> en </data>, de base64 van die XML, of een volledige "
    "'AfasToken …'-headerwaarde."
)
_NOT_A_TOKEN = "This is not an AFAS token. " + _ACCEPTED_FORMS
_NOT_A_TOKEN_NL = "Dit is geen AFAS-token. " + _ACCEPTED_FORMS_NL
_EMPTY = (
    "The token is empty. Copy the token of the app connector from AFAS Profit and paste it here. "
    + _ACCEPTED_FORMS
)
_EMPTY_NL = (
    "Er is geen token ingevuld. Kopieer het token van de AppConnector uit AFAS Profit en plak het "
    "hier. " + _ACCEPTED_FORMS_NL
)
# The messages for XML input avoid the tag names and the word "version" on purpose: they must not
# repeat any part of what was pasted, and the pasted text contains those tags (tests/test_token.py
# checks that no 6 characters of a rejected input appear in its message).
_XML_NO_DATA = (
    "This XML contains no data element with the token value. Copy the complete token from AFAS "
    "again: it is the XML that starts with the token tag and contains a data element with 64 "
    "letters and digits."
)
_XML_NO_DATA_NL = (
    "Deze XML bevat geen data-element met de tokenwaarde. Kopieer het volledige token opnieuw uit "
    "AFAS: dat is de XML die begint met de token-tag en een data-element met 64 letters en cijfers "
    "bevat."
)
_XML_UNRECOGNISED = (
    "This XML is not an AFAS token: it must be one token element that holds only the format "
    "number and one data element. Copy the complete token from AFAS again, without changes."
)
_XML_UNRECOGNISED_NL = (
    "Deze XML is geen AFAS-token: het moet één token-element zijn met daarin alleen het "
    "formaatnummer en één data-element. Kopieer het volledige token opnieuw uit AFAS, zonder iets "
    "te wijzigen."
)
_XML_BAD_VERSION = (
    "The format number in the token XML is not a whole number (AFAS writes 1). Copy the "
    "complete token from AFAS again, without changes."
)
_XML_BAD_VERSION_NL = (
    "Het formaatnummer in de token-XML is geen geheel getal (AFAS gebruikt 1). Kopieer het "
    "volledige token opnieuw uit AFAS, zonder iets te wijzigen."
)
_DATA_EMPTY = (
    "The token XML has an empty data element. Copy the complete token from AFAS again; the data "
    "element holds 64 letters and digits."
)
_DATA_EMPTY_NL = (
    "Het data-element in de token-XML is leeg. Kopieer het volledige token opnieuw uit AFAS; het "
    "data-element bevat 64 letters en cijfers."
)
_DATA_NOT_HEX = (
    "The token value contains characters that are not hexadecimal: only the digits 0 to 9 and "
    "the letters A to F are allowed (watch for the letter O instead of the digit 0). Copy the "
    "token from AFAS again, without changes."
)
_DATA_NOT_HEX_NL = (
    "De tokenwaarde bevat tekens die niet hexadecimaal zijn: alleen de cijfers 0 tot en met 9 en "
    "de letters A tot en met F zijn toegestaan (let op de letter O in plaats van het cijfer 0). "
    "Kopieer het token opnieuw uit AFAS, zonder iets te wijzigen."
)
_BASE64_NOT_TOKEN = (
    "This looks like base64, but it does not decode to an AFAS token. " + _ACCEPTED_FORMS
)
_BASE64_NOT_TOKEN_NL = (
    "Dit lijkt op base64, maar na het decoderen is het geen AFAS-token. " + _ACCEPTED_FORMS_NL
)
_HEADER_EMPTY = (
    "This header holds no token. Paste the whole header value: the word AfasToken, a space, and "
    "the base64 of the token XML."
)
_HEADER_EMPTY_NL = (
    "Deze header bevat geen token. Plak de volledige headerwaarde: het woord AfasToken, een "
    "spatie en de base64 van de token-XML."
)
_BEARER = (
    "This is an OAuth Bearer access token, not a classic AfasToken. Create a token for the app "
    "connector in AFAS Profit and paste that. " + _ACCEPTED_FORMS
)
_BEARER_NL = (
    "Dit is een OAuth Bearer-toegangstoken, geen klassiek AfasToken. Maak in AFAS Profit een "
    "token aan voor de AppConnector en plak dat. " + _ACCEPTED_FORMS_NL
)


_TOO_LONG = (
    f"This text is far too long to be an AFAS token (more than {MAX_INPUT_LENGTH} characters). "
    + _ACCEPTED_FORMS
)
_TOO_LONG_NL = (
    f"Deze tekst is veel te lang voor een AFAS-token (meer dan {MAX_INPUT_LENGTH} tekens). "
    + _ACCEPTED_FORMS_NL
)
_NOT_TEXT = "The token must be text. " + _ACCEPTED_FORMS
_NOT_TEXT_NL = "Het token moet tekst zijn. " + _ACCEPTED_FORMS_NL
_PARTS_NOT_TEXT = "The token data and version must be text."
_PARTS_NOT_TEXT_NL = "De data en de versie van het token moeten tekst zijn."


def _data_length_message(length: int) -> str:
    return (
        f"The token value has {length} characters, but an AFAS token value has 64 (this tool "
        f"accepts {MIN_DATA_LENGTH} to {MAX_DATA_LENGTH}). Copy the complete value from AFAS again."
    )


def _data_length_message_nl(length: int) -> str:
    return (
        f"De tokenwaarde heeft {length} tekens, maar een AFAS-tokenwaarde heeft er 64 (dit "
        f"programma accepteert {MIN_DATA_LENGTH} tot en met {MAX_DATA_LENGTH}). Kopieer de "
        "volledige waarde opnieuw uit AFAS."
    )


def _fail(message: str, nl: str) -> NoReturn:
    """Raise the error with its English `message` and Dutch `nl` text; call outside `except`."""
    raise TokenFormatError(message, nl=nl)


# Characters a paste may carry around the token: quotes (straight, typographic, Dutch low quotes),
# and invisible characters that str.strip() leaves alone.
_EDGE_CHARS = (
    "'\"`"
    "\u201c\u201d\u2018\u2019\u201e\u201a"  # typographic double, single and low quotes
    "\u00ab\u00bb\u2039\u203a"  # guillemets
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters and the byte order mark
)
# JSON-escaped line breaks, as in a copied OtpValidation response: `"<token>…</token>\r\n"`.
_LITERAL_BREAKS = ("\\r\\n", "\\n", "\\r")

_WHITESPACE_RE = re.compile(r"\s+")
_HEX_RE = re.compile(r"[0-9A-Fa-f]+")
_DIGITS_RE = re.compile(r"[0-9]+")
_BASE64_RE = re.compile(r"[A-Za-z0-9+/_-]+=*")
_AUTHORIZATION_RE = re.compile(r"authorization\s*:\s*", re.IGNORECASE)
_AFASTOKEN_RE = re.compile(r"afastoken(?![0-9a-z+/])\s*:?\s*", re.IGNORECASE)
_BEARER_RE = re.compile(r"bearer\s", re.IGNORECASE)
_XML_DECL_RE = re.compile(r"<\?xml[^>]*\?>", re.IGNORECASE)
_TOKEN_ELEMENT_RE = re.compile(r"<\s*token\s*>(.*)<\s*/\s*token\s*>", re.IGNORECASE | re.DOTALL)
_DATA_ELEMENT_RE = re.compile(r"<\s*data\s*>(.*?)<\s*/\s*data\s*>", re.IGNORECASE | re.DOTALL)
_VERSION_ELEMENT_RE = re.compile(
    r"<\s*version\s*>(.*?)<\s*/\s*version\s*>", re.IGNORECASE | re.DOTALL
)
_DATA_OPEN_RE = re.compile(r"<\s*data\s*>", re.IGNORECASE)


def _clean(text: str) -> str:
    """Remove surrounding whitespace, quotes, invisible characters and escaped line breaks."""
    previous = None
    while text != previous:
        previous = text
        text = text.strip().strip(_EDGE_CHARS)
        for escaped in _LITERAL_BREAKS:
            text = text.removesuffix(escaped)
    return text


def _check_data(data: str) -> str:
    if not data:
        _fail(_DATA_EMPTY, _DATA_EMPTY_NL)
    if _HEX_RE.fullmatch(data) is None:
        _fail(_DATA_NOT_HEX, _DATA_NOT_HEX_NL)
    if not MIN_DATA_LENGTH <= len(data) <= MAX_DATA_LENGTH:
        _fail(_data_length_message(len(data)), _data_length_message_nl(len(data)))
    return data


def _check_version(version: str) -> str:
    if _DIGITS_RE.fullmatch(version) is None or len(version) > 9:
        _fail(_XML_BAD_VERSION, _XML_BAD_VERSION_NL)
    return version


def _parse_xml(text: str) -> tuple[str, str]:
    """Version and data from `<token><version>1</version><data>HEX</data></token>`."""
    declaration = _XML_DECL_RE.match(text)
    if declaration is not None:
        text = _clean(text[declaration.end() :])
    outer = _TOKEN_ELEMENT_RE.fullmatch(text)
    if outer is None:
        if _DATA_OPEN_RE.search(text):
            _fail(_XML_UNRECOGNISED, _XML_UNRECOGNISED_NL)
        _fail(_XML_NO_DATA, _XML_NO_DATA_NL)
    inner = outer.group(1)
    datas = _DATA_ELEMENT_RE.findall(inner)
    versions = _VERSION_ELEMENT_RE.findall(inner)
    if not datas:
        if _DATA_OPEN_RE.search(inner):
            _fail(_XML_UNRECOGNISED, _XML_UNRECOGNISED_NL)
        _fail(_XML_NO_DATA, _XML_NO_DATA_NL)
    if len(datas) > 1 or len(versions) > 1:
        _fail(_XML_UNRECOGNISED, _XML_UNRECOGNISED_NL)
    rest = _VERSION_ELEMENT_RE.sub("", _DATA_ELEMENT_RE.sub("", inner))
    if rest.strip():
        _fail(_XML_UNRECOGNISED, _XML_UNRECOGNISED_NL)
    version = _check_version(_WHITESPACE_RE.sub("", versions[0])) if versions else "1"
    data = _check_data(_WHITESPACE_RE.sub("", datas[0]))
    return version, data


def _decode_base64_text(compact: str) -> str | None:
    """The text that `compact` is the base64 of (standard or urlsafe, padding optional), or None."""
    if _BASE64_RE.fullmatch(compact) is None:
        return None
    body = compact.rstrip("=").replace("-", "+").replace("_", "/")
    if len(body) % 4 == 1:
        return None
    body += "=" * (-len(body) % 4)
    raw: bytes | None
    try:
        raw = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raw = None
    if raw is None:
        return None
    return _decode_bytes(raw)


def _decode_bytes(raw: bytes) -> str | None:
    """UTF-8 (with or without BOM), or UTF-16 as PowerShell's [Text.Encoding]::Unicode makes it."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    elif b"\x00" in raw and len(raw) % 2 == 0:
        encodings = ("utf-16-le", "utf-16-be")
    else:
        encodings = ("utf-8-sig",)
    for encoding in encodings:
        try:
            decoded: str | None = raw.decode(encoding)
        except UnicodeDecodeError:
            decoded = None
        if decoded is not None and _clean(decoded).startswith(("<", "&lt;")):
            return decoded
    return None


def _looks_like_data(compact: str) -> bool:
    """Mostly hexadecimal: a data value with a typo rather than base64 or other text."""
    if len(compact) < MIN_DATA_LENGTH or not compact.isascii() or not compact.isalnum():
        return False
    hex_count = sum(ch in "0123456789abcdefABCDEF" for ch in compact)
    return hex_count >= 0.75 * len(compact)


def _parse_value(text: str) -> tuple[str, str]:
    """Version and data from the XML, the bare data value or the base64 of the XML."""
    text = _clean(text)
    if not text:
        _fail(_EMPTY, _EMPTY_NL)
    if text[:4].lower() == "&lt;":  # copied from a web page or e-mail that escaped the XML
        text = _clean(html.unescape(text))
    if "<" in text or ">" in text:
        return _parse_xml(text)
    compact = _WHITESPACE_RE.sub("", text)
    if _HEX_RE.fullmatch(compact) is not None:
        return "1", _check_data(compact)
    decoded = _decode_base64_text(compact)
    if decoded is not None:
        decoded = _clean(decoded)
        if decoded[:4].lower() == "&lt;":
            decoded = _clean(html.unescape(decoded))
        return _parse_xml(decoded)
    if _looks_like_data(compact):
        _fail(_DATA_NOT_HEX, _DATA_NOT_HEX_NL)
    has_spaces = " " in text or "\t" in text
    if not has_spaces and len(compact) >= MIN_DATA_LENGTH and _BASE64_RE.fullmatch(compact):
        _fail(_BASE64_NOT_TOKEN, _BASE64_NOT_TOKEN_NL)
    _fail(_NOT_A_TOKEN, _NOT_A_TOKEN_NL)


def _parse_text(text: str) -> tuple[str, str]:
    if not isinstance(text, str):
        _fail(_NOT_TEXT, _NOT_TEXT_NL)
    if len(text) > MAX_INPUT_LENGTH:
        _fail(_TOO_LONG, _TOO_LONG_NL)
    text = _clean(text)
    if not text:
        _fail(_EMPTY, _EMPTY_NL)
    authorization = _AUTHORIZATION_RE.match(text)
    if authorization is not None:
        text = _clean(text[authorization.end() :])
    if _BEARER_RE.match(text) is not None:
        _fail(_BEARER, _BEARER_NL)
    word = _AFASTOKEN_RE.match(text)
    if word is not None:
        text = _clean(text[word.end() :])
        if not text:
            _fail(_HEADER_EMPTY, _HEADER_EMPTY_NL)
    elif authorization is not None and not text:
        _fail(_HEADER_EMPTY, _HEADER_EMPTY_NL)
    return _parse_value(text)


class AfasToken:
    """A classic AFAS token. Its repr, str and format show only the last 4 characters.

    Immutable, compared and hashed by value, not picklable (store `reveal_data()` in the OS
    keyring instead). `copy.copy` and `copy.deepcopy` return the same object.
    """

    __slots__ = ("__data", "__version")
    __data: str
    __version: str

    def __init__(self, data: str, version: str = "1") -> None:
        """Same as `from_data`; prefer `parse` for anything a user pasted."""
        if not isinstance(data, str) or not isinstance(version, str):
            _fail(_PARTS_NOT_TEXT, _PARTS_NOT_TEXT_NL)
        checked_data = _check_data(data.strip())
        checked_version = _check_version(version.strip())
        object.__setattr__(self, "_AfasToken__data", checked_data)
        object.__setattr__(self, "_AfasToken__version", checked_version)

    @classmethod
    def parse(cls, text: str) -> AfasToken:
        """Read a token in any of the forms users paste; raise TokenFormatError otherwise.

        Accepted, each with surrounding whitespace, line breaks and quotes: the XML AFAS shows;
        only the data value (16 to 512 hexadecimal characters); the base64 of the XML (standard or
        urlsafe, padding optional, wrapped over lines); a header value `AfasToken <base64>`,
        optionally preceded by `Authorization:`.
        """
        version, data = _parse_text(text)
        return cls(data, version)

    @classmethod
    def from_data(cls, data: str, version: str = "1") -> AfasToken:
        """The token for a bare data value, as stored in the OS keyring."""
        return cls(data, version)

    @property
    def hint(self) -> str:
        """`…` and the last 4 characters of the data: enough to tell tokens apart on screen."""
        return "…" + self.__data[-_HINT_LENGTH:]

    def xml(self) -> str:
        """The canonical token XML. Secret: send it, never log or show it."""
        return f"<token><version>{self.__version}</version><data>{self.__data}</data></token>"

    def authorization_header(self) -> str:
        """The `Authorization` header value: `AfasToken ` and the base64 of the UTF-8 XML."""
        return "AfasToken " + base64.b64encode(self.xml().encode("utf-8")).decode("ascii")

    def reveal_data(self) -> str:
        """The bare data value, for storing in the OS keyring. Secret."""
        return self.__data

    @property
    def version(self) -> str:
        """The token format version from the XML (AFAS writes 1); not secret."""
        return self.__version

    def __repr__(self) -> str:
        return f"AfasToken({self.hint})"

    __str__ = __repr__

    def __format__(self, format_spec: str) -> str:
        return format(repr(self), format_spec)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AfasToken):
            return NotImplemented
        return self.__version == other.__version and hmac.compare_digest(
            self.__data.encode("ascii"), other.__data.encode("ascii")
        )

    def __hash__(self) -> int:
        return hash((AfasToken, self.__version, self.__data))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("AfasToken is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("AfasToken is immutable")

    def __copy__(self) -> AfasToken:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> AfasToken:
        return self

    def __reduce_ex__(self, protocol: Any) -> NoReturn:
        raise TypeError(
            "An AfasToken cannot be pickled; store reveal_data() in the OS keyring instead."
        )

    def __reduce__(self) -> NoReturn:
        raise TypeError(
            "An AfasToken cannot be pickled; store reveal_data() in the OS keyring instead."
        )

    def __getstate__(self) -> NoReturn:
        raise TypeError(
            "An AfasToken cannot be pickled; store reveal_data() in the OS keyring instead."
        )
