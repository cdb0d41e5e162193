"""The UN's own facts: document symbols (UNSymbol) and what they tell of organ, session and year."""
