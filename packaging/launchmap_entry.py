"""Entry point of the frozen app: the same `launchmap` command (window, `export`, `validate`) as the installed one."""

import sys

from viewer.cli import main

if __name__ == "__main__":
    sys.exit(main())
