"""The boundary between Tauraro's imports and the program's.

Tauraro and the program share one interpreter, so they share ``sys.modules``,
``sys.path`` and ``sys.meta_path``. Without a boundary each leaks into the
other: a ``json.py`` beside the program would be what the JIT gets for ``import
json``, and the ``ast``, ``ctypes`` or ``struct`` Tauraro imported at start-up
would stop the program's own ``ast.py`` from shadowing the standard library's.

So there are two views of the import system:

- **The program's view** holds what ``python3`` has at start-up (found once by
  asking the interpreter, see ``startup_modules``), Tauraro's own package, and
  whatever the program imports itself, through the program's ``sys.path``.
  A program module shadows a standard library module exactly when it would
  under CPython.
- **The implementation's view** adds the modules Tauraro imported and resolves
  new imports on the host's path only (the standard library and
  ``site-packages``: not the program's directory, not ``PYTHONPATH``, not the
  program's finders).

``BOUNDARY`` is a reentrant context: inside it the implementation's view is in
place, outside it the program's. Every first import of a ``tauraro.*`` module
after the program has started runs inside it (``OwnModules``, a meta path
finder), so a module's top-level imports are the implementation's. A function
in Tauraro that imports anything else must do it inside ``with BOUNDARY:``
(``tests/test_boundary.py`` checks the source for this).

This module imports only what every CPython start-up has, and nothing of Tauraro.
"""
from __future__ import annotations

import builtins
import os
import sys
from importlib.machinery import (BYTECODE_SUFFIXES, EXTENSION_SUFFIXES, SOURCE_SUFFIXES, ExtensionFileLoader,
                                 FileFinder, FrozenImporter, SourceFileLoader, SourcelessFileLoader)

OWN_PACKAGE = "tauraro"

#: The builtins as Python started, for Tauraro's own code. A program may patch the
#: ``builtins`` module (``builtins.len = ...``, a counting ``__import__``); under CPython
#: that changes what the program's code calls, and nothing else. Every Tauraro module
#: looks builtin names up here instead (its ``__builtins__``, set before its code runs:
#: ``_OwnLoader``; this module's own just below), and so does the instrumented code's
#: hidden calls (``tauraro.vm.loader``), so the program sees none of Tauraro's calls and
#: Tauraro none of the program's replacements.
BUILTINS = dict(builtins.__dict__)
__builtins__ = BUILTINS         # (the functions below are made after this: they look up here)
#: The same as a module, for attribute reads (``BUILTINS_MODULE.len``), and for comparing the
#: program's names with the builtins themselves (``f is BUILTINS_MODULE.len``): a program's
#: patched ``len`` is its own function, which the JIT must not compile as ``len``.
BUILTINS_MODULE = type(sys)("builtins")
BUILTINS_MODULE.__dict__.update(BUILTINS)


def is_own(name: str) -> bool:
    return name == OWN_PACKAGE or name.startswith(OWN_PACKAGE + ".")


