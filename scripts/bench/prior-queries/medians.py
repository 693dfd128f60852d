#!/usr/bin/env python3
"""Reads psql output of queries.sql (\\echo TABLE QUERY, then \\timing's "Time: … ms") and prints each median."""
import collections, re, statistics, sys

times, current = collections.OrderedDict(), None
for line in sys.stdin:
    if m := re.match(r'^(prior_edges\S*) (\S+)$', line.strip()):
        current = m.groups()
    elif (m := re.match(r'^Time: ([\d.]+) ms', line)) and current:
        times.setdefault(current, []).append(float(m.group(1)))
        current = None
for (table, query), ms in times.items():
    print(f'{table:20} {query:18} median {statistics.median(ms):8.1f} ms  {[round(x) for x in ms]}')
