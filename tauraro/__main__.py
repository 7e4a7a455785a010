"""``python -m tauraro`` is the ``tauraro`` command."""
from cli.main import main

if __name__ == "__main__":
    main(prog_name="tauraro")
