"""Stage 4, graph: a Resolution becomes RDF: IRIs minted in one place, closed namespaces, triples, files
and the embedded store."""
