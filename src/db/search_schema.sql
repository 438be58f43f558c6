-- The full-text index over search_docs (schema.sql). Its rowid is search_docs.id.

CREATE VIRTUAL TABLE search USING fts5(
    title,
    names,
    place,
    honours,
    body,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2',
    -- Three-letter prefixes get their own index: a short word typed as a prefix ("the", "pyo")
    -- would otherwise merge the lists of every word it begins.
    prefix = '3'
);

-- Titles and names alone (the same text as the first two columns above). When a word is in so
-- many entries that a search stops at its limit, this smaller index ranks the entries whose
-- title or names hold it: BM25 over the big index would read the whole list of such a word.
CREATE VIRTUAL TABLE search_titles USING fts5(
    title,
    names,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3'
);
