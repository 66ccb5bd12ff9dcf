"""Editing in the window: the undo session, the event editor, the Edit menu's actions."""
