"""How fast ingest drafts articles: articles per second on 1,000 synthetic articles (launch reports in varied
wording, with some no-launch stories mixed in), read from files and drafted into one bundle.

A script, not a test: `.venv/bin/python benchmarks/ingest_benchmark.py [--articles N] [--seed S] [--jobs 1,2]`
(each --jobs figure is one timed configuration: 1 process, 2 processes, …).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SITES = ["the Sohae Satellite Launching Station", "Tongchang-ri", "near Wonsan", "the Sunan area of Pyongyang",
         "Sinpo", "Musudan-ri", "western North Korea", "Kusong", "near Hamhung", "Jangyon"]  # fmt: skip
VEHICLES = ["an Unha rocket", "a Chollima-1 rocket", "a Hwasong-15 missile", "a short-range ballistic missile",
            "two ballistic missiles", "a submarine-launched ballistic missile", "a satellite launch vehicle"]
ZONES = ["7:29 PM ET", "22:42 KST", "06:27 local time", "0049 GMT", "9:49 a.m. Japan time", "3:50 a.m. KST"]
ALERTED = ["Okinawa Prefecture", "Hokkaido", "Aomori Prefecture", "Kagoshima Prefecture", "Miyako Island",
           "Shimane Prefecture", "Yamaguchi Prefecture"]
REFERENCES = ["the Philippines", "Cape Erimo", "Okinotorishima", "Jeju", "Eocheongdo", "Ulleungdo", "Busan",
              "Okushiri Island", "the Korean Peninsula"]
DIRECTIONS = ["north", "south", "east", "west", "north-east", "south-west", "east-northeast"]
FILLER = ("Analysts said the launch showed steady progress. Diplomats met to discuss sanctions, and officials in "
          "Seoul, Tokyo and Washington condemned what they called a provocation. ") * 3
NO_LAUNCH = [
    "Pyongyang hosted a football match on {day}; the home striker fired a shot over the bar and the stadium fans "
    "sang throughout the qualifier.",
    "Kim Jong Un said in a speech on {day} that North Korea would launch more satellites next year.",
    "South Korea launched its own satellite from California on {day} to monitor North Korea.",
]


def synthetic_article(rng: random.Random, number: int) -> tuple[str, str]:
    day = date(2012, 1, 1) + timedelta(days=rng.randrange(4000))
    if number % 10 == 9:
        return f"{number:04d}.txt", f"Published {day.isoformat()}\n\n" + rng.choice(NO_LAUNCH).format(
            day=day.strftime("%A")) + "\n\n" + FILLER
    km = rng.choice([300, 600, 950, 1000, 2000, 2700])
    paragraphs = [
        f"Published {day.isoformat()}",
        f"North Korea fired {rng.choice(VEHICLES)} from {rng.choice(SITES)} at {rng.choice(ZONES)} on "
        f"{day.strftime('%A')}, South Korea's Joint Chiefs of Staff said.",
        f"The missile flew about {km:,} kilometers {rng.choice(DIRECTIONS)} and its debris fell about "
        f"{rng.randrange(100, 1500):,} km {rng.choice(DIRECTIONS)} of {rng.choice(REFERENCES)}.",
        f"Japan issued a J-Alert for {rng.choice(ALERTED)} and the missile passed over {rng.choice(ALERTED)}.",
        FILLER,
    ]
    if rng.random() < 0.3:
        paragraphs.append("The notified danger zone was bounded by 36-04N 124-30E, 36-04N 124-54E, 35-19N 124-30E "
                          "and 35-19N 124-54E.")
    if rng.random() < 0.3:
        paragraphs.append("KCNA said the satellite entered a polar orbit with an inclination of 97.4 degrees and a "
                          "period of 94 minutes.")
    return f"{number:04d}.txt", "\n\n".join(paragraphs) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (the median is reported)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated process counts to time (default 1,2)")
    parser.add_argument("--dask", type=int, default=0,
                        help="also time a Dask LocalCluster of this many worker processes (launchmap[scale])")
    args = parser.parse_args()

    from viewer.ingest import ingest_files
    from viewer.ingest.general_places import find_general
    from viewer.ingest.places import shipped_matcher

    rng = random.Random(args.seed)
    started = time.perf_counter()
    shipped_matcher()
    find_general("Busan")  # load GeoNames once: a one-off cost per process, reported apart
    warm_up = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        sizes = []
        for number in range(args.articles):
            name, text = synthetic_article(rng, number)
            (root / name).write_text(text, encoding="utf-8")
            sizes.append(len(text))
        timings: dict[int, float] = {}
        cpu: list[float] = []  # one process's CPU seconds: what a core does when other work shares the machine
        for jobs in (int(j) for j in args.jobs.split(",")):
            runs = []
            for _ in range(args.repeat):
                started, cpu_started = time.perf_counter(), time.process_time()
                bundle = ingest_files([root], base=root, jobs=jobs)
                runs.append(time.perf_counter() - started)
                if jobs == 1:
                    cpu.append(time.process_time() - cpu_started)
            timings[jobs] = statistics.median(runs)
        dask_seconds = _time_dask(root, args.dask, args.repeat) if args.dask else None
    launches = len(bundle.events)
    print(f"python {platform.python_version()} on {platform.machine()}, {platform.processor() or 'cpu'}")
    print(f"{args.articles} synthetic articles, {statistics.mean(sizes):,.0f} characters each on average")
    print(f"one-off load of the gazetteer and GeoNames cities: {warm_up:.2f} s")
    print(f"drafted {launches} launches, {len(bundle.features)} features, "
          f"{sum(len(e.claims) for e in bundle.events.values())} claims")
    for jobs, seconds in timings.items():
        print(f"{jobs} process{'es' if jobs > 1 else ''}: ingest time (median of {args.repeat}) {seconds:.2f} s, "
              f"{args.articles / seconds:,.0f} articles per second")
    if cpu:
        print(f"1 process, CPU time (median of {args.repeat}) {statistics.median(cpu):.2f} s, "
              f"{args.articles / statistics.median(cpu):,.0f} articles per CPU-second (the idle-core rate; load "
              f"average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    if dask_seconds is not None:
        print(f"Dask LocalCluster of {args.dask} worker process{'es' if args.dask > 1 else ''}: ingest time (median "
              f"of {args.repeat}, cluster already started) {dask_seconds:.2f} s, "
              f"{args.articles / dask_seconds:,.0f} articles per second")
    return 0


def _time_dask(root: Path, workers: int, repeat: int) -> float:
    """Median seconds to read and draft the folder on a local Dask cluster (started once, not timed)."""
    from distributed import LocalCluster

    from viewer.ingest import ingest_articles, read_files

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        ingest_articles(read_files([root]), base=root, dask=cluster.scheduler_address)  # workers load the gazetteer
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            ingest_articles(read_files([root]), base=root, dask=cluster.scheduler_address)
            runs.append(time.perf_counter() - started)
    return statistics.median(runs)


if __name__ == "__main__":
    raise SystemExit(main())