class Boundary:
    """The two views, and the switch between them (``with BOUNDARY:``)."""

    def __init__(self):
        self.opened = False
        self.started = False        # the program's view exists (the program has started)
        self.depth = 0
        self.host_path: list[str] = []
        self.host_meta: list = []
        self.launcher_meta: list = []
        self.host_hooks: list | None = None    # (None: not opened, the hooks are not swapped)
        self.host_importer_cache: dict = {}
        self._program_hooks: list | None = None
        self._program_importer_cache: dict = {}
        self.startup: frozenset[str] = frozenset()
        self.own: dict = {}         # the implementation's modules that the program's view lacks
        self._program_mods: dict = {}
        self._shared: dict = {}
        self._put_back = _nothing
        self._program_path: list = []
        self._program_meta: list = []
        self._program_roots: list[str] = []
        self._host_dirs: list[str] | None = None
        self._genuine_origins: dict[str, bool] = {}

    def open(self) -> list[str]:
        """At the launcher's start: the launcher's ``sys.path`` is kept for the program
        (returned); from now on imports resolve on the host's path only."""
        if self.opened:
            return self.launcher_path
        self.opened = True
        self.launcher_path = list(sys.path)
        var = os.environ.get("PYTHONPATH") if not sys.flags.ignore_environment else None
        # (an empty entry stands for the current directory, as CPython reads it)
        pythonpath = {os.path.abspath(p) for p in var.split(os.pathsep)} if var else set()
        self.host_path = [p for p in sys.path[1:] if os.path.abspath(p) not in pythonpath]
        sys.path[:] = self.host_path
        # the finders the program's view starts from (the program's own goes in before
        # PathFinder: tauraro.vm.loader.install_finder); the implementation's, whose
        # modules look builtin names up where Tauraro's own do (_HostFinder), with the
        # path finder's hooks and cache of now (the program may add hooks of its own)
        self.host_hooks = list(sys.path_hooks)
        self.host_importer_cache = dict(sys.path_importer_cache)
        own = OwnModules(self)
        self.launcher_meta = [own] + sys.meta_path
        self.host_meta = [own] + [_HostFinder(f) for f in sys.meta_path]
        sys.meta_path[:] = self.host_meta
        return self.launcher_path

    def start_program(self, startup: frozenset[str], path: list[str], meta_path: list,
                      program_roots=()) -> None:
        """Switch to the program's view, for good: ``sys.path`` and ``sys.meta_path``
        become the program's, and ``sys.modules`` keeps only what ``python3`` has at
        start-up and Tauraro's own package. ``program_roots``: where the program's own
        modules come from."""
        self.startup = startup
        self._program_roots = [os.path.join(os.path.realpath(r), "") for r in program_roots]
        mods = sys.modules
        for name in list(mods):
            if name not in startup and not is_own(name) and name != "__main__":
                self.own[name] = mods.pop(name)
        sys.path[:] = path
        sys.meta_path[:] = meta_path
        self.started = True

    def __enter__(self):
        self.depth += 1
        if self.depth == 1 and self.started:
            mods = sys.modules
            self._program_path = sys.path[:]
            self._program_meta = sys.meta_path[:]
            self._program_mods = {}
            self._shared = {}
            # a package and its submodules come from one side: Tauraro's where it has the
            # package itself (a submodule of the other side's copy would be missing from
            # its package's attributes)
            own_packages = {name for name, m in self.own.items() if "." not in name and hasattr(m, "__path__")}
            for name, module in list(mods.items()):
                if name in self.startup or is_own(name):
                    continue
                if name.partition(".")[0] not in own_packages and self._genuine(module):
                    # the host's module, imported by the program: Tauraro's too (a second
                    # copy of an extension module would have other function objects). A
                    # copy Tauraro imported before the program started (subprocess imports
                    # selectors, which imports math) is dropped for it.
                    self._shared[name] = module
                    self.own.pop(name, None)
                    continue
                self._program_mods[name] = mods.pop(name)
            mods.update(self.own)
            sys.path[:] = self.host_path
            sys.meta_path[:] = self.host_meta
            if self.host_hooks is not None:
                self._program_hooks = sys.path_hooks[:]
                sys.path_hooks[:] = self.host_hooks
                self._program_importer_cache = sys.path_importer_cache
                sys.path_importer_cache = self.host_importer_cache
            self._put_back = _pristine_builtins()
        return self

    def __exit__(self, *exc):
        self.depth -= 1
        if self.depth == 0 and self.started:
            mods = sys.modules
            for name in list(mods):
                if name in self.startup or is_own(name) or self._shared.get(name) is mods[name]:
                    continue
                self.own[name] = mods.pop(name)
            mods.update(self._program_mods)
            self._program_mods = {}
            self._put_back()
            self._shared = {}
            sys.path[:] = self._program_path
            sys.meta_path[:] = self._program_meta
            if self._program_hooks is not None:
                sys.path_hooks[:] = self._program_hooks
                sys.path_importer_cache = self._program_importer_cache
                self._program_hooks = None
        return False


    def reusable(self, name: str, origin):
        """The copy of a host module Tauraro imported that the program is now importing
        from the very same file, or None: handed to the program (see ``Reused``), there is
        one such module, as under CPython, and Tauraro's identity checks hold for it."""
        module = self.own.get(name)
        if module is None or "." in name or hasattr(module, "__path__") or not isinstance(origin, str):
            return None
        if getattr(getattr(module, "__spec__", None), "origin", None) != origin or not self._genuine(module):
            return None
        if module.__dict__.get("__builtins__") is OWN_BUILTINS:
            return None         # (its code would not see the program's builtins: _HostFinder)
        del self.own[name]          # the program's now (shared inside the boundary)
        return module

    def _genuine(self, module) -> bool:
        """Is this module the host's own (built in, frozen, or from the standard library or
        site-packages), not one of the program's?"""
        origin = getattr(getattr(module, "__spec__", None), "origin", None)
        if origin in ("built-in", "frozen"):
            return True
        if not isinstance(origin, str):
            return False
        known = self._genuine_origins.get(origin)
        if known is None:
            if self._host_dirs is None:
                self._host_dirs = [os.path.join(os.path.realpath(p), "")
                                   for p in self.host_path if p]
            real = os.path.realpath(origin)
            known = any(real.startswith(h) for h in self._host_dirs) and \
                not any(real.startswith(r) for r in self._program_roots)
            self._genuine_origins[origin] = known
        return known


