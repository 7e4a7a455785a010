"""Printing an uncaught exception the way CPython does.

Each frame an exception passes through records (code, pc) in the exception
(see ``tauraro.vm.interpreter``); here those entries become CPython's
"Traceback (most recent call last):" report, chained exceptions included.
"""
from __future__ import annotations

from .interpreter import TB_ATTR

_RECURSIVE_CUTOFF = 3


def _frames(exc: BaseException):
    entries = exc.__dict__.get(TB_ATTR) or []
    out = []
    for code, pc, _ in reversed(entries):
        line = code.line_of(pc)
        out.append((code.filename, line, code.name, code.source_line(line)))
    return out


def _format_frames(frames) -> list[str]:
    lines = []
    last = None
    count = 0
    for f in frames:
        key = f[:3]
        if key == last:
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
        else:
            if last is not None and count > _RECURSIVE_CUTOFF:
                n = count - _RECURSIVE_CUTOFF
                lines.append("  [Previous line repeated %d more time%s]\n" % (n, "s" if n > 1 else ""))
            last = key
            count = 1
        filename, lineno, name, source = f
        lines.append('  File "%s", line %d, in %s\n' % (filename, lineno, name))
        if source is not None and source.strip():
            lines.append("    %s\n" % source.strip())
    if last is not None and count > _RECURSIVE_CUTOFF:
        n = count - _RECURSIVE_CUTOFF
        lines.append("  [Previous line repeated %d more time%s]\n" % (n, "s" if n > 1 else ""))
    return lines


def format_exception(exc: BaseException, _seen=None) -> list[str]:
    seen = _seen if _seen is not None else set()
    seen.add(id(exc))
    lines = []
    cause, context = exc.__cause__, exc.__context__
    if cause is not None and id(cause) not in seen:
        lines += format_exception(cause, seen)
        lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif context is not None and not exc.__suppress_context__ and id(context) not in seen:
        lines += format_exception(context, seen)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    frames = _frames(exc)
    if frames:
        lines.append("Traceback (most recent call last):\n")
        lines += _format_frames(frames)
    import traceback
    lines += traceback.format_exception_only(type(exc), exc)
    return lines
