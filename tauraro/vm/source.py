"""Reading a program's source the way CPython does (PEP 263 encodings)."""
from __future__ import annotations

import io

from ..boundary import BOUNDARY


def _may_declare(data: bytes) -> bool:
    """May the first two lines of ``data`` hold an encoding declaration -- a comment line
    with ``coding:`` or ``coding=`` in it (PEP 263's ``^[ \\t\\f]*#.*?coding[:=]``)? Not a
    docstring that speaks of Huffman coding (bench/suite/huffman.py's first line)."""
    second = data.find(b"\n", data.find(b"\n") + 1)      # (the end of line 2, if any)
    head = data if second < 0 else data[:second]
    return any(line.lstrip(b" \t\f").startswith(b"#") and (b"coding:" in line or b"coding=" in line)
               for line in head.split(b"\n"))


def decode_source(data: bytes, filename: str) -> str:
    """Decode source bytes; undecodable source is a SyntaxError with CPython's message."""
    if data[:3] == b"\xef\xbb\xbf" or _may_declare(data):
        # (a BOM, or maybe an encoding declaration, PEP 263: tokenize decides. Without
        # either the source is UTF-8, and importing tokenize, ~7 ms with re and enum, is
        # not needed -- at the start, and again where the JIT reads a hot loop's file)
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
