#!/bin/sh
# Install the kpidesk bundle for the current user (or, with --prefix, anywhere):
#
#   ./install.sh                      # into ~/.local: lib/kpidesk, bin/kpidesk, share/...
#   sudo ./install.sh --prefix /usr/local
#   ./install.sh --uninstall [--prefix DIR]
#
# Run it from the unpacked bundle (dist/kpidesk, or kpidesk-VERSION-linux-*.tar.gz
# unpacked), or as packaging/linux/install.sh in a checkout after `python3 dev.py package`.
# It copies the program, links the command, installs the desktop entry, the AppStream
# metadata, the plan file type (*.kpi.toml) and the icons, then refreshes the desktop's
# caches, so that plans open in kpidesk by a double click. It sets no default application:
# kpidesk is the only application for its plan type, and other .toml files are left alone.
set -eu

APP_ID=io.github.kpidesk.kpidesk
PLAN_ICON=application-x-kpidesk-plan
PREFIX="${HOME}/.local"
ACTION=install

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) PREFIX="$2"; shift 2 ;;
        --prefix=*) PREFIX="${1#--prefix=}"; shift ;;
        --uninstall) ACTION=uninstall; shift ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument: $1" >&2; exit 2 ;;
    esac
done

HERE=$(cd "$(dirname "$0")" && pwd)
if [ -x "$HERE/kpidesk" ] && [ -d "$HERE/share" ]; then
    BUNDLE="$HERE"
elif [ -x "$HERE/../../dist/kpidesk/kpidesk" ]; then
    BUNDLE=$(cd "$HERE/../../dist/kpidesk" && pwd)
else
    BUNDLE=""
fi

LIB="$PREFIX/lib/kpidesk"
BIN="$PREFIX/bin"
SHARE="$PREFIX/share"

refresh() {
    # Each tool is optional: a desktop without it reads the files on its next start.
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$SHARE/mime/packages" ]; then
        update-mime-database "$SHARE/mime"
    fi
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$SHARE/applications" ]; then
        update-desktop-database -q "$SHARE/applications"
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$SHARE/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$SHARE/icons/hicolor" || true
    fi
    return 0
}

if [ "$ACTION" = uninstall ]; then
    rm -rf "$LIB"
    [ -L "$BIN/kpidesk" ] && rm -f "$BIN/kpidesk"
    rm -f "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml" \
          "$SHARE/mime/packages/$APP_ID.xml"
    for icon in "$SHARE"/icons/hicolor/*/apps/"$APP_ID".* "$SHARE"/icons/hicolor/*/mimetypes/"$PLAN_ICON".*; do
        [ -e "$icon" ] && rm -f "$icon"
    done
    refresh
    echo "kpidesk removed from $PREFIX"
    exit 0
fi

if [ -z "$BUNDLE" ]; then
    echo "install.sh: no kpidesk bundle found beside this script or in dist/kpidesk;" >&2
    echo "build it first: python3 dev.py package" >&2
    exit 1
fi

rm -rf "$LIB"
mkdir -p "$LIB" "$BIN"
cp -R "$BUNDLE/kpidesk" "$BUNDLE/_internal" "$LIB/"
ln -sf "$LIB/kpidesk" "$BIN/kpidesk"

mkdir -p "$SHARE"
cp -R "$BUNDLE/share/." "$SHARE/"
# The desktop starts programs with its own PATH, which often lacks ~/.local/bin:
# name the installed command by its full path.
case "$BIN" in
    *" "*) exec_line="Exec=\"$BIN/kpidesk\" %f" ;;
    *) exec_line="Exec=$BIN/kpidesk %f" ;;
esac
sed "s|^Exec=kpidesk %f\$|$exec_line|" "$BUNDLE/share/applications/$APP_ID.desktop" \
    > "$SHARE/applications/$APP_ID.desktop"
refresh

echo "kpidesk installed: $BIN/kpidesk (program in $LIB)"
case ":${PATH}:" in
    *":$BIN:"*) ;;
    *) echo "note: $BIN is not on your PATH; add it to run kpidesk from a terminal" ;;
esac
echo "plans named *.kpi.toml now open in kpidesk by a double click"
