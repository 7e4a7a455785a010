"""Compiling the program's code for the baseline tier, caching it, and the import hook.

``compile_program`` turns source into a CPython code object: parsed with
``ast``, instrumented with hot-loop hooks (``tauraro.vm.instrument``) when the
JIT is on, compiled with the program's real file name. The marshalled result is
cached on disk (as CPython's ``.pyc``), keyed by the source, the file name, the
threshold, the Python version and Tauraro's own version, so a second run skips
parsing and compiling (the cache's bound is ``tauraro.cache``'s).

After loading, the placeholder constants the instrumenter left in the code
(``<builtins>``, ``<site N>``) are replaced by the builtins module and by this
module's LoopSite objects.

``ProgramFinder`` is the import hook: a module found on the program's own paths
(its directory and ``PYTHONPATH``) is compiled the same way; the standard
library and ``site-packages`` are the host's.
"""
from __future__ import annotations

import gc
import marshal
import os
import sys
import zlib
from importlib.machinery import PathFinder, SourceFileLoader

from .. import __version__
from .. import cache
from ..boundary import BOUNDARY, BUILTINS_MODULE, Reused
from .placeholders import BUILTINS_PLACEHOLDER, SITE_PREFIX, SYS_PLACEHOLDER
from .warmup import quickened_tree

def _instrumenter_stamp():
    """The instrumenter's files, as they are: a changed transformation is a new cache entry."""
    stamp = []
    for name in ("instrument.py", "captures.py"):
        try:
            st = os.stat(os.path.join(os.path.dirname(__file__), name))
        except OSError:
            return None
        stamp.append((st.st_mtime_ns, st.st_size))
    return tuple(stamp)


# (and -O's level: the code compiled holds asserts, __debug__ and docstrings as it says)
_MAGIC = ("tauraro-code-2", __version__, sys.implementation.cache_tag, _instrumenter_stamp(), sys.flags.optimize)
class CodeCache:
    """Marshalled code objects under ``<cache root>/code``, evicted least recently used first."""

    def __init__(self, root: str | None):
        self.dir = os.path.join(root, "code") if root else None

    def _path(self, key: str) -> str:
        return cache.entry(self.dir, key, ".bin")

    @staticmethod
    def key(filename: str, threshold: int) -> str:
        """Where a file's entry lives (one per file and threshold; the entry names its source)."""
        return cache.key((_MAGIC, filename, threshold))

    @staticmethod
    def stamp(source: bytes):
        return (len(source), zlib.crc32(source), zlib.adler32(source))

    def get(self, key: str, filename: str, source: bytes):
        if self.dir is None:
            return None
        path = self._path(key)
        try:
            with open(path, "rb") as f:
                data = f.read()
            entry = marshal.loads(data)
            if entry[0] != filename or entry[1] != self.stamp(source):
                return None
            os.utime(path)          # recently used
            return entry[2], entry[3], entry[4]
        except (OSError, ValueError, EOFError, TypeError, IndexError):
            return None

    def put(self, key: str, filename: str, source: bytes, code, infos, warned=False) -> None:
        """(``warned``: compiling it wrote warnings -- a SyntaxWarning -- which a compile
        CPython makes would write again: see Compiler.compile)"""
        if self.dir is None:
            return
        try:
            data = marshal.dumps((filename, self.stamp(source), code, infos, warned))
        except ValueError as e:
            cache.failed(self.dir, e)
            return
        cache.store(self._path(key), data, self.dir)


class _Watched:
    """The standard error stream while a file compiles: did the compile write to it (a
    warning)?"""

    def __init__(self, stream):
        self._stream = stream
        self.wrote = False

    def write(self, text):
        self.wrote = True
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _compiled_by_cpython(filename: str) -> bool:
    """Would CPython compile this module at every import (no ``.pyc`` to read, none written)?"""
    if not sys.dont_write_bytecode:
        return False
    with BOUNDARY:
        from importlib.util import cache_from_source
    try:
        return not os.path.exists(cache_from_source(filename))
    except (NotImplementedError, ValueError):
        return True


class LoopSites:
    """The LoopSite objects of one compiled module, created on first use."""

    def __init__(self, infos, filename, factory):
        self.infos = infos
        self.filename = filename
        self.factory = factory
        self.objects: dict[int, object] = {}

    def get(self, k: int):
        site = self.objects.get(k)
        if site is None:
            site = self.objects[k] = self.factory(self.infos[k], self.filename)
        return site



def _bind_placeholders(code, sites: LoopSites | None):
    consts = code.co_consts
    changed = False
    new = []
    for c in consts:
        if type(c) is str and c.startswith("\x00tauraro:"):
            if c == BUILTINS_PLACEHOLDER:
                c = BUILTINS_MODULE     # (not the program's: it may patch it)
            elif c == SYS_PLACEHOLDER:
                c = sys
            elif c.startswith(SITE_PREFIX) and sites is not None:
                c = sites.get(int(c[len(SITE_PREFIX):]))
            changed = True
        elif type(c) is type(code):
            c2 = _bind_placeholders(c, sites)
            if c2 is not c:
                c = c2
                changed = True
        new.append(c)
    return code.replace(co_consts=tuple(new)) if changed else code


