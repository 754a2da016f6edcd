"""Speed at scale, side by side with a bare Django view (the floor) and the Django admin
(the peer), on SQLite and PostgreSQL, with the app run as in production.

    python -m benchmarks.bench [--factor 1.0] [--small 0.1] [--repeat 40]

On a busy machine, time only some pages at one size, e.g. the desk POST:

    python -m benchmarks.bench --only registreren --factor 1.0 --small 1.0 --repeat 200 \
        --pg-prefix wg_mine --tag post
"""

import argparse
import json
import platform
import statistics
import subprocess
import time
from datetime import datetime
from pathlib import Path

from .http import Session
from .server import PYTHON, ROOT, free_port, gunicorn, manage, production_env, recreate_postgres

PASSWORD = "benchmark-wachtwoord"
RESULTS = Path(__file__).parent / "results"
SETTINGS = "benchmarks.settings"

LOOKUP = """
import json, datetime
from django.urls import reverse
from quickscan.models import Round
from referrals.models import Offer
from core.scale import SCALE_LIBRARY
closed = (
    Round.objects.filter(library__name=SCALE_LIBRARY, status="closed").order_by("-year").first()
)
offer = Offer.objects.filter(library__name=SCALE_LIBRARY, name="Taalhuis").first()
start = (datetime.date.today() - datetime.timedelta(days=365)).isoformat()
print(json.dumps({
    "results": reverse("quickscan:results", args=[closed.pk]),
    "comparison": reverse("quickscan:comparison", args=[closed.pk]),
    "qs_pdf": reverse("quickscan:report_pdf", args=[closed.pk]),
    "offer": offer.pk,
    "start": start,
}))
"""


def pages(ids: dict) -> list[tuple[str, str, str, str]]:
    """(label, user, method, path); the referral filter is the same for app and admin."""
    offer, start = ids["offer"], ids["start"]
    return [
        ("vloer: kale Django-view", "bench-mt-55", "GET", "/bench/vloer/"),
        ("home werkgroep", "bench-werkgroep-41", "GET", "/"),
        ("home frontoffice", "bench-frontoffice-01", "GET", "/"),
        ("home specialist", "bench-specialist-31", "GET", "/"),
        ("home mt", "bench-mt-55", "GET", "/"),
        ("home beheer", "bench-beheer-59", "GET", "/"),
        ("wegwijzer overzicht", "bench-mt-55", "GET", "/wegwijzer/"),
        ("wegwijzer fase", "bench-werkgroep-41", "GET", "/wegwijzer/programmering/creatie/"),
        ("quickscan resultaten", "bench-mt-55", "GET", ids["results"]),
        ("quickscan vergelijking", "bench-mt-55", "GET", ids["comparison"]),
        ("verwijzingen lijst", "bench-mt-55", "GET", "/verwijzingen/"),
        (
            "verwijzingen lijst gefilterd",
            "bench-mt-55",
            "GET",
            f"/verwijzingen/?offer={offer}&van={start}",
        ),
        (
            "admin changelist gefilterd",
            "bench-beheer-59",
            "GET",
            f"/admin/referrals/referral/?offer__id__exact={offer}&referred_at__gte={start}",
        ),
        ("verwijzingen cijfers", "bench-mt-55", "GET", f"/verwijzingen/cijfers/?van={start}"),
        (
            "verwijzing registreren (POST)",
            "bench-frontoffice-01",
            "POST",
            "/verwijzingen/registreren/",
        ),
        ("quickscan MT-pdf", "bench-mt-55", "GET", ids["qs_pdf"]),
        ("verwijzingen pdf", "bench-mt-55", "GET", f"/verwijzingen/rapport.pdf?van={start}"),
    ]


def _post_data(session: Session) -> dict:
    import re

    status, body, _ = session.request("GET", "/verwijzingen/registreren/")
    html = body.decode()
    return {
        "csrfmiddlewaretoken": re.search(r'csrfmiddlewaretoken" value="([^"]+)"', html).group(1),
        "offer": re.search(r'name="offer" id="[^"]+" value="(\d+)"', html).group(1),
        "audience": "ouder",
        "signals": re.search(r'name="signals" id="[^"]+" value="(\d+)"', html).group(1),
        "handover": "warm_introduced",
        "place": re.search(r'<option value="(b:\d+)"', html).group(1),
        "from_department": "publieksservice",
        "referred_at": datetime.now().strftime("%Y-%m-%dT%H:%M"),
    }


def measure(port: int, ids: dict, repeat: int, only: str = "") -> dict[str, dict]:
    sessions: dict[str, Session] = {}
    results = {}
    for label, user, method, path in pages(ids):
        # The floor stays in: every row is also given as a multiple of it.
        if only and only not in label and not label.startswith("vloer"):
            continue
        if user not in sessions:
            sessions[user] = Session("127.0.0.1", port)
            sessions[user].login(user, PASSWORD)
        session = sessions[user]
        is_pdf = path.split("?")[0].endswith(".pdf")
        rounds = max(5, repeat // 8) if is_pdf else repeat
        timings, queries, status = [], 0, 0
        for index in range(rounds + 2):
            body = _post_data(session) if method == "POST" else None
            status, _content, seconds = session.request(method, path, body)
            if index >= 2:  # the first two warm caches and connections
                timings.append(seconds)
            queries = int(session.last_headers.get("x-query-count", "0"))
        expected = 302 if method == "POST" else 200
        if status != expected:
            raise RuntimeError(f"{label}: {path} answered {status}")
        timings.sort()
        results[label] = {
            "median": statistics.median(timings) * 1000,
            "p95": timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))] * 1000,
            "queries": queries,
            "n": len(timings),
        }
    for session in sessions.values():
        session.close()
    return results


