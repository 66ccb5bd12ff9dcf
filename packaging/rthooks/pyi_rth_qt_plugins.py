# Run-time hook for the bundle, in place of PyInstaller's pyi_rth_pyside6.
#
# That hook imports PySide6.QtCore at start-up to write a qt.conf, which PySide6's own wheels do
# anyway when they are first imported. Loading Qt there cost the command line (`timeline-app list`,
# which never touches Qt) about a third of its start-up. This one only points Qt at its plugins.
import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(
    sys._MEIPASS, "PySide6", *(() if sys.platform == "win32" else ("Qt",)), "plugins"
)
