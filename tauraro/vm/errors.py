"""Errors of Tauraro itself (as opposed to errors of the program it runs)."""
import _signal


class InternalError(BaseException):
    """A bug in Tauraro. A BaseException, so a program's ``except Exception`` does not
    swallow it; the command line reports it as an internal error (exit 70)."""


def signal_handler_tail(exc: BaseException):
    """If ``exc`` was raised by one of the program's signal handlers (or what it called),
    its traceback from the handler's entry on -- what CPython's shows below the frame the
    handler interrupted -- else None. CPython runs a handler at whatever bytecode the main
    thread is at, which may be the JIT's own code -- a trip's, or writing back after a
    native run the signal cut short:
    its exception is the program's, raised on into the loop as under CPython, not a
    failure of the JIT that gives the loop up (a ``while True`` waiting for an alarm's
    exception then never ended)."""
    codes = set()
    for signum in _signal.valid_signals():
        try:
            handler = _signal.getsignal(signum)
        except (ValueError, OSError):
            continue
        code = getattr(handler, "__code__", None)
        if code is not None:
            codes.add(code)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code in codes:
            return tb
        tb = tb.tb_next
    return None
