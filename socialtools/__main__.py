"""``python -m socialtools`` runs the command line."""

from socialtools.cli import main

raise SystemExit(main())
