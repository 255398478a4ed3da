"""`newsie export` and `newsie kb load|query|push`: newsie's facts as linked data and a SPARQL store."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import InputError
from ..io import write_text


def _write(text: str, output: str) -> None:
    write_text(output, text)


def _store_dir(args: argparse.Namespace) -> Path:
    """The --store directory, else the default knowledge base."""
    from .store import default_store_dir

    return Path(args.store) if args.store else default_store_dir()


def cmd_export(args: argparse.Namespace) -> int:
    """newsie export RECORDS --format F -o FILE."""
    from .store import build_quads, read_records, serialise

    records, skipped = read_records(args.input)
    quads = build_quads(records, args.input)
    _write(serialise(quads, args.format, args.context), args.output)
    print(f"newsie export: {len(records)} records, {len(set(quads))} quads ({args.format})"
          + (f", {skipped} failed rows skipped" if skipped else "") + f" -> {args.output}", file=sys.stderr)
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    """newsie kb load RECORDS [--store DIR]."""
    from .store import load

    store = _store_dir(args)
    report = load(args.input, store)
    print(f"newsie kb load: {report.articles} articles, {report.after} quads "
          f"({report.after - report.before:+d})" + (f", {report.skipped} failed rows skipped" if report.skipped else "")
          + f" -> {store}", file=sys.stderr)
    return 0


def _list_named() -> str:
    """The named queries and their parameters, for --list."""
    from .store import named_queries

    lines = []
    for q in named_queries().values():
        lines.append(f"{q.name}: {q.description}")
        lines += [f"    --param {p}=…  {help_}" for p, help_ in q.params.items()]
    return "\n".join(lines) + "\n"


def cmd_query(args: argparse.Namespace) -> int:
    """newsie kb query 'SPARQL' | --named NAME [--param K=V] [--format table|json|csv]."""
    from .store import bind_params, format_results, named_queries, parse_params, query

    if args.list:
        sys.stdout.write(_list_named())
        return 0
    if bool(args.sparql) == bool(args.named):
        raise InputError("give either a SPARQL query or --named NAME (see `newsie kb query --list`)")
    if args.named:
        queries = named_queries()
        if args.named not in queries:
            raise InputError(f"no named query {args.named!r}: use one of {', '.join(queries)}")
        sparql = bind_params(queries[args.named], parse_params(args.param))
    else:
        if args.param:
            raise InputError("--param goes with --named")
        sparql = sys.stdin.read() if args.sparql == "-" else args.sparql
    sys.stdout.write(format_results(query(_store_dir(args), sparql), args.format))
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    """newsie kb push --endpoint URL [--protocol update|graph-store]."""
    from .store import push

    graphs, triples = push(_store_dir(args), args.endpoint, args.protocol, args.timeout)
    print(f"newsie kb push: {graphs} graphs, {triples} triples -> {args.endpoint}", file=sys.stderr)
    return 0


def _add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", metavar="DIR",
                        help="the knowledge base directory (default: $NEWSIE_KB, else ~/.local/share/newsie/kb)")


def add_parser(subparsers) -> None:
    """Add `export` and `kb` (load, query, push) to newsie's subcommands."""
    e = subparsers.add_parser("export", help="write records as RDF: JSON-LD, Turtle or N-Quads")
    e.add_argument("input", help="newsie batch output (JSON Lines of newsie/1 records); - for stdin")
    e.add_argument("--format", choices=("jsonld", "turtle", "nquads"), default="jsonld", help="default: jsonld")
    e.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    e.add_argument("--context", metavar="URL",
                   help="JSON-LD: refer to the context at URL instead of embedding newsie/kb/context.jsonld")
    e.set_defaults(func=cmd_export)

    kb = subparsers.add_parser("kb", help="the knowledge base: an embedded SPARQL store (Oxigraph)")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    ld = kb_sub.add_parser("load", help="load records; an article loaded again replaces its earlier facts")
    ld.add_argument("input", help="newsie batch output (JSON Lines of newsie/1 records); - for stdin")
    _add_store_option(ld)
    ld.set_defaults(func=cmd_load)

    q = kb_sub.add_parser("query", help="run a SPARQL query, or a named one (--list shows them)")
    q.add_argument("sparql", nargs="?", help="the SPARQL query; - reads it from stdin")
    q.add_argument("--named", metavar="NAME", help="run a query shipped with newsie: speakers, figures, events")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter of the named query, e.g. event=GMIC (repeatable)")
    q.add_argument("--format", choices=("table", "json", "csv"), default="table", help="default: table")
    q.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    _add_store_option(q)
    q.set_defaults(func=cmd_query)

    p = kb_sub.add_parser("push", help="send the knowledge base to a SPARQL 1.1 endpoint")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="a SPARQL 1.1 Update endpoint, or a Graph Store endpoint with --protocol graph-store")
    p.add_argument("--protocol", choices=("update", "graph-store"), default="update",
                   help="update: POST DROP+INSERT DATA per graph (default); graph-store: PUT each graph")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per HTTP request (default 60)")
    _add_store_option(p)
    p.set_defaults(func=cmd_push)
