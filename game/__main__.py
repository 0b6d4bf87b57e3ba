"""`python -m game` runs the same command as `space-race`."""

import sys

from game.cli import main

sys.exit(main())
