"""Before Qt starts: can its X11 platform plugin load? If not, one clear line.

Without one of its XCB libraries Qt prints a screenful that blames the plugin ("could not
load the Qt platform plugin "xcb" ... reinstalling the application may fix this") and
aborts. This module asks `ldd` (or, without it, the dynamic loader through ctypes) which
libraries the venv's libqxcb.so cannot find, and names them with the Debian packages that
bring them. Nothing here imports Qt: it runs before PySide6 is loaded.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# what libqxcb.so and the Qt libraries it loads link to, and the Debian packages of them
# (found with ldd on PySide6 6.11's plugin and dpkg -S on Debian 12)
PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_CANNOT_OPEN = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")

Runner = Callable[[list[str]], str]


def package_for(soname: str) -> str:
    """The Debian package that ships a library: known ones from the table, others by
    Debian's naming rule (libfoo.so.1 -> libfoo1, libfoo2.so.0 -> libfoo2-0)."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    name, _, version = soname.partition(".so")
    version = version.lstrip(".").split(".")[0]
    name = name.lower()
    if not version:
        return name
    return f"{name}-{version}" if name[-1:].isdigit() else f"{name}{version}"


def wants_xcb(env: Mapping[str, str]) -> bool:
    """Qt will use its X11 plugin: asked for, or unset with an X display and no Wayland."""
    platform = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if platform:
        return platform == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


NO_DISPLAY = ("reader-app: error: there is no display to open a window on (DISPLAY and "
              "WAYLAND_DISPLAY are unset): run it on a desktop, or under Xvfb with: "
              "xvfb-run -a reader-app")


def no_display(env: Mapping[str, str]) -> bool:
    """Nothing to show a window on, and no platform asked for (offscreen, vnc...)."""
    return not (env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def xcb_plugin() -> Path | None:
    """The venv's PySide6 libqxcb.so (found without importing PySide6)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.exists():
            return plugin
    return None


def _ldd(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=10, check=False)
    return done.stdout + done.stderr


def missing_libraries(plugin: Path, run: Runner | None = None) -> list[str]:
    """The libraries plugin needs that the loader cannot find, in ldd's order (every one
    ldd names; the loader alone names only the first)."""
    if run is None and shutil.which("ldd") is None:
        return _first_missing(plugin)
    output = (run or _ldd)(["ldd", str(plugin)])
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def _first_missing(plugin: Path) -> list[str]:
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
    except OSError as e:
        found = _CANNOT_OPEN.search(str(e))
        return [found.group(1)] if found else []
    return []


def hint(missing: list[str]) -> str:
    """The one line: which libraries, which packages, which command."""
    packages = " ".join(dict.fromkeys(package_for(m) for m in missing))
    names = ", ".join(missing)
    verb, it = ("is", "it") if len(missing) == 1 else ("are", "them")
    return (f"reader-app: error: Qt cannot open a window: {names} {verb} missing; install {it} "
            f"with: sudo apt-get install {packages}")


def platform_problem(env: Mapping[str, str] | None = None, plugin: Path | None = None,
                     run: Runner | None = None) -> str | None:
    """The hint when Qt's X11 plugin would fail to load here, else None (not Linux, not
    X11, no such plugin, or everything present)."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    if no_display(env):
        return NO_DISPLAY
    if not wants_xcb(env):
        return None
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None
    try:
        missing = missing_libraries(plugin, run)
    except (OSError, subprocess.SubprocessError):  # no verdict: let Qt try
        return None
    return hint(missing) if missing else None


def import_problem(error: ImportError) -> str | None:
    """The hint for PySide6 failing to import for want of a system library (libEGL...)."""
    found = _CANNOT_OPEN.search(str(error))
    return hint([found.group(1)]) if found else None
