"""Imports: the program's own modules run in Tauraro, everything else is the host's.

A meta-path finder claims ``.py`` files found in the program's directory (and
in packages found there); their loader compiles them with Tauraro's compiler
and runs them in the VM. Standard-library and installed modules are imported by
the host as usual, so ``import math`` gives CPython's math module.
"""
from __future__ import annotations

import importlib.machinery
import os
import sys

from .builtins import BUILTINS_MODULE
from .sysmodule import SYS

PROGRAM_PATHS: list[str] = []


class TauraroFinder:
    """Claims the program's own modules: top-level modules found in the program's
    directory, and submodules of packages that Tauraro itself loaded. Submodules of
    host packages are never claimed, even if the host package sits inside the
    program's directory (Tauraro's own source tree, say)."""

    def find_spec(self, fullname, path=None, target=None):
        if path is None:
            if fullname in _HOST_ONLY:
                return None
            search = PROGRAM_PATHS
        else:
            parent = sys.modules.get(fullname.rpartition(".")[0])
            spec = getattr(parent, "__spec__", None)
            if not isinstance(getattr(spec, "loader", None), TauraroLoader):
                return None
            search = path
        spec = importlib.machinery.PathFinder.find_spec(fullname, search)
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            return None
        spec.loader = TauraroLoader(fullname, spec.origin)
        return spec


# the implementation's own packages, which it may import lazily while a program runs
_HOST_ONLY = {"tauraro", "cli", "wasmtime", "click"}


class TauraroLoader:
    """Compiles a module with Tauraro's compiler and runs it in the VM (a plain class:
    importing importlib.abc for its base class costs ~15 ms of start-up)."""
    def __init__(self, fullname, path):
        self.fullname = fullname
        self.path = path

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        from ..compiler.compiler import compile_source
        from .modules import execute_module
        from .source import decode_source
        with open(self.path, "rb") as f:
            data = f.read()
        code = compile_source(decode_source(data, self.path), self.path)
        execute_module(code, module.__dict__)

    def get_filename(self, fullname):
        return self.path

    def get_source(self, fullname):
        with open(self.path, encoding="utf-8") as f:
            return f.read()


FINDER = TauraroFinder()


def install(program_dir: str):
    PROGRAM_PATHS[:] = [os.path.abspath(program_dir)]
    if FINDER not in sys.meta_path:
        sys.meta_path.insert(0, FINDER)


def import_name(name, fromlist, level, G):
    if level == 0:
        if name == "sys":
            return SYS
        if name == "builtins":
            return BUILTINS_MODULE
    return __import__(name, G, None, fromlist, level)


def import_from(module, name):
    try:
        return getattr(module, name)
    except AttributeError:
        pass
    modname = getattr(module, "__name__", None)
    if isinstance(modname, str):
        sub = sys.modules.get(modname + "." + name)
        if sub is not None:
            return sub
    path = getattr(module, "__file__", None) or "unknown location"
    spec = getattr(module, "__spec__", None)
    if spec is not None and getattr(spec, "_initializing", False):
        msg = ("cannot import name '%s' from partially initialized module '%s' "
               "(most likely due to a circular import) (%s)" % (name, modname, path))
    else:
        msg = "cannot import name '%s' from '%s' (%s)" % (name, modname, path)
    raise ImportError(msg, name=modname, path=path if path != "unknown location" else None)


def import_star(ns, module):
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in module.__dict__ if not n.startswith("_")]
    for n in names:
        ns[n] = getattr(module, n)