def run_backend(name: str, database_url: str, factor: float, repeat: int, only: str = "") -> dict:
    env = production_env(database_url, DJANGO_SETTINGS_MODULE=SETTINGS)
    print(f"[{name}] migrate and generate data (factor {factor}) …", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    started = time.monotonic()
    manage(env, "generate_scale_data", "--factor", str(factor), "--password", PASSWORD)
    generated = time.monotonic() - started
    lookup = subprocess.run(
        [PYTHON, "manage.py", "shell", "--no-imports", "-c", LOOKUP],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    ids = json.loads(lookup.stdout.strip().splitlines()[-1])
    port = free_port()
    with gunicorn(env, port, workers=2, settings=SETTINGS):
        print(f"[{name}] measuring …", flush=True)
        results = measure(port, ids, repeat, only)
    return {"results": results, "generated_s": generated}


def sqlite_url(tag: str) -> str:
    path = ROOT / "test-artifacts" / f"bench-{tag}.sqlite3"
    path.parent.mkdir(exist_ok=True)
    path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def table(runs: dict, factor: float, small: float) -> str:
    big = {backend: runs[(backend, factor)]["results"] for backend in ("sqlite", "postgres")}
    lines = [
        "| pagina | SQLite mediaan | SQLite p95 | queries | × vloer | PostgreSQL mediaan "
        "| PostgreSQL p95 | queries | × vloer | queries bij factor "
        f"{small} (SQLite / PG) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label in big["sqlite"]:
        cells = [label]
        for backend in ("sqlite", "postgres"):
            row = big[backend][label]
            floor = big[backend]["vloer: kale Django-view"]["p95"]
            cells += [
                f"{row['median']:.1f} ms",
                f"{row['p95']:.1f} ms",
                str(row["queries"]),
                f"{row['p95'] / floor:.1f}",
            ]
        small_q = [
            str(runs[(backend, small)]["results"][label]["queries"])
            for backend in ("sqlite", "postgres")
        ]
        cells.append(" / ".join(small_q))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--factor", type=float, default=1.0)
    parser.add_argument("--small", type=float, default=0.1)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--only", default="", help="only the pages whose label contains this")
    parser.add_argument(
        "--pg-prefix",
        default="wegwijzer_bench",
        help="PostgreSQL database name prefix; one of its own per person measuring",
    )
    parser.add_argument("--tag", default="", help="added to the result file's name")
    args = parser.parse_args()
    runs = {}
    for factor in dict.fromkeys((args.small, args.factor)):
        tag = str(factor).replace(".", "_")
        runs[("sqlite", factor)] = run_backend(
            "sqlite", sqlite_url(tag), factor, args.repeat, args.only
        )
        runs[("postgres", factor)] = run_backend(
            "postgres",
            recreate_postgres(f"{args.pg_prefix}_{tag}"),
            factor,
            args.repeat,
            args.only,
        )
    machine = (
        f"{platform.node()} · {platform.platform()} · Python {platform.python_version()} · {_cpu()}"
    )
    report = "\n".join(
        [
            f"# Benchmark {datetime.now():%Y-%m-%d %H:%M}",
            "",
            f"Machine: {machine}",
            f"App as in production: gunicorn (2 workers), DEBUG off, WhiteNoise; one client at a "
            f"time on loopback; {args.repeat} requests per page after 2 warm-up requests "
            f"(PDFs: {max(5, args.repeat // 8)}).",
            f"Data: factor {args.factor} = {int(100_000 * args.factor)} referrals over 5 years, "
            "10 branches, 60 staff, 10 Quickscan rounds with 8 respondents, 3 Wegwijzer cycles "
            "with full progress and history. Generated in "
            f"{runs[('sqlite', args.factor)]['generated_s']:.0f} s (SQLite) and "
            f"{runs[('postgres', args.factor)]['generated_s']:.0f} s (PostgreSQL).",
            "'× vloer' is the page's p95 divided by the bare view's p95 on the same backend.",
            *(
                [f"Only the pages whose label contains '{args.only}', and the floor."]
                if args.only
                else []
            ),
            "",
            table(runs, args.factor, args.small),
            "",
        ]
    )
    print(report)
    RESULTS.mkdir(exist_ok=True)
    suffix = f"-{args.tag}" if args.tag else ""
    if not args.only:
        (RESULTS / "latest.md").write_text(report)
    (RESULTS / f"bench-{datetime.now():%Y%m%d-%H%M}{suffix}.md").write_text(report)
    return 0


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip() + f" × {_cores()}"
    except OSError:
        pass
    return platform.processor() or "cpu"


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    raise SystemExit(main())
