"""``python -m newsdoc``: the same as the ``newsdoc`` command."""

from newsdoc.cli import main

raise SystemExit(main())
