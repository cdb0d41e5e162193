"""Stage 1, read: an input (PDF, text, AKN4UN XML, catalogue metadata) becomes a SourceDocument of clauses
and footnotes, each keeping its span in the text the reader produced; limits.py says what an input may hold."""