def _site_tuple(s):
    return (s.id, s.kind, s.line, s.col, tuple(s.written), s.parent, s.module_level, s.plain, s.target, s.nests,
            s.once)


def _site_from(t):
    from .placeholders import SiteInfo
    # (an entry's tuple is as long as the SiteInfo of the instrumenter that wrote it, whose
    # stamp its key holds; a shorter one reads the fields added since as their defaults)
    return SiteInfo(t[0], t[1], t[2], t[3], list(t[4]), t[5], t[6], t[7], t[8], *t[9:11])


class Compiler:
    """Source to code objects for one run: the threshold (0 without the JIT), the cache,
    and how LoopSite objects are made (the JIT hook, ``tauraro.vm.hooks``)."""

    def __init__(self, threshold: int = 0, site_factory=None, cache_dir: str | None = None,
                 sources: dict | None = None, files: dict | None = None, code_keys=None):
        self.threshold = threshold if site_factory is not None else 0
        self.site_factory = site_factory
        self.cache = CodeCache(cache_dir)
        # where sources that are not files are registered for the JIT (HookRuntime.sources),
        # and the files' sources as compiled, with the key of each code object's (.files,
        # .code_keys)
        self.sources = sources if sources is not None else {}
        self.files = files if files is not None else {}
        self.code_keys = code_keys          # (made at the first use, if not given: _registered)

    def compile(self, source_bytes: bytes, filename: str, main=False):
        """A module's code object, ready to exec (``main``: the program's own file). SyntaxErrors
        are CPython's own; so are the warnings compiling writes: CPython compiles the main
        file at every run, and a module it has no ``.pyc`` for under ``-B`` or
        PYTHONDONTWRITEBYTECODE, and writes its SyntaxWarnings each time -- a file cached
        here that warned is compiled again there (a warm run had lost
        ``re.compile("\\d+")``'s "invalid escape sequence" warning)."""
        key = self.cache.key(filename, self.threshold)
        cached = self.cache.get(key, filename, source_bytes)
        if cached is not None and cached[2] and (main or _compiled_by_cpython(filename)):
            cached = None
        if cached is not None:
            code, infos, _ = cached
            infos = [_site_from(t) for t in infos]
        else:
            stderr = sys.stderr
            sys.stderr = watched = _Watched(stderr)
            try:
                code, infos = self._compile(source_bytes, filename)
            finally:
                if sys.stderr is watched:
                    sys.stderr = stderr
            self.cache.put(key, filename, source_bytes, code, [_site_tuple(s) for s in infos],
                           watched.wrote)
        if self.site_factory is None:
            return quickened_tree(code)     # (no JIT -- no loop instrumented -- to inline its functions)
        # (the JIT compiles a hot loop's function from these bytes, not from the file, which
        # may have changed since: the program runs what it loaded. A file reloaded with
        # other bytes gets a key of its own, its code objects theirs: Compiler.code_keys --
        # a file without loops too, whose functions a loop elsewhere may inline: only code
        # objects registered so are, not one a program made or changed, HookRuntime.function_code.
        # Decoded only if a loop gets hot: HookRuntime._source)
        key, n = filename, 1
        while key in self.files and self.files[key][0] != source_bytes:
            n += 1
            key = "%s (%d)" % (filename, n)
        self.files[key] = (source_bytes, filename)
        return quickened_tree(self._registered(self._bind(code, infos, key) if infos else code, key))

    def compile_text(self, text: str, filename: str, key: str):
        """Code from a source that is not a file (``-c``, standard input): never cached,
        registered under ``key`` so the JIT can compile its loops' functions."""
        code, infos = self._compile(text, filename)
        if infos:
            self.sources[key] = (text, filename)
        return quickened_tree(self._registered(self._bind(code, infos, key), key if infos else None))

    def compile_interactive(self, text: str, filename: str, key: str, flags: int = 0,
                            parsed_name: str | None = None):
        """One input typed at the console (``tauraro.console``): as ``compile_text``, but in
        mode 'single', so that expression statements print their values, and with
        ``flags``, the ``__future__`` features earlier inputs imported. The inputs share a
        file name (``<stdin>``): the JIT knows each by its ``key`` (in its statistics too).
        ``parsed_name`` is the name the parser's warnings give, where it is not the code's
        (3.13's console parses ``<stdin>`` and compiles ``<stdin>-N``)."""
        code, infos = self._compile(text, filename, "single", flags, parsed_name or filename)
        if infos:
            self.sources[key] = (text, key)
        return self._registered(self._bind(code, infos, key), key if infos else None)

    def _registered(self, code, key):
        """``code``, each code object in it mapped to ``key`` (None: not mapped) in
        ``code_keys``: the code objects whose functions the JIT may compile."""
        if key is not None:
            if self.code_keys is None:
                from .code_keys import CodeKeys
                self.code_keys = CodeKeys()
            self.code_keys.add_tree(code, key)
        return code

    def _bind(self, code, infos, key):
        if not infos:       # placeholders stand only for sites (and the code around them)
            return code
        sites = LoopSites(infos, key, self.site_factory) if self.site_factory else None
        return _bind_placeholders(code, sites)

    def _compile(self, text, filename, mode="exec", flags=0, parsed_name=None):
        """(code, loop sites): parsed (under ``parsed_name``, the name parser warnings
        give), instrumented when the JIT is on ('single': a console input), compiled."""
        if self.threshold <= 0 and mode == "exec":
            return compile(text, filename, mode, flags, dont_inherit=True), []
        with BOUNDARY:
            import ast
            from .instrument import instrument
        # (the syntax tree has no cycles, and is let go by reference counts: the collections
        # its tens of thousands of nodes would run, each walking all of them, took half of
        # instrumenting and compiling a program, 20-60 ms of a first run)
        collecting = gc.isenabled()
        gc.disable()
        try:
            tree = compile(text, parsed_name or filename, mode, flags | ast.PyCF_ONLY_AST,
                           dont_inherit=True)
            infos = []
            if self.threshold > 0:
                tree, infos = instrument(tree, self.threshold, interactive=mode == "single")
            try:
                return compile(tree, filename, mode, flags, dont_inherit=True), infos
            except SyntaxError:
                pass
        finally:
            if collecting:
                gc.enable()
        # an error only the compiler finds (after parsing): CPython's own words for it
        return compile(text, filename, mode, flags, dont_inherit=True), []


