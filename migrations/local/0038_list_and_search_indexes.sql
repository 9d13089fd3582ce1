-- The contacts list: its tag filter read off an index of present tags (case set aside, as the filter
-- compares), and a search with few matches sorted by name off a covering index of search rowids
-- (src-main/contacts/queries.ts says which plan reads which).
CREATE INDEX `contact_tags_present_tag` ON `contact_tags` ("tag" COLLATE NOCASE,`contact_id`) WHERE present = 1;--> statement-breakpoint
CREATE INDEX `contacts_alive_search` ON `contacts` (`search_rowid`,"name" COLLATE NOCASE,`id`,`cl`) WHERE cl % 2 = 1;