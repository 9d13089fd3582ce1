-- Full-text search over calls' transcripts and notes, kept in step by the write path
-- (src-main/phone/call-index.ts). Contentless, keyed by call_analysis.search_rowid.
CREATE VIRTUAL TABLE `calls_fts` USING fts5(
	body,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
