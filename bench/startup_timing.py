#!/usr/bin/env python3
"""Wall and CPU time of whole-process runs, the runtimes interleaved run by run so that drift of a
shared machine hits all of them alike. usage: startup_timing.py RUNS ARGS -- NAME=CMD... """
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time


def measure(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall * 1000, cpu * 1000


def main():
    runs = int(sys.argv[1])
    args = shlex.split(sys.argv[2])
    runtimes = [spec.split('=', 1) for spec in sys.argv[4:]]
    samples = {name: [] for name, _ in runtimes}
    for _ in range(3):  # warm the page cache
        for name, cmd in runtimes:
            measure(shlex.split(cmd) + args)
    for _ in range(runs):
        for name, cmd in runtimes:
            samples[name].append(measure(shlex.split(cmd) + args))
    medians = {}
    for name, values in samples.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        medians[name] = wall
        print(f'{name:<7} median {wall:7.2f} ms wall, {cpu:7.2f} ms cpu')
    for name in medians:
        if name != 'nodus' and 'nodus' in medians:
            print(f'nodus / {name} = {medians["nodus"] / medians[name]:.2f}')


if __name__ == '__main__':
    os.environ.pop('NODE_EXTRA_CA_CERTS', None)
    main()
