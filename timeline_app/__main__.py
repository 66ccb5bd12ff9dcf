"""`python -m timeline_app` runs the same command line as `timeline-app`."""

import sys

from timeline_app.cli import main

sys.exit(main())
