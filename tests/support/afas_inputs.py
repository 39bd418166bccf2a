"""Inputs the afas tests reject: the bad tokens of afas/test_token.py and the bad base URLs of
afas/test_environment.py, shared with afas/test_input_messages_nl.py, which demands a Dutch text
for each of them.
"""

from __future__ import annotations

import base64

# AFAS's documentation example token (reference section 2.1).
DATA = "949C1A9CD9AE4797950D94F55A7A4D056770472D4963CB9A8D3800BEE0CCE6A2"
XML = f"<token><version>1</version><data>{DATA}</data></token>"

REJECTED = {
    "empty": "",
    "only whitespace and quotes": '  "" \n ',
    "garbage": "correct horse battery staple",
    "garbage symbols": "!!!***???",
    "xml without data": "<token><version>1</version></token>",
    "xml with empty data": "<token><version>1</version><data></data></token>",
    "xml not a token": "<html><body>hi</body></html>",
    "xml unclosed": f"<token><version>1</version><data>{DATA}</data>",
    "xml extra element": f"<token><version>1</version><data>{DATA}</data><x>1</x></token>",
    "xml two data": f"<token><data>{DATA}</data><data>{DATA}</data></token>",
    "xml bad version": f"<token><version>one</version><data>{DATA}</data></token>",
    "xml non-hex data": "<token><version>1</version><data>QWERTYUIOPASDFGHJKLZXCV</data></token>",
    "base64 of non-token text": base64.b64encode(b"This is not an AFAS token at all.").decode(),
    "base64 of xml without data": base64.b64encode(b"<token><version>1</version></token>").decode(),
    "non-hex data": DATA[:30] + "OO" + DATA[32:],
    "data too short": DATA[:10],
    "data too long": DATA * 9,
    "bearer": "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl",
    "header without value": "AfasToken",
    "authorization without value": "Authorization:",
    "header with garbage": "AfasToken !!!###",
}

# Environment numbers parse_uid refuses, each with a message that shows the right form.
BAD_UIDS = [
    "",
    "   ",
    "1234",
    "1234567",
    "12a45",
    "X12345AA",
    "O12345AAA",
    "O12345A",
    "OT12345AA",
    "12345.jansen",
    "https://12345.afasonline.com",
    "https://12345.rest.afas.online/ProfitRestServices",
    "12 345",
    "١٢٣٤٥",  # Arabic-Indic digits must never reach a host name
    "O-12345-AA",
]

BAD_BASE_URLS = [
    "",
    "   ",
    "/",
    "http://example.com",
    "http://12345.rest.afas.online/ProfitRestServices",
    "http://10.0.0.1:8080",
    "http://128.0.0.1",
    "http://[::2]",
    "http://localhost.example.com",
    "ftp://example.com",
    "file:///etc/passwd",
    "example.com",
    "12345.rest.afas.online/ProfitRestServices",
    "https://",
    "https:///path",
    "https://user:secret@example.com",
    "https://user@example.com",
    "http://user:pw@127.0.0.1",
    "https://example.com/?token=abc",
    "https://example.com/path?x=1",
    "https://example.com/path#frag",
    "https://example.com?",
    "https://exa mple.com",
    "https://example.com:99999",
    "https://example.com:abc",
    "http://[::1",
    "javascript:alert(1)",
]
