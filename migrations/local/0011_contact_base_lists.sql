-- A contact's phones, e-mails and custom fields become its base lists: the last whole list of
-- schema version 1 written for it, with that write's clock. That is the column with its clock
-- (a base list without a clock of its own has the clock of the column it came from: see
-- baseListClock in src-main/writes/synced-tables.ts; rewriting every contact's clocks here would
-- cost most of this migration), except where a teammate already on version 2 sent a copy of a
-- list (the log holds its change, of version 2): for those contacts the log says which write
-- was the last whole list, and its clock is written. Then the
-- derived columns are made from the base lists the way src-main/contacts/list-items.ts makes
-- them (a number or address listed twice shown once, custom fields by name without empty ones),
-- so that every laptop derives the same from the same data.
CREATE TEMP TABLE contact_base_fixup (id TEXT PRIMARY KEY, phones TEXT, emails TEXT, custom_fields TEXT, from_log INTEGER NOT NULL DEFAULT 0);
--> statement-breakpoint
INSERT INTO contact_base_fixup (id, phones, emails, custom_fields)
SELECT
  c.id AS id,
  CASE WHEN json_type(rc.clocks, '$.phones') = 'text' THEN json_array(rc.clocks ->> '$.phones', c.phones) END AS phones,
  CASE WHEN json_type(rc.clocks, '$.emails') = 'text' THEN json_array(rc.clocks ->> '$.emails', c.emails) END AS emails,
  CASE WHEN json_type(rc.clocks, '$.custom_fields') = 'text' THEN json_array(rc.clocks ->> '$.custom_fields', c.custom_fields) END AS custom_fields
FROM contacts c LEFT JOIN row_clocks rc ON rc.table_name = 'contacts' AND rc.row_id = c.id;
--> statement-breakpoint
UPDATE contact_base_fixup SET
  phones = COALESCE(
    (SELECT json_array(ch.hlc, ch.fields ->> '$.phones') FROM changes ch
      WHERE ch.table_name = 'contacts' AND ch.row_id = contact_base_fixup.id AND ch.schema_version = 1 AND json_type(ch.fields, '$.phones') = 'text'
      ORDER BY ch.hlc DESC LIMIT 1),
    phones),
  emails = COALESCE(
    (SELECT json_array(ch.hlc, ch.fields ->> '$.emails') FROM changes ch
      WHERE ch.table_name = 'contacts' AND ch.row_id = contact_base_fixup.id AND ch.schema_version = 1 AND json_type(ch.fields, '$.emails') = 'text'
      ORDER BY ch.hlc DESC LIMIT 1),
    emails),
  custom_fields = COALESCE(
    (SELECT json_array(ch.hlc, ch.fields ->> '$.custom_fields') FROM changes ch
      WHERE ch.table_name = 'contacts' AND ch.row_id = contact_base_fixup.id AND ch.schema_version = 1 AND json_type(ch.fields, '$.custom_fields') = 'text'
      ORDER BY ch.hlc DESC LIMIT 1),
    custom_fields),
  from_log = 1
WHERE id IN (SELECT row_id FROM changes WHERE table_name = 'contacts' AND schema_version >= 2);
--> statement-breakpoint
UPDATE contacts SET base_phones = f.phones ->> 1, base_emails = f.emails ->> 1, base_custom_fields = f.custom_fields ->> 1
FROM contact_base_fixup f WHERE f.id = contacts.id;
--> statement-breakpoint
-- json_patch leaves out a key whose value is null: a list without a clock gets none.
UPDATE row_clocks SET clocks = json_patch(
  clocks,
  json_object('base_phones', f.phones ->> 0, 'base_emails', f.emails ->> 0, 'base_custom_fields', f.custom_fields ->> 0)
)
FROM contact_base_fixup f
WHERE f.from_log = 1 AND row_clocks.table_name = 'contacts' AND row_clocks.row_id = f.id;
--> statement-breakpoint
DROP TABLE contact_base_fixup;
--> statement-breakpoint
UPDATE contacts SET phones = (
  SELECT json_group_array(json_object('type', e.value ->> 'type', 'e164', e.value ->> 'e164') ORDER BY e.first)
  FROM (
    SELECT value, MIN(key) AS first FROM json_each(contacts.base_phones)
    WHERE json_type(value, '$.type') = 'text' AND json_type(value, '$.e164') = 'text'
    GROUP BY value ->> 'e164'
  ) e
)
WHERE base_phones IS NOT NULL AND json_valid(base_phones) AND json_type(base_phones) = 'array';
--> statement-breakpoint
UPDATE contacts SET emails = (
  SELECT json_group_array(json_object('type', e.value ->> 'type', 'address', e.value ->> 'address') ORDER BY e.first)
  FROM (
    SELECT value, MIN(key) AS first FROM json_each(contacts.base_emails)
    WHERE json_type(value, '$.type') = 'text' AND json_type(value, '$.address') = 'text'
    GROUP BY lower(trim(value ->> 'address'))
  ) e
)
WHERE base_emails IS NOT NULL AND json_valid(base_emails) AND json_type(base_emails) = 'array';
--> statement-breakpoint
UPDATE contacts SET custom_fields = (
  SELECT COALESCE(json_group_object(f.key, f.value ORDER BY f.key), '{}')
  FROM json_each(contacts.base_custom_fields) f
  WHERE f.type IN ('integer', 'real') OR (f.type = 'text' AND f.value != '')
)
WHERE base_custom_fields IS NOT NULL AND json_valid(base_custom_fields) AND json_type(base_custom_fields) = 'object';
