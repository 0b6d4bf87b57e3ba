"""The pygame-ce window front end. Nothing here is imported until the window is asked for (pygame loads lazily)."""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no banner on stdout
