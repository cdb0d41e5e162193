"""Stage 2, find: what a clause cites, found but not yet resolved: symbols, listed and open-world names,
provisions, opening verbs and addressees."""
