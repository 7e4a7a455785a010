"""``python launch_tauraro.py ARGS...`` is ``python -m tauraro ARGS...`` for an interpreter
where this checkout is not installed: the repository root goes on ``sys.path`` (after
the script's own directory, which ``tauraro run`` replaces with the program's), not in
``PYTHONPATH`` -- Tauraro treats ``PYTHONPATH`` entries as the program's own paths and
would compile its own modules, and the conformance runtime, as program code.
"""
import os
import runpy
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(1, ROOT)
runpy.run_module("tauraro", run_name="__main__", alter_sys=True)
