"""claimwatch benchmarks: `python -m bench` (or `make bench`) runs every scenario and prints one table.

Scenarios live in bench/scenario_*.py, shared pieces (synthetic feeds, the feed-farm server, the big
cached database in bench/.cache/) in bench/_common.py. bench/bench_extract.py is the extractor's own
micro-benchmark.
"""
