"""Load test on loopback: concurrent staff mixing page views and referral posts against
gunicorn + PostgreSQL, bounded in time. Reports errors, latency and lost writes.

    python -m benchmarks.loadtest [--users 50] [--seconds 60]
"""

import argparse
import platform
import random
import re
import statistics
import subprocess
import threading
import time
import uuid
from collections import Counter
from datetime import datetime
from pathlib import Path

from .http import Session
from .server import PYTHON, ROOT, free_port, gunicorn, manage, production_env, recreate_postgres

PASSWORD = "benchmark-wachtwoord"
RESULTS = Path(__file__).parent / "results"

# Who the simulated staff are (see core/scale.py for the numbering).
FRONTOFFICE = [f"bench-frontoffice-{n:02d}" for n in range(1, 31)]
SPECIALIST = [f"bench-specialist-{n:02d}" for n in range(31, 41)]
WERKGROEP = [f"bench-werkgroep-{n:02d}" for n in range(41, 53)]
MT = [f"bench-mt-{n:02d}" for n in range(55, 59)]

PAGES = {
    "frontoffice": ["/", "/verwijzingen/", "/verwijzingen/registreren/"],
    "specialist": ["/", "/verwijzingen/inkomend/", "/verwijzingen/", "/verwijzingen/cijfers/"],
    "werkgroep": ["/", "/wegwijzer/", "/wegwijzer/programmering/creatie/", "/quickscan/"],
    "mt": ["/", "/wegwijzer/", "/verwijzingen/cijfers/", "/quickscan/"],
}
POST_SHARE = {"frontoffice": 0.5, "specialist": 0.15, "werkgroep": 0.0, "mt": 0.0}


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = {"GET": [], "POST": []}
        self.errors: Counter = Counter()
        self.posts_ok = 0

    def add(self, method: str, seconds: float, ok: bool, what: str) -> None:
        with self.lock:
            self.latencies[method].append(seconds)
            if not ok:
                self.errors[what] += 1


def _choices(html: str) -> dict:
    return {
        "offer": re.findall(r'name="offer" id="[^"]+" value="(\d+)"', html),
        "signals": re.findall(r'name="signals" id="[^"]+" value="(\d+)"', html),
        "place": re.findall(r'<option value="([bo]:\d+)"', html),
        "token": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
    }


def user_loop(port, username, kind, until, marker, stats, rng):
    session = Session("127.0.0.1", port)
    try:
        session.login(username, PASSWORD)
    except Exception as exc:  # reported as an error of this user
        stats.add("POST", 0.0, False, f"login {kind}: {exc}")
        return
    while time.monotonic() < until:
        if rng.random() < POST_SHARE[kind]:
            status, body, seconds = session.request("GET", "/verwijzingen/registreren/")
            stats.add("GET", seconds, status == 200, f"GET form {status}")
            if status != 200:
                continue
            form = _choices(body.decode("utf-8", "replace"))
            data = {
                "csrfmiddlewaretoken": form["token"],
                "offer": rng.choice(form["offer"]),
                "audience": rng.choice(["ouder", "kind", "gezin", "volwassene"]),
                "signals": rng.sample(form["signals"], k=rng.choice([1, 2])),
                "handover": rng.choice(["warm_introduced", "warm_appointment", "info_only"]),
                "place": rng.choice(form["place"]),
                "from_department": "publieksservice",
                "referred_at": datetime.now().strftime("%Y-%m-%dT%H:%M"),
                "note": marker,
            }
            status, _body, seconds = session.request("POST", "/verwijzingen/registreren/", data)
            ok = status == 302
            stats.add("POST", seconds, ok, f"POST referral {status}")
            if ok:
                with stats.lock:
                    stats.posts_ok += 1
        else:
            path = rng.choice(PAGES[kind])
            status, _body, seconds = session.request("GET", path)
            stats.add("GET", seconds, status == 200, f"GET {path} {status}")
    session.close()


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def rows_stored(env: dict, marker: str) -> int:
    out = subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            "from referrals.models import Referral; "
            f"print(Referral.objects.filter(note={marker!r}).count())",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument(
        "--factor", type=float, default=0.05, help="data size, 1.0 = 100k referrals"
    )
    args = parser.parse_args()

    print("Preparing PostgreSQL database wegwijzer_load …", flush=True)
    env = production_env(recreate_postgres("wegwijzer_load"))
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "generate_scale_data", "--factor", str(args.factor), "--password", PASSWORD)

    plan = (
        [("frontoffice", u) for u in FRONTOFFICE]
        + [("specialist", u) for u in SPECIALIST]
        + [("werkgroep", u) for u in WERKGROEP]
        + [("mt", u) for u in MT]
    )
    rng = random.Random(42)
    rng.shuffle(plan)
    plan = sorted(plan[: args.users], key=lambda p: p[0])
    marker = f"load-{uuid.uuid4().hex[:12]}"
    stats = Stats()
    port = free_port()
    with gunicorn(env, port, workers=args.workers):
        until = time.monotonic() + args.seconds
        threads = [
            threading.Thread(
                target=user_loop,
                args=(port, username, kind, until, marker, stats, random.Random(index)),
            )
            for index, (kind, username) in enumerate(plan)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 60)
        elapsed = time.monotonic() - started
    stored = rows_stored(env, marker)

    all_latencies = stats.latencies["GET"] + stats.latencies["POST"]
    errors = sum(stats.errors.values())
    lines = [
        f"# Load test {datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"Machine: {platform.node()} · {platform.platform()} · {platform.processor() or 'cpu'} · "
        f"Python {platform.python_version()}",
        f"Setup: gunicorn ({args.workers} workers, DEBUG off) + PostgreSQL on loopback; "
        f"{len(plan)} concurrent users for {args.seconds} s; data factor {args.factor}.",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| requests | {len(all_latencies)} ({len(all_latencies) / elapsed:.0f}/s) |",
        f"| errors | {errors} |",
        f"| p50 / p95 latency, page views | "
        f"{statistics.median(stats.latencies['GET'] or [0]) * 1000:.0f} ms / "
        f"{percentile(stats.latencies['GET'], 95) * 1000:.0f} ms |",
        f"| p50 / p95 latency, referral posts | "
        f"{statistics.median(stats.latencies['POST'] or [0]) * 1000:.0f} ms / "
        f"{percentile(stats.latencies['POST'], 95) * 1000:.0f} ms |",
        f"| referral posts answered 302 | {stats.posts_ok} |",
        f"| referral rows stored | {stored} |",
        f"| lost or extra writes | {stored - stats.posts_ok} |",
    ]
    if stats.errors:
        lines += ["", "Errors:", *[f"- {what}: {n}" for what, n in stats.errors.most_common()]]
    report = "\n".join(lines) + "\n"
    print(report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "loadtest.md").write_text(report)
    return 0 if errors == 0 and stored == stats.posts_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
