"""Keypress to next claim drawn, in a real terminal (tmux), against a minimal Textual app in the same run.

Each measurement sends one decision key with `tmux send-keys` and polls `tmux capture-pane` until the pane shows
the next claim's number. The minimal app only swaps a paragraph of text per key; it runs in a second tmux session of
the same size and the two are pressed alternately, key by key, so load on the machine hits both alike.
Targets: median at most 1.25x and p90 at most 1.5x the minimal app.

    .venv/bin/python -m benchmarks.bench_terminal          # 120x36, 1,500 claims, annotate/routed/review
    .venv/bin/python -m benchmarks.bench_terminal --full   # 80x24, 120x36, 160x48 on 1,500 and 100,000 claims
    .venv/bin/python -m benchmarks.bench_terminal --sizes 80x24 --claims 100000 --screens review --presses 40

Databases are generated once under /tmp and reused; every run decides as a new annotator (and adjudicates claims
not adjudicated yet), so each run starts from undecided claims.

To measure another revision, run the script from inside a checkout of it: the panes start in the current directory,
and `python -m` imports the package found there before anything on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SCREENS = ("annotate", "routed", "review")
PAUSE_BETWEEN_KEYS = 0.35
"""Seconds between a claim drawn and the next key, about as quick as a practised reviewer."""
POLL_INTERVAL = 0.001
TIMEOUT = 20.0

MINIMAL_PARAGRAPH = (
    "Officials in the district said that the site counted {n} visitors on the first day of the fair, "
    "more than twice the figure of the year before, and that the ferry ran every half hour until dusk."
)


def run_minimal_app() -> None:
    """The baseline: a Textual app whose only work per key is swapping one paragraph of text."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.widgets import Static

    class MinimalApp(App[None]):
        BINDINGS = [Binding("v", "next", show=False), Binding("q", "quit", show=False)]

        def __init__(self) -> None:
            super().__init__()
            self.shown = 1

        def compose(self) -> ComposeResult:
            yield Static(self.text(), id="text", markup=False)

        def text(self) -> str:
            return f"claim {self.shown} of 100000\n\n" + MINIMAL_PARAGRAPH.format(n=100 + self.shown)

        def action_next(self) -> None:
            self.shown += 1
            self.query_one("#text", Static).update(self.text())

    MinimalApp().run()


