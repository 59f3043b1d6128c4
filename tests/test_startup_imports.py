"""What a start loads: the claim and suggestion rules compile dozens of patterns (a fifth
of a cold start), so the window must reach its first paint without them; they load
when a tag is first proposed for, or in the suggestion worker."""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("reader_app.domain.claims", "reader_app.domain.speech", "reader_app.domain.speakers",
         "reader_app.domain.actor_finder", "reader_app.domain.date_finder")

_PROBE = """
import json, sys
import reader_app.app, reader_app.gui.window.main_window
print(json.dumps(sorted(m for m in sys.modules if m.startswith("reader_app."))))
"""


def test_the_window_module_loads_no_claim_or_suggestion_rules():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                          check=True, env=env, timeout=120)
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "reader_app.gui.window.main_window" in loaded  # the probe is real
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
