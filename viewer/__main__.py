"""`python -m viewer` does what the `launchmap` command does."""

import sys

from viewer.cli import main

sys.exit(main())
