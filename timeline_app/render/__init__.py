"""Drawing the timeline: the time scale, marks laid out in lanes, and the one QPainter drawing
that the on-screen canvas and the PDF share. Layout is plain Python; painter.py holds the Qt."""
