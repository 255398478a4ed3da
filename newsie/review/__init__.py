"""Review pages: an article with its facts highlighted, as a static HTML page (`newsie show`).

`render` turns a record and its article text (and optionally gold facts) into HTML through
Jinja2 templates; `pairing` re-implements the official scorer's pairing for the gold mode;
`cli` adds the `show` subcommand.
"""
