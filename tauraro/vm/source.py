"""Reading a program's source the way CPython does (PEP 263 encodings)."""
from __future__ import annotations

import io
import tokenize


def decode_source(data: bytes, filename: str) -> str:
    """Decode source bytes; undecodable source is a SyntaxError with CPython's message."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as e:
        raise SyntaxError("%s" % e.msg if hasattr(e, "msg") else str(e)) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        bad = data[e.start:e.start + 1]
        if encoding in ("utf-8", "utf-8-sig"):
            msg = ("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding "
                   "declared; see https://peps.python.org/pep-0263/ for details"
                   % (bad[0], filename, line))
        else:
            msg = "(unicode error) %s" % e
        err = SyntaxError(msg)
        err.bare = True
        raise err from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text
