# Sourced by run-app.sh and run-tests.sh: installs the Debian/Ubuntu packages named in "$@"
# that are missing, using apt-get as root or through sudo; otherwise names them and stops.
ensure_system_packages() {
    local missing=()
    for package in "$@"; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" != "installed" ]; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "This set-up script knows Debian and Ubuntu. Install the equivalents of: ${missing[*]}" >&2
        return 1
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo"
        else
            echo "Missing system packages: ${missing[*]}" >&2
            echo "Install them as root: apt-get install ${missing[*]}" >&2
            return 1
        fi
    fi
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_virtualenv() {
    # A project-local environment; "$1" is the extra to install ("" or "[test]").
    local python="${PYTHON:-python3}"
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "Python 3.11 or newer is needed (found: $("$python" --version 2>&1))." >&2
        return 1
    fi
    if [ ! -x .venv/bin/python ]; then
        "$python" -m venv .venv || {
            echo "Could not create a virtual environment: install python3-venv." >&2
            return 1
        }
    fi
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".$1"
}
