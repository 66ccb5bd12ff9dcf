#!/bin/sh
# Put Timeline in the applications menu: the .desktop file, the AppStream metainfo and the icons,
# into the share/ folders under a prefix. Works from a source checkout (packaging/install.sh, the
# app itself installed with pip or pipx) and from inside a built bundle
# (timeline-app/packaging/install.sh, which also links the bundle's executable into PREFIX/bin).
#
#   install.sh [--prefix DIR] [--destdir DIR] [--exec COMMAND] [--uninstall]
#
#   --prefix DIR     where share/ and bin/ are (default: ~/.local; /usr/local for everyone)
#   --destdir DIR    stage the files under DIR, for building distribution packages
#   --exec COMMAND   what the menu entry runs (default: the bundle's executable if this script is
#                    inside a bundle, otherwise timeline-app found on PATH)
#   --uninstall      remove what an install put there
set -eu

APP_ID=io.github.timeline_app.Timeline
COMMAND=timeline-app
ICON_SIZES="16 24 32 48 64 128 256 512"

HERE=$(cd "$(dirname "$0")" && pwd)
prefix="${HOME:-}/.local"
destdir=""
exec_command=""
uninstall=no

die() { echo "install.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; prefix=$2; shift 2 ;;
        --destdir) [ $# -ge 2 ] || die "--destdir needs a folder"; destdir=$2; shift 2 ;;
        --exec) [ $# -ge 2 ] || die "--exec needs a command"; exec_command=$2; shift 2 ;;
        --uninstall) uninstall=yes; shift ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
case "$prefix" in /*) ;; *) die "--prefix must be an absolute path, not $prefix" ;; esac

share="$destdir$prefix/share"
bin="$destdir$prefix/bin"
desktop_file="$share/applications/$APP_ID.desktop"
metainfo_file="$share/metainfo/$APP_ID.metainfo.xml"
scalable_icon="$share/icons/hicolor/scalable/apps/$APP_ID.svg"
mime_file="$share/mime/packages/$APP_ID.xml"

# Inside a bundle, the executable sits in the folder above this script.
bundled_executable=""
if [ -x "$HERE/../$COMMAND" ] && [ -f "$HERE/../$COMMAND" ]; then
    bundled_executable=$(cd "$HERE/.." && pwd)/$COMMAND
fi

refresh_caches() {
    # Menus and icon themes notice new files sooner with fresh caches; packagers' staging
    # folders (--destdir) are left for the package manager's own triggers.
    [ -z "$destdir" ] || return 0
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" || true
    fi
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$share/mime/packages" ]; then
        update-mime-database "$share/mime" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$share/icons/hicolor" || true
    fi
}

if [ "$uninstall" = yes ]; then
    rm -f "$desktop_file" "$metainfo_file" "$scalable_icon" "$mime_file"
    for size in $ICON_SIZES; do
        rm -f "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    if [ -L "$bin/$COMMAND" ] && [ -n "$bundled_executable" ] \
        && [ "$(readlink "$bin/$COMMAND")" = "$bundled_executable" ]; then
        rm -f "$bin/$COMMAND"
    fi
    refresh_caches
    printf "Removed Timeline's menu entry from %s\n" "$destdir$prefix"
    exit 0
fi

# The Exec key quotes its argument; inside quotes ", `, $ and \ take a backslash, and the .desktop
# format then doubles every backslash.
desktop_quote() {
    printf '"%s"' "$(printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g')"
}

if [ -z "$exec_command" ]; then
    exec_command=${bundled_executable:-$COMMAND}
fi
if [ "$exec_command" = "$COMMAND" ]; then
    exec_line=$COMMAND
    command -v "$COMMAND" >/dev/null 2>&1 || [ -n "$destdir" ] \
        || echo "install.sh: note: $COMMAND is not on PATH yet; the menu entry needs it there" >&2
else
    exec_line=$(desktop_quote "$exec_command")
fi

mkdir -p "$share/applications" "$share/metainfo" "$(dirname "$scalable_icon")" \
    "$(dirname "$mime_file")"
# %f: a file manager passes the timeline file (.tldb) to open.
EXEC_LINE=$exec_line awk '/^Exec=/ { print "Exec=" ENVIRON["EXEC_LINE"] " %f"; next } { print }' \
    "$HERE/$APP_ID.desktop" > "$desktop_file.new"
chmod 644 "$desktop_file.new"
mv "$desktop_file.new" "$desktop_file"
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$metainfo_file"
install -m 644 "$HERE/$APP_ID.mime.xml" "$mime_file"
install -m 644 "$HERE/icons/$APP_ID.svg" "$scalable_icon"
for size in $ICON_SIZES; do
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    install -m 644 "$HERE/icons/hicolor/${size}x${size}/apps/$APP_ID.png" \
        "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done

if [ -n "$bundled_executable" ] && [ "$exec_command" = "$bundled_executable" ]; then
    # The command line too; an existing file that is not our link is left alone.
    mkdir -p "$bin"
    if [ ! -e "$bin/$COMMAND" ] || [ -L "$bin/$COMMAND" ]; then
        ln -sfn "$bundled_executable" "$bin/$COMMAND"
    else
        echo "install.sh: note: $bin/$COMMAND exists and is not a link; left as it is" >&2
    fi
fi

refresh_caches
printf "Installed Timeline's menu entry into %s (runs: %s)\n" "$destdir$prefix" "$exec_command"
