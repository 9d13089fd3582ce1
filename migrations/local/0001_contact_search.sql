-- Full-text search over contacts, kept in step by the write path (src-main/contacts/search-index.ts).
-- Rows are keyed by contacts.search_rowid. Contentless: the text lives in contacts already.
-- Words (names, company, e-mails, tags) match by prefix; phone digits match any run of 3 or
-- more digits through the trigram table.
CREATE VIRTUAL TABLE `contacts_fts` USING fts5(
	name, company, emails, tags, phones,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `contact_digits_fts` USING fts5(
	digits,
	content='', contentless_delete=1,
	tokenize='trigram'
);
