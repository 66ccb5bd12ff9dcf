"""The main window: timeline canvas, event list, detail pane and filters, over one open database."""

from timeline_app.ui.qt_workarounds import keep_none_alive

keep_none_alive()
