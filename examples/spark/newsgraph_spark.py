#!/usr/bin/env python3
"""Run newsgraph over a JSON-lines corpus with Spark, then link the shards.

The map step: each partition of the corpus ({"id", "text", ...} a line) is
piped through `newsgraph extract - --format docfacts`, which reads every
document on its own and writes its facts, one JSON object a line. Spark saves
each partition's output as a shard (part-00000, part-00001, ...).

The reduce step: `newsgraph load SHARDS... --store DIR` links all documents'
facts at once (same people, same agreements, source counts) and loads the
graph into the store; the result is the graph of one run over the whole
corpus, whatever the partitioning.

    python3 examples/spark/newsgraph_spark.py CORPUS.jsonl OUT_DIR \
        --newsgraph target/release/newsgraph --partitions 8 --store STORE

In local mode it needs only `pip install pyspark` and a Java runtime; on a
cluster, ship the newsgraph binary to every worker (`--files`) and point
`--newsgraph` at it.
"""
import argparse
import glob
import os
import shlex
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="a JSON-lines corpus: {\"id\", \"text\"} a line")
    ap.add_argument("out", help="directory for the shards (must not exist)")
    ap.add_argument("--newsgraph", default="newsgraph", help="the newsgraph binary")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--store", help="link the shards into this store")
    ap.add_argument("--master", default="local[*]")
    args = ap.parse_args()

    from pyspark import SparkContext

    exe = os.path.abspath(args.newsgraph) if os.path.sep in args.newsgraph else args.newsgraph
    sc = SparkContext(master=args.master, appName="newsgraph")
    sc.setLogLevel("ERROR")
    try:
        lines = sc.textFile(args.corpus, minPartitions=args.partitions)
        # One newsgraph process per partition, reading standard input.
        command = [exe, "extract", "-", "--format", "docfacts", "--quiet"]
        facts = lines.pipe(" ".join(shlex.quote(c) for c in command))
        facts.saveAsTextFile(args.out)
    finally:
        sc.stop()

    shards = sorted(glob.glob(os.path.join(args.out, "part-*")))
    print(f"{len(shards)} shards in {args.out}", file=sys.stderr)
    if args.store:
        subprocess.run([exe, "load", *shards, "--store", args.store], check=True)


if __name__ == "__main__":
    main()
