"""Tauraro: Python programs run by CPython, hot loops compiled to WebAssembly.

The command line's source lives in ``cli/`` beside this package (the project's
layout) and is installed as ``tauraro.cli``. Run from a source checkout without
installing, that folder is found through this package's ``__path__``.
"""
import os as _os

__version__ = "0.2.0"

_here = _os.path.dirname(_os.path.abspath(__file__))
if not _os.path.isdir(_os.path.join(_here, "cli")) and \
        _os.path.isfile(_os.path.join(_here, _os.pardir, "cli", "__init__.py")):
    __path__.append(_os.path.dirname(_here))
del _os, _here
