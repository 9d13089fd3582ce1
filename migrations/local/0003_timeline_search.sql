-- Full-text search over note bodies and call notes/transcripts, kept in step by the write path
-- (src-main/notes/search-index.ts, src-main/calls/search-index.ts). Contentless, keyed by a
-- local search_rowid (notes) or the calls table's own rowid mapping column.
CREATE VIRTUAL TABLE `notes_fts` USING fts5(
	body,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
