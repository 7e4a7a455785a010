"""The JIT's defaults, importable without importing the JIT (start-up stays small)."""

DEFAULT_THRESHOLD = 1000      # loop iterations before a loop's hook asks for native code
