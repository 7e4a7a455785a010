"""Reading a program's source the way CPython does (PEP 263 encodings)."""
from __future__ import annotations

import io

from ..boundary import BOUNDARY


def decode_source(data: bytes, filename: str) -> str:
    """Decode source bytes; undecodable source is a SyntaxError with CPython's message."""
    second = data.find(b"\n", data.find(b"\n") + 1)      # (the end of line 2, if any)
    head = data if second < 0 else data[:second]
    if data[:3] == b"\xef\xbb\xbf" or b"coding" in head:
        # (a BOM, or maybe an encoding declaration, PEP 263: tokenize decides. Without
        # either the source is UTF-8, and importing tokenize, ~1 ms of the JIT's start,
        # which reads a hot loop's file, is not needed)
        with BOUNDARY:
            import tokenize
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError as e:
            raise SyntaxError("%s" % e.msg if hasattr(e, "msg") else str(e)) from None
    else:
        encoding = "utf-8"
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