def _pristine_builtins():
    """Give the ``builtins`` module back the names the program replaced or deleted, and
    return what puts the program's back: inside the boundary even the standard library
    modules Tauraro shares with the program (``collections``' namedtuple, run as a
    Tauraro module is imported) call the builtins as Python started them."""
    d = builtins.__dict__
    replaced = {k: v for k, v in d.items() if BUILTINS.get(k, v) is not v}
    deleted = [k for k in BUILTINS if k not in d]
    if not replaced and not deleted:
        return _nothing
    d.update({k: BUILTINS[k] for k in (*replaced, *deleted)})

    def put_back():
        for k in deleted:
            d.pop(k, None)
        d.update(replaced)
    return put_back


def _nothing():
    pass


class Reused:
    """A loader handing the program the module Tauraro already has (``Boundary.reusable``)."""

    def __init__(self, module):
        self.module = module

    def create_module(self, spec):
        return self.module

    def exec_module(self, module):
        pass


class _OwnLoader:
    """A loader of one of Tauraro's modules: runs the module's code inside the boundary."""

    def __init__(self, loader, boundary: Boundary):
        self._loader = loader
        self._boundary = boundary

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        module.__dict__["__builtins__"] = OWN_BUILTINS
        with self._boundary:
            self._loader.exec_module(module)

    def __getattr__(self, name):            # get_source, get_code, is_package, ...
        return getattr(self._loader, name)


class _BuiltinsLoader(_OwnLoader):
    """A loader of a host module imported in the implementation's view: its code looks
    builtin names up in ``OWN_BUILTINS``, not in what the program made of ``builtins``."""

    def exec_module(self, module):
        module.__dict__["__builtins__"] = OWN_BUILTINS
        self._loader.exec_module(module)


class _HostFinder:
    """One of the host's meta path finders, as the implementation's view has it: a module
    whose code Python runs (source, bytecode, frozen) is loaded by a ``_BuiltinsLoader``.
    Extension modules are left as they are (their dicts have no ``__builtins__``)."""

    def __init__(self, finder):
        self._finder = finder

    def find_spec(self, fullname, path=None, target=None):
        find = getattr(self._finder, "find_spec", None)
        spec = find(fullname, path, target) if find is not None else None
        if spec is not None and (isinstance(spec.loader, (SourceFileLoader, SourcelessFileLoader))
                                 or spec.loader is FrozenImporter):
            spec.loader = _BuiltinsLoader(spec.loader, None)
        return spec

    def invalidate_caches(self):
        invalidate = getattr(self._finder, "invalidate_caches", None)
        if invalidate is not None:
            invalidate()

    def __getattr__(self, name):        # find_distributions (importlib.metadata), ...
        return getattr(self._finder, name)


_FILE_LOADERS = ((ExtensionFileLoader, EXTENSION_SUFFIXES), (SourceFileLoader, SOURCE_SUFFIXES),
                 (SourcelessFileLoader, BYTECODE_SUFFIXES))


