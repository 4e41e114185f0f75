"""claimwatch benchmarks: `python -m bench` (or `make bench`) runs every scenario and prints one table.

Scenarios live in bench/scenario_*.py; what they share is the run's context, timing and result rows
(bench/_common.py), synthetic feeds (bench/synthetic.py), the feed-farm server process
(bench/farm.py) and the big database cached in bench/.cache/ (bench/world.py).
bench/bench_extract.py is the extractor's own micro-benchmark.
"""
