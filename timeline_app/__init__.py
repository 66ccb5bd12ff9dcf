"""A desktop timeline of the Azerbaijan–Israel relationship, every event tied to its sources."""

APP_NAME = "Timeline"
APP_ID = "io.github.timeline_app.Timeline"
ORGANISATION = "timeline-app"

# The one place the version is written: pyproject.toml reads it from here (hatch's version
# source). A literal, not importlib.metadata, which costs about 0.1 s of every start-up here.
__version__ = "0.1.0"