# --- the import hook ---------------------------------------------------------------------

def _loader_class():
    """ProgramLoader is a SourceFileLoader (so importing runs through importlib's own
    ``exec_module``, whose frames CPython hides from tracebacks) whose ``get_code``
    compiles through the Compiler: never a ``.pyc``."""
    class ProgramLoader(SourceFileLoader):
        # named as the loader CPython would use, which it is but for get_code: a program
        # printing type(__loader__) sees what it sees under python3
        def __init__(self, compiler: Compiler, fullname: str, path: str):
            super().__init__(fullname, path)
            self.compiler = compiler

        def get_code(self, fullname=None):
            with open(self.path, "rb") as f:
                data = f.read()
            with BOUNDARY:          # compiling is the implementation's work
                return self.compiler.compile(data, self.path)

    ProgramLoader.__name__ = ProgramLoader.__qualname__ = SourceFileLoader.__name__
    ProgramLoader.__module__ = SourceFileLoader.__module__
    return ProgramLoader


_LOADER = None


def ProgramLoader(compiler, fullname, path):
    global _LOADER
    if _LOADER is None:
        _LOADER = _loader_class()
    return _LOADER(compiler, fullname, path)


class ProgramFinder:
    """Finds modules like the standard path finder; those under the program's own paths
    get a ProgramLoader. Sits in sys.meta_path just before PathFinder."""

    def __init__(self, compiler: Compiler, roots):
        self.compiler = compiler
        self.roots = [os.path.join(os.path.realpath(r), "") for r in roots if r]
        # Tauraro's own code is never the program's, wherever it lies
        here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
        self.own = [os.path.join(here, ""),
                    os.path.join(os.path.dirname(here), "cli", "")]
        self._path_finder = PathFinder

    def owns(self, origin: str) -> bool:
        real = os.path.realpath(origin)
        if any(real.startswith(r) for r in self.own):
            return False
        return any(real.startswith(r) for r in self.roots)

    def find_spec(self, fullname, path=None, target=None):
        spec = self._path_finder.find_spec(fullname, path, target)
        if spec is None and path is None:
            spec = self._editable_spec(fullname, target)
        if spec is None or not spec.has_location or not isinstance(spec.origin, str):
            return spec
        # a host module Tauraro imported first (the JIT imports math): the program gets
        # that very module, as it would under CPython, where there is one
        have = BOUNDARY.reusable(fullname, spec.origin)
        if have is not None:
            spec.loader = Reused(have)
            return spec
        if isinstance(spec.loader, SourceFileLoader) and self.owns(spec.origin):
            spec.loader = ProgramLoader(self.compiler, fullname, spec.origin)
        return spec

    def _editable_spec(self, fullname, target):
        """A top-level package of a project installed in editable mode by setuptools'
        finder (which sits after the path finder): found by it, compiled by Tauraro."""
        for finder in sys.meta_path:
            if (getattr(finder, "__module__", None) or "").startswith("__editable__"):
                try:
                    spec = finder.find_spec(fullname, None, target)
                except Exception:
                    continue
                if spec is not None:
                    return spec
        return None

    def invalidate_caches(self):
        pass


def install_finder(compiler: Compiler, roots, meta: list) -> ProgramFinder:
    """The program's finder, put in the program's meta path ``meta`` before PathFinder."""
    finder = ProgramFinder(compiler, roots)
    for i, f in enumerate(meta):
        if f is PathFinder:
            meta.insert(i, finder)
            break
    else:
        meta.append(finder)
    return finder
