"""``python -m tauraro`` is the ``tauraro`` command."""
from .cli.main import entry

if __name__ == "__main__":
    entry()
