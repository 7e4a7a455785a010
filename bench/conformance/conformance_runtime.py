"""The in-process half of ``bench/conformance.py``: set up like regrtest, run one test
module's tests, and stream every test's outcome to a JSON-lines file.

This module is imported by the generated ``conformance_driver.py`` from *outside* the
program's directory, so under Tauraro it is the host's (like ``unittest`` and
``test.support``): only the regression-test module itself is compiled by the
implementation under test, and the bookkeeping cannot be what breaks.

Records (one JSON object per line, written and flushed as they happen, so a crash
or a timeout still leaves everything that finished):

    {"ev": "setup", "python": "3.11.7", "pid": ...}
    {"ev": "import_error", "skip": bool, "type": ..., "summary": ..., "traceback": ...}
    {"ev": "loaded", "count": N, "loader_errors": [...]}
    {"ev": "start", "id": ...}                       before each test
    {"ev": "test", "id": ..., "outcome": ..., "seconds": ..., "summary": ..., "traceback": ...}
    {"ev": "done", "tests_run": N, "seconds": ...}

``outcome`` is one of pass, fail, error, skip, xfail (expected failure),
xpass (unexpected success). A test with a failing subtest is fail/error.
"""
from __future__ import annotations

import faulthandler
import json
import os
import random
import sys
import time
import traceback
import unittest

_OUT = None
_PID = None
_T0 = None

# when one test reports several things (subtests, errors in tearDown or cleanups),
# the first of these that occurs is its outcome
_PRECEDENCE = ("error", "fail", "xpass", "xfail", "pass", "skip")

_MAX_SUMMARY = 4000
_MAX_TRACEBACK = 6000


def _write(record):
    if _OUT is None or os.getpid() != _PID:   # never from a forked child
        return
    _OUT.write(json.dumps(record, ensure_ascii=True) + "\n")
    _OUT.flush()


def _clip(text, limit, tail=False):
    if len(text) <= limit:
        return text
    if tail:
        return "[...]\n" + text[-limit:]
    return text[:limit] + "\n[...]"


def _summary(exc_type, exc_value):
    try:
        lines = traceback.format_exception_only(exc_type, exc_value)
        return _clip("".join(lines).rstrip("\n"), _MAX_SUMMARY)
    except BaseException as e:     # a broken __str__ must not lose the record
        return "%s (unprintable: %s)" % (getattr(exc_type, "__name__", exc_type), type(e).__name__)


def setup(argv, use_resources=(), timeout=None, seed=0):
    """What regrtest does before it imports a test module (libregrtest/setup.py).

    ``argv`` is the driver's ``sys.argv``: ``[driver, out_file]``. The output file is
    taken from it, and ``sys.argv`` is left as ``[driver]`` (tests that parse
    ``sys.argv`` must not see the runner's arguments).
    """
    global _OUT, _PID, _T0
    _T0 = time.perf_counter()
    if len(argv) < 2:
        sys.stderr.write("usage: conformance_driver.py OUT_FILE\n")
        raise SystemExit(2)
    _PID = os.getpid()
    _OUT = open(argv[1], "a", encoding="ascii")
    del argv[1:]
    try:
        faulthandler.enable(all_threads=True, file=sys.__stderr__.fileno())
    except (AttributeError, ValueError, OSError):
        pass
    if timeout:
        # dump every thread's traceback before the runner kills us: says where it hung
        faulthandler.dump_traceback_later(max(timeout * 0.9, timeout - 15), exit=True)
    from test import support
    support.verbose = 0
    support.failfast = False
    support.PGO = False
    support.PGO_EXTENDED = False
    support.junit_xml_list = None
    support.use_resources = list(use_resources)
    support.record_original_stdout(sys.stdout)
    random.seed(seed)
    _write({"ev": "setup", "python": "%d.%d.%d" % sys.version_info[:3], "pid": _PID,
            "argv": list(sys.argv), "use_resources": list(use_resources),
            "helper_loader": _loader_name(sys.modules[__name__])})


def load(name):
    """Import the test module ``name`` from the program's directory as ``test.<name>``.

    regrtest imports ``test.test_X``, and tests see that name: doctests print
    ``test.test_unpack.BozoError``, error messages say ``test.test_unpack_ex.f()``.
    So the spec is found the way ``import name`` finds it -- through ``sys.meta_path``,
    where Tauraro's import hook claims files in the program's directory -- and the
    module is created under the qualified name and executed by that spec's loader.
    (With ``--plain-import`` the driver does ``import test_X`` itself instead.)
    """
    import importlib.util
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError("No module named %r" % name, name=name)
    qualname = "test." + name
    spec.name = qualname
    if getattr(spec.loader, "name", None) == name:
        # FileLoader checks the name it is asked to load against the one it was made for
        try:
            spec.loader.name = qualname
        except AttributeError:
            pass
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualname] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(qualname, None)
        raise
    module = sys.modules[qualname]
    import test
    setattr(test, name, module)
    return module


