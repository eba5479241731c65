"""Parses an RDF file with rdflib, a parser independent of the oxigraph
serialisers newsgraph writes with, and prints the number of statements.

Usage: python3 tests/rdf_reparse.py FORMAT FILE
FORMAT is an rdflib format name: nquads, turtle, trig, json-ld.
"""
import sys

import rdflib


def main() -> int:
    fmt, path = sys.argv[1], sys.argv[2]
    graph = rdflib.Dataset()
    graph.parse(path, format=fmt)
    if fmt == "turtle":
        print(len(graph.default_graph))
    else:
        print(sum(1 for _ in graph.quads((None, None, None, None))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
