"""Stage 5, use: what people do with the graph: query it, validate it, count it, view it, export the
citation network, serve it, push it to another store and publish it as linked data."""