def import_failed(exc):
    """The test module raised while being imported (the driver re-raises it)."""
    skip = isinstance(exc, unittest.SkipTest)
    _write({"ev": "import_error", "skip": skip, "type": type(exc).__name__,
            "summary": _summary(type(exc), exc),
            "traceback": _clip("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
                               _MAX_TRACEBACK, tail=True)})


class RecordingResult(unittest.TestResult):
    """Records one final outcome per test (and per class/module-level error holder)."""

    def __init__(self):
        super().__init__()
        self._running = {}      # id(test) -> (test id, [(outcome, summary, traceback)], t0)

    def _record(self, test_id, events, seconds):
        rank = {o: i for i, o in enumerate(_PRECEDENCE)}
        if events:
            outcome, summary, tb = min(events, key=lambda e: rank[e[0]])
        else:   # stopped without any outcome: unittest itself never does this
            outcome, summary, tb = "error", "no outcome was reported for this test", ""
        rec = {"ev": "test", "id": test_id, "outcome": outcome, "seconds": round(seconds, 4)}
        if outcome not in ("pass", "xfail"):
            rec["summary"] = summary
            if tb:
                rec["traceback"] = tb
        _write(rec)

    def _event(self, test, outcome, summary="", tb=""):
        entry = self._running.get(id(test))
        if entry is None:
            # an _ErrorHolder: setUpClass/setUpModule (or their teardown) failed or skipped
            try:
                test_id = test.id()
            except BaseException:
                test_id = repr(test)
            self._record(test_id, [(outcome, summary, tb)], 0.0)
        else:
            entry[1].append((outcome, summary, tb))

    def _err(self, test, outcome, err):
        exc_type, exc_value, _ = err
        try:
            tb = self._exc_info_to_string(err, test)
        except BaseException as e:
            tb = "(traceback could not be formatted: %s)" % type(e).__name__
        self._event(test, outcome, _summary(exc_type, exc_value), _clip(tb, _MAX_TRACEBACK, tail=True))

    def startTest(self, test):
        super().startTest(test)
        try:
            test_id = test.id()
        except BaseException:
            test_id = repr(test)
        self._running[id(test)] = (test_id, [], time.perf_counter())
        _write({"ev": "start", "id": test_id})

    def stopTest(self, test):
        super().stopTest(test)
        entry = self._running.pop(id(test), None)
        if entry is not None:
            self._record(entry[0], entry[1], time.perf_counter() - entry[2])

    def addSuccess(self, test):
        self._event(test, "pass")

    def addFailure(self, test, err):
        self._err(test, "fail", err)

    def addError(self, test, err):
        self._err(test, "error", err)

    def addSkip(self, test, reason):
        self._event(test, "skip", str(reason))

    def addExpectedFailure(self, test, err):
        self._event(test, "xfail")

    def addUnexpectedSuccess(self, test):
        self._event(test, "xpass", "unexpected success")

    def addSubTest(self, test, subtest, err):
        if err is None:
            return
        exc_type = err[0]
        outcome = "fail" if issubclass(exc_type, test.failureException) else "error"
        try:
            desc = subtest._subDescription()
        except BaseException:
            desc = "(subtest)"
        try:
            tb = self._exc_info_to_string(err, test)
        except BaseException as e:
            tb = "(traceback could not be formatted: %s)" % type(e).__name__
        self._event(test, outcome, "subtest %s: %s" % (desc, _summary(exc_type, err[1])),
                    _clip(tb, _MAX_TRACEBACK, tail=True))


def _loader_name(module):
    """The module's loader class, by name; ``(host's)`` after it when that class is the
    host's own file loader itself. (Tauraro's loader for the program's modules is named as
    CPython's, which a program printing type(__loader__) sees: only identity tells them
    apart.)"""
    loader = getattr(getattr(module, "__spec__", None), "loader", None) or getattr(module, "__loader__", None)
    cls = type(loader)
    import importlib.machinery as machinery
    host = cls in (machinery.SourceFileLoader, machinery.SourcelessFileLoader)
    return "%s.%s%s" % (cls.__module__, cls.__qualname__, " (host's)" if host else "")


def run(module):
    """Load the module's tests as regrtest does (``load_tests`` honoured) and run them."""
    loader = unittest.TestLoader()
    suite = loader.loadTestsFromModule(module)
    _write({"ev": "loaded", "module": getattr(module, "__name__", "?"),
            "file": getattr(module, "__file__", None),
            "loader": _loader_name(module),
            "count": suite.countTestCases(),
            "loader_errors": [_clip(str(e), _MAX_SUMMARY) for e in loader.errors]})
    result = RecordingResult()
    t0 = time.perf_counter()
    result.startTestRun()
    try:
        suite.run(result)
    finally:
        result.stopTestRun()
    _write({"ev": "done", "tests_run": result.testsRun, "seconds": round(time.perf_counter() - t0, 3),
            "total_seconds": round(time.perf_counter() - _T0, 3)})
    faulthandler.cancel_dump_traceback_later()
