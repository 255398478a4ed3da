"""Knowledge-base export: newsie/1 records as RDF, an embedded Oxigraph store, SPARQL.

`rdf` maps records to quads (pure functions); `store` loads, queries and pushes them
(pyoxigraph is imported there, inside functions); `cli` adds `newsie export` and `newsie kb`.
"""
