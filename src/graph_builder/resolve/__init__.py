"""Stage 3, resolve: the found references of each clause become the document's references; short forms
stand for what the text named before, and what cannot be resolved becomes a diagnostic."""
