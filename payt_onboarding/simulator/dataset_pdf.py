"""Tiny one-page PDF 1.4 documents, written by hand so the simulator needs no PDF library."""

from __future__ import annotations

from collections.abc import Sequence

_HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"  # the binary comment marks the file as binary
_TOP, _LEFT, _LEADING = 790, 56, 15


def pdf_document(title: str, lines: Sequence[str]) -> bytes:
    """A valid A4 PDF with `title` in bold and `lines` below it, with a correct xref table."""
    content = _content_stream(title, lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        _font(b"Helvetica"),
        _font(b"Helvetica-Bold"),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out = bytearray(_HEADER)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF" % (
        len(objects) + 1, xref_at
    )
    return bytes(out)


def _font(name: bytes) -> bytes:
    # WinAnsiEncoding (cp1252) covers Dutch, German and French accents and the euro sign.
    return b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % name


def _content_stream(title: str, lines: Sequence[str]) -> bytes:
    parts = [
        b"BT /F2 18 Tf %d %d Td (%s) Tj ET" % (_LEFT, _TOP, _text(title)),
        b"BT /F1 10 Tf %d TL %d %d Td" % (_LEADING, _LEFT, _TOP - 2 * _LEADING - 10),
    ]
    parts += [b"(%s) Tj T*" % _text(line) for line in lines]
    parts.append(b"ET")
    return b"\n".join(parts)


def _text(value: str) -> bytes:
    raw = value.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def money(amount: float, currency: str) -> str:
    """Dutch notation: "€ 1.234,56"."""
    sign = "-" if amount < 0 else ""
    text = f"{abs(amount):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    symbol = {"EUR": "€", "GBP": "£", "USD": "$"}.get(currency, currency)
    return f"{sign}{symbol} {text}"