class OwnModules:
    """A meta path finder, first in line, that only answers for ``tauraro.*``: found in its
    package's directories as the path finder's default file finder would find them --
    by finders of its own, not through ``sys.path_hooks`` and ``sys.path_importer_cache``,
    which the program may change (a hook of its own put first broke the JIT's imports) --
    and loaded inside the boundary."""

    def __init__(self, boundary: Boundary):
        self.boundary = boundary
        self._finders: dict = {}

    def find_spec(self, fullname, path=None, target=None):
        if not fullname.startswith(OWN_PACKAGE + ".") or path is None:
            return None
        for entry in path:
            finder = self._finders.get(entry)
            if finder is None:
                finder = self._finders[entry] = FileFinder(entry, *_FILE_LOADERS)
            spec = finder.find_spec(fullname, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _OwnLoader(spec.loader, self.boundary)
                return spec
        return None

    def invalidate_caches(self):
        for finder in self._finders.values():
            finder.invalidate_caches()


BOUNDARY = Boundary()

_import = BUILTINS["__import__"]


def _own_import(name, globals=None, locals=None, fromlist=(), level=0):
    """``__import__`` for the code of Tauraro's modules and of those it imports for itself:
    the first import of one of Tauraro's modules, or a relative one -- ``from .emit import
    Emitter`` in a function, once the program runs -- is made inside the boundary, where
    the meta path is the implementation's: the program's finders (one it put first) are
    not asked for the JIT's modules, nor can they refuse them. An import of what is
    loaded already goes straight through. (Not any other name: C code importing through
    this -- pickle's copyreg -- reads the module from sys.modules after, where the
    boundary's exit no longer leaves it.)"""
    if BOUNDARY.started and not BOUNDARY.depth and (level or name.startswith(OWN_PACKAGE)):
        if level:
            package = globals.get("__package__") if globals else None
            base = package.rsplit(".", level - 1)[0] if package else ""
            absolute = "%s.%s" % (base, name) if name else base
        else:
            absolute = name
        module = sys.modules.get(absolute)
        if module is None or fromlist and not all(hasattr(module, f) for f in fromlist):
            with BOUNDARY:
                return _import(name, globals, locals, fromlist, level)
    return _import(name, globals, locals, fromlist, level)


#: What Tauraro's own modules, and those it imports for itself, look builtin names up in:
#: the builtins as Python started them, with ``_own_import`` for their imports
#: (``_OwnLoader``, ``_BuiltinsLoader``)
OWN_BUILTINS = dict(BUILTINS, __import__=_own_import)


# --- what python3 has at start-up -----------------------------------------------------------

_ENV_THAT_CHANGES_STARTUP = ("PYTHONPATH", "PYTHONHOME", "PYTHONUSERBASE", "PYTHONNOUSERSITE",
                             "PYTHONSAFEPATH", "PYTHONUTF8", "PYTHONIOENCODING", "PYTHONSTARTUP",
                             "PYTHONPLATLIBDIR", "LANG", "LC_ALL", "LC_CTYPE", "VIRTUAL_ENV")
_PROBE = ("import sys\nplain = list(sys.modules)\nimport runpy\n"
          "sys.stdout.write(' '.join(plain) + '\\n' + ' '.join(sys.modules) + '\\n')\n")


def _probe_key() -> str:
    """What the start-up set depends on: the interpreter, its flags, the environment, and
    the site directories' contents (a new ``.pth`` file can import modules at start-up)."""
    with BOUNDARY:
        import site
        import zlib
    dirs = list(getattr(site, "getsitepackages", lambda: [])())
    try:
        dirs.append(site.getusersitepackages())
    except Exception:
        pass
    stamps = []
    for d in dirs:
        try:
            stamps.append((d, os.stat(d).st_mtime_ns))
        except OSError:
            stamps.append((d, None))
    key = repr((sys.executable, sys.version, tuple(sys.flags),
                [(v, os.environ.get(v)) for v in _ENV_THAT_CHANGES_STARTUP], stamps)).encode()
    return "%08x%08x" % (zlib.crc32(key), zlib.adler32(key))


def _probe() -> tuple[frozenset[str], frozenset[str]]:
    with BOUNDARY:
        import subprocess
    # (read from standard input: python3.13 -c imports linecache for its tracebacks)
    cmd = [sys.executable] + subprocess._args_from_interpreter_flags() + ["-"]
    out = subprocess.run(cmd, input=_PROBE.encode(), stdout=subprocess.PIPE, cwd=os.sep,
                         stderr=subprocess.DEVNULL, check=True).stdout.decode()
    plain, with_runpy = out.split("\n")[:2]
    return frozenset(plain.split()), frozenset(with_runpy.split())


def startup_modules(cache_root: str | None, runpy: bool = False, failed=None) -> frozenset[str]:
    """The modules ``python3 prog.py`` has at the program's start (with ``runpy=True``:
    ``python3 -m mod``, whose launcher is runpy). Asked of the interpreter once, then
    kept under the cache root; if it cannot be asked, what is imported now stands in."""
    with BOUNDARY:
        path = None
        if cache_root is not None:
            path = os.path.join(cache_root, "startup", _probe_key() + ".txt")
            try:
                with open(path) as f:
                    plain, with_runpy = f.read().split("\n")[:2]
                sets = frozenset(plain.split()), frozenset(with_runpy.split())
                return sets[runpy]
            except (OSError, ValueError):
                pass
        try:
            sets = _probe()
        except Exception:
            return frozenset(sys.modules)
        if path is not None:
            try:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                tmp = "%s.%d.tmp" % (path, os.getpid())
                with open(tmp, "w") as f:
                    f.write(" ".join(sorted(sets[0])) + "\n" + " ".join(sorted(sets[1])) + "\n")
                os.replace(tmp, path)
            except OSError as e:
                if failed is not None:
                    failed(os.path.dirname(path), e)
        return sets[runpy]