def database(claims: int, review: bool) -> Path:
    """The benchmark database of `claims` claims (with two annotators disagreeing on many of them, for review)."""
    from benchmarks.bench_tui import CLAIMS_PER_ARTICLE, build_database

    path = Path(f"/tmp/annotator_bench_terminal_{claims}{'_review' if review else ''}.db")
    if path.exists():
        return path
    plain = Path(f"/tmp/annotator_bench_terminal_{claims}.db")
    if not plain.exists():
        build_database(plain, articles=max(1, claims // CLAIMS_PER_ARTICLE))
    if review:
        shutil.copy(plain, path)
        add_disagreements(path)
    return path


DISPUTED = 50_000
"""Claims two annotators disagree on (all of them in a smaller database): the review queue."""


def add_disagreements(path: Path) -> None:
    """Two annotators who disagree on the first DISPUTED claims, so the review queue holds them."""
    from annotator.models import Annotation
    from annotator.store import open_store

    store = open_store(f"sqlite:///{path}")
    try:
        ids = list(store.claims.ids())[:DISPUTED]
        for start in range(0, len(ids), 5_000):
            chunk = ids[start : start + 5_000]
            store.annotations.import_records([Annotation(claim_id=i, annotator="ann1", label="verified") for i in chunk]
                                     + [Annotation(claim_id=i, annotator="ann2", label="contested") for i in chunk])
    finally:
        store.close()


class Tmux:
    """A private tmux server with one session per app."""

    def __init__(self, run: int) -> None:
        self.socket = f"annotator-bench-{os.getpid()}-{run}"

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True).stdout

    def start(self, name: str, size: tuple[int, int], command: str) -> None:
        env = ["-e", "TERM=xterm-256color"]
        if os.environ.get("PYTHONPATH"):  # kept for the app's own imports; the current directory still comes first
            env += ["-e", f"PYTHONPATH={os.environ['PYTHONPATH']}"]
        self.run("new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), *env, command)

    def screen(self, name: str) -> str:
        return self.run("capture-pane", "-p", "-t", name)

    def key(self, name: str, key: str) -> None:
        self.run("send-keys", "-t", name, key)

    def wait_for(self, name: str, pattern: re.Pattern[str], timeout: float = TIMEOUT) -> re.Match[str]:
        deadline = time.perf_counter() + timeout
        while True:
            shown = self.screen(name)
            found = pattern.search(shown)
            if found:
                return found
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{pattern.pattern!r} never appeared in {name}:\n{shown}")
            time.sleep(POLL_INTERVAL)

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


CLAIM_NUMBER = re.compile(r"claim (\d+) of")


def time_key(tmux: Tmux, name: str) -> float:
    """Seconds from sending `v` until the pane shows the next claim number."""
    shown = int(tmux.wait_for(name, CLAIM_NUMBER).group(1))
    wanted = re.compile(rf"claim {shown + 1} of")
    started = time.perf_counter()
    tmux.key(name, "v")
    tmux.wait_for(name, wanted)
    return time.perf_counter() - started


@dataclass
class Result:
    size: str
    claims: int
    screen: str
    ours: list[float]
    minimal: list[float]
    load: float = 0.0
    """The one-minute load average when the configuration finished (other work on the machine slows both apps)."""


def command_for(screen: str, claims: int, run: int) -> str:
    """The shell command that opens our screen on the benchmark database as a new reviewer."""
    path = database(claims, review=screen == "review")
    name = f"bench{os.getpid()}x{run}"
    python = sys.executable
    if screen == "review":
        return f"{python} -m annotator review --db sqlite:///{path} --annotator {name}"
    overlap = " --overlap 2" if screen == "routed" else ""
    return f"{python} -m annotator annotate --db sqlite:///{path} --annotator {name}{overlap}"


def measure(size: tuple[int, int], claims: int, screen: str, presses: int, run: int) -> Result:
    """Alternate keys between our screen and the minimal app, both in tmux at `size`."""
    tmux = Tmux(run)
    try:
        tmux.start("ours", size, command_for(screen, claims, run))
        tmux.start("minimal", size, f"{sys.executable} {Path(__file__).resolve()} --minimal-app")
        tmux.wait_for("ours", CLAIM_NUMBER, timeout=120)
        tmux.wait_for("minimal", CLAIM_NUMBER, timeout=60)
        time.sleep(1.0)
        ours, minimal = [], []
        for press in range(presses + 2):
            first, second = ("ours", "minimal") if press % 2 else ("minimal", "ours")
            for name in (first, second):
                latency = time_key(tmux, name)
                if press >= 2:  # the first keys pay for imports and caches warming up
                    (ours if name == "ours" else minimal).append(latency)
                time.sleep(PAUSE_BETWEEN_KEYS)
        return Result(f"{size[0]}x{size[1]}", claims, screen, ours, minimal, os.getloadavg()[0])
    finally:
        tmux.kill()


def report(results: list[Result]) -> None:
    from benchmarks.bench_tui import percentile
    from benchmarks.timing import ratio

    print()
    print("| terminal | claims | screen | ours median (p90) | minimal median (p90) | ratio median | ratio p90 | load |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        ours50, ours90 = statistics.median(r.ours), percentile(r.ours, 0.9)
        base50, base90 = statistics.median(r.minimal), percentile(r.minimal, 0.9)
        verdict = "" if ours50 <= 1.25 * base50 and ours90 <= 1.5 * base90 else " ✖"
        print(f"| {r.size.replace('x', '×')} | {r.claims:,} | {r.screen} | {ours50 * 1000:.1f} ms ({ours90 * 1000:.1f})"
              f" | {base50 * 1000:.1f} ms ({base90 * 1000:.1f}) | {ratio(ours50, base50):.2f}× | "
              f"{ratio(ours90, base90):.2f}×{verdict} | {r.load:.1f} |")
    print("targets: median ratio <= 1.25x, p90 ratio <= 1.5x (✖ marks a miss)")


def parse_size(value: str) -> tuple[int, int]:
    width, _, height = value.lower().partition("x")
    return int(width), int(height)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minimal-app", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--full", action="store_true", help="every size, both database sizes")
    parser.add_argument("--sizes", default=None, help="comma-separated WxH (default 120x36)")
    parser.add_argument("--claims", default=None, help="comma-separated claim counts (default 1500)")
    parser.add_argument("--screens", default=",".join(SCREENS))
    parser.add_argument("--presses", type=int, default=20, help="keys timed per app and configuration")
    args = parser.parse_args()
    if args.minimal_app:
        run_minimal_app()
        return
    if shutil.which("tmux") is None:
        print("tmux is not installed: skipping the terminal benchmark")
        return
    sizes = args.sizes or ("80x24,120x36,160x48" if args.full else "120x36")
    claim_counts = args.claims or ("1500,100000" if args.full else "1500")
    screens = [screen for screen in args.screens.split(",") if screen]
    results = []
    run = int(time.time()) % 100_000 * 100
    for claims in (int(c) for c in claim_counts.split(",")):
        for size in (parse_size(s) for s in sizes.split(",")):
            for screen in screens:
                run += 1
                result = measure(size, claims, screen, args.presses, run)
                results.append(result)
                print(f"{result.size} {claims:,} {screen}: ours {statistics.median(result.ours) * 1000:.1f} ms, "
                      f"minimal {statistics.median(result.minimal) * 1000:.1f} ms", flush=True)
    report(results)


if __name__ == "__main__":
    main()
