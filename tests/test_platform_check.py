"""`reader-app` names a missing system library in one line before Qt starts (issue 14),
instead of Qt's screenful about the xcb plugin and an abort."""

from __future__ import annotations

import shutil
import sys

import pytest

from reader_app import entry, platform_check
from reader_app.platform_check import (
    hint,
    missing_libraries,
    package_for,
    platform_problem,
    wants_xcb,
)

LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f66)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-cursor.so.0 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f66)
"""


def test_ldd_output_names_each_missing_library_once(tmp_path):
    asked = []

    def fake_ldd(args):
        asked.append(args)
        return LDD_OUTPUT

    plugin = tmp_path / "libqxcb.so"
    assert missing_libraries(plugin, fake_ldd) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4"]
    assert asked == [["ldd", str(plugin)]]
    line = platform_problem({"DISPLAY": ":0"}, plugin, fake_ldd)
    assert line is not None and "\n" not in line
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4 are missing" in line
    assert line.endswith("sudo apt-get install libxcb-cursor0 libxcb-icccm4")


def test_nothing_missing_says_nothing(tmp_path):
    assert platform_problem({"DISPLAY": ":0"}, tmp_path / "p.so",
                            lambda args: "\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") is None


@pytest.mark.parametrize(("env", "xcb"), [
    ({"DISPLAY": ":0"}, True),
    ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "xcb;wayland", "DISPLAY": ":0"}, True),
    ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, False),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, False),
])
def test_only_an_x11_start_is_checked(env, xcb):
    assert wants_xcb(env) is xcb
    never = lambda args: pytest.fail("checked a start that does not use xcb")  # noqa: E731
    if not xcb:
        assert platform_problem(env, None, never) is None


@pytest.mark.parametrize(("soname", "package"), [
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libxcb-newthing.so.3", "libxcb-newthing3"),  # by Debian's rule
    ("libfoo2.so.1", "libfoo2-1"),
])
def test_packages_are_named_as_debian_names_them(soname, package):
    assert package_for(soname) == package


def test_every_known_library_has_its_package_in_the_hint():
    line = hint(list(platform_check.PACKAGES))
    for package in set(platform_check.PACKAGES.values()):
        assert f" {package}" in line


REAL = "libxcb-cursor.so.0"
FAKE = "libxcb-cursqq.so.0"  # the same length: the plugin's string table keeps its layout


@pytest.fixture
def plugin_missing_a_library(tmp_path):
    """The venv's own xcb plugin, copied beside a link to Qt's libraries (its RUNPATH is
    $ORIGIN/../../lib), with its need of libxcb-cursor renamed to a library no system has."""
    plugin = platform_check.xcb_plugin()
    if plugin is None:
        pytest.skip("this PySide6 has no xcb plugin")
    data = plugin.read_bytes()
    if data.count(REAL.encode() + b"\0") != 1:
        pytest.skip("the plugin does not name libxcb-cursor once")
    folder = tmp_path / "plugins" / "platforms"
    folder.mkdir(parents=True)
    (tmp_path / "lib").symlink_to(plugin.parents[2] / "lib")
    fake = folder / "libqxcb.so"
    fake.write_bytes(data.replace(REAL.encode() + b"\0", FAKE.encode() + b"\0"))
    return fake


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux's")
def test_a_real_missing_library_is_found_by_ldd_and_by_the_loader(plugin_missing_a_library):
    if shutil.which("ldd") is not None:
        # what the real plugin misses here (nothing on a set-up machine), FAKE for REAL
        before = set(missing_libraries(platform_check.xcb_plugin()))
        found = missing_libraries(plugin_missing_a_library)
        assert FAKE in found
        assert set(found) == (before - {REAL}) | {FAKE}
    first = platform_check._first_missing(plugin_missing_a_library)  # the loader names one
    assert len(first) == 1 and first[0].startswith("lib") and ".so" in first[0]
    if shutil.which("ldd") is not None:
        assert first[0] in found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux's")
def test_reader_app_prints_one_line_and_never_starts_qt(plugin_missing_a_library, monkeypatch,
                                                        capsys, tmp_path):
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: plugin_missing_a_library)
    import reader_app.app as app_module

    monkeypatch.setattr(app_module, "run_gui", lambda *a: pytest.fail("Qt was started"))
    status = entry.main(["--db", str(tmp_path / "library.sqlite")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    # "X is missing", or "X, Y are missing" on a machine that lacks other xcb libraries too
    assert FAKE in err and "missing;" in err
    assert "sudo apt-get install libxcb-cursqq0" in err
    assert not (tmp_path / "library.sqlite").exists()


def test_pyside_failing_to_import_for_a_library_is_named_too():
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    line = platform_check.import_problem(error)
    assert line is not None and "libEGL.so.1 is missing" in line and "libegl1" in line
    assert platform_check.import_problem(ImportError("No module named 'PySide6'")) is None


def test_no_display_at_all_is_named_in_one_line():
    line = platform_problem({}, None, lambda args: pytest.fail("no plugin to check"))
    assert line is not None and "\n" not in line
    assert "no display" in line and "xvfb-run -a reader-app" in line
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
