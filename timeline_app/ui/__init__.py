"""The main window: timeline canvas, event list, detail pane and filters, over one open database."""
