"""Tauraro: Python programs run by CPython, hot loops compiled to WebAssembly.

The command line's source lives in ``cli/`` beside this package (the project's
layout) and is installed as ``tauraro.cli``. Run from a source checkout without
installing, that folder is found through this package's ``__path__``.
"""
__version__ = "0.2.0"


def _checkout_cli():
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    if not os.path.isdir(os.path.join(here, "cli")):
        checkout = os.path.dirname(here)
        if os.path.isfile(os.path.join(checkout, "cli", "__init__.py")):
            __path__.append(checkout)


_checkout_cli()
del _checkout_cli
