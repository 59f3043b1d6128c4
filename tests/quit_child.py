"""Child process for test_quit_fast / bench_quit: opens the window through the app's own
run_gui (or a bare QMainWindow with --bare), closes it after --after ms and prints, on
stdout, the wall-clock time at which close() was called."""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--after", type=int, default=1500)
    args = parser.parse_args()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    def close_all() -> None:
        print(f"closing {time.time():.6f}", flush=True)
        for widget in QApplication.topLevelWidgets():
            widget.close()

    if args.bare:
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1200, 800)
        window.show()
        QTimer.singleShot(args.after, close_all)
        return app.exec()
    from reader_app.app import ensure_application, run_gui

    ensure_application()
    QTimer.singleShot(args.after, close_all)
    return run_gui(args.db, [])


if __name__ == "__main__":
    sys.exit(main())
