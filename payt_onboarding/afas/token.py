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
import hmac
import html
import re
from typing import Any, NoReturn

from payt_onboarding.messages import InputError, TokenInputId
from payt_onboarding.vocabulary import Code

__all__ = ["AfasToken", "TokenFormatError"]

MIN_DATA_LENGTH = 16
MAX_DATA_LENGTH = 512
# Far more than any real paste (the XML of a 512-character data value is under 600 characters);
# keeps every parsing step fast whatever lands in the input field.
MAX_INPUT_LENGTH = 10_000
_HINT_LENGTH = 4
_NO_PICKLE = "An AfasToken cannot be pickled; keep its xml() in the OS keyring (TokenVault.save)."


class TokenFormatError(InputError[TokenInputId]):
    """The pasted text is not an AFAS token. Its texts (resources/messages, "input.token.*") never
    contain any of the input: only counts and limits are passed as values."""

    code = Code.TOKEN_MALFORMED


def _fail(message_id: TokenInputId, **values: int) -> NoReturn:
    """Raise the error; call outside `except`, so that it carries no `__context__` with the input.

    The values are numbers only, never text from the input. The texts for XML input avoid the tag
    names and the word "version" on purpose: the pasted text contains those tags, and
    tests/afas/test_token.py checks that no 6 characters of a rejected input appear in a message.
    """
    raise TokenFormatError(message_id, **values)


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
        _fail("input.token.data_empty")
    if _HEX_RE.fullmatch(data) is None:
        _fail("input.token.not_hex")
    if not MIN_DATA_LENGTH <= len(data) <= MAX_DATA_LENGTH:
        _fail("input.token.data_length", length=len(data), min=MIN_DATA_LENGTH,
              max=MAX_DATA_LENGTH)
    return data


def _check_version(version: str) -> str:
    if _DIGITS_RE.fullmatch(version) is None or len(version) > 9:
        _fail("input.token.xml_bad_version")
    return version


def _parse_xml(text: str) -> tuple[str, str]:
    """Version and data from `<token><version>1</version><data>HEX</data></token>`."""
    declaration = _XML_DECL_RE.match(text)
    if declaration is not None:
        text = _clean(text[declaration.end() :])
    outer = _TOKEN_ELEMENT_RE.fullmatch(text)
    if outer is None:
        if _DATA_OPEN_RE.search(text):
            _fail("input.token.xml_unrecognised")
        _fail("input.token.xml_no_data")
    inner = outer.group(1)
    datas = _DATA_ELEMENT_RE.findall(inner)
    versions = _VERSION_ELEMENT_RE.findall(inner)
    if not datas:
        if _DATA_OPEN_RE.search(inner):
            _fail("input.token.xml_unrecognised")
        _fail("input.token.xml_no_data")
    if len(datas) > 1 or len(versions) > 1:
        _fail("input.token.xml_unrecognised")
    rest = _VERSION_ELEMENT_RE.sub("", _DATA_ELEMENT_RE.sub("", inner))
    if rest.strip():
        _fail("input.token.xml_unrecognised")
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
        _fail("input.token.empty")
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
        _fail("input.token.not_hex")
    has_spaces = " " in text or "\t" in text
    if not has_spaces and len(compact) >= MIN_DATA_LENGTH and _BASE64_RE.fullmatch(compact):
        _fail("input.token.base64_not_token")
    _fail("input.token.not_a_token")


def _parse_text(text: str) -> tuple[str, str]:
    if not isinstance(text, str):
        _fail("input.token.not_text")
    if len(text) > MAX_INPUT_LENGTH:
        _fail("input.token.too_long", limit=MAX_INPUT_LENGTH)
    text = _clean(text)
    if not text:
        _fail("input.token.empty")
    authorization = _AUTHORIZATION_RE.match(text)
    if authorization is not None:
        text = _clean(text[authorization.end() :])
    if _BEARER_RE.match(text) is not None:
        _fail("input.token.bearer")
    word = _AFASTOKEN_RE.match(text)
    if word is not None:
        text = _clean(text[word.end() :])
        if not text:
            _fail("input.token.header_empty")
    elif authorization is not None and not text:
        _fail("input.token.header_empty")
    return _parse_value(text)


class AfasToken:
    """A classic AFAS token. Its repr, str and format show only the last 4 characters.

    Immutable, compared and hashed by value, not picklable: the OS keyring keeps `xml()` and
    `parse` reads it back (profile.secrets.TokenVault). `copy.copy` and `copy.deepcopy` return
    the same object.
    """

    __slots__ = ("__data", "__version")
    __data: str
    __version: str

    def __init__(self, data: str, version: str = "1") -> None:
        """Same as `from_data`; prefer `parse` for anything a user pasted."""
        if not isinstance(data, str) or not isinstance(version, str):
            _fail("input.token.parts_not_text")
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
        """The token for a bare data value (the demo's, a test's); `parse` reads that form too."""
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
        """The bare data value. Secret: callers scrub it from error texts; never log or show it."""
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
        raise TypeError(_NO_PICKLE)

    def __reduce__(self) -> NoReturn:
        raise TypeError(_NO_PICKLE)

    def __getstate__(self) -> NoReturn:
        raise TypeError(_NO_PICKLE)
