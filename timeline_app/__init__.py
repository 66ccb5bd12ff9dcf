"""A desktop timeline of the Azerbaijan–Israel relationship, every event tied to its sources."""

from importlib import metadata

APP_NAME = "Timeline"
APP_ID = "io.github.timeline_app.Timeline"
ORGANISATION = "timeline-app"

try:
    __version__ = metadata.version("timeline-app")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
