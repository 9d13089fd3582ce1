-- Full-text search over kept mail (subject, body, names and addresses), kept in step by the
-- write path (src-main/mail/search-index.ts). Contentless, keyed by mail_messages.search_rowid.
CREATE VIRTUAL TABLE `mail_fts` USING fts5(
	subject, body, people,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
