-- A contact's phones, e-mails and custom fields become its base lists: the last whole list of
-- schema version 1 written for it, with that write's clock, read from the change log (a laptop
-- that was still on version 1 while teammates were on version 2 may hold a version 2 copy in the
-- column; the log says which write was a whole list). Without one in the log, the column and its
-- clock are taken as they are. Then the derived columns are made from the base lists the way
-- src-main/contacts/list-items.ts makes them (a number or address listed twice shown once, custom
-- fields by name without empty ones), so that every laptop derives the same from the same data.
CREATE TEMP TABLE contact_base_fixup AS
SELECT
  c.id AS id,
  COALESCE(
    (SELECT json_array(ch.hlc, json_extract(ch.fields, '$.phones')) FROM changes ch
      WHERE ch.table_name = 'contacts' AND ch.row_id = c.id AND ch.schema_version = 1 AND json_type(ch.fields, '$.phones') = 'text'
      ORDER BY ch.hlc DESC LIMIT 1),
    (SELECT json_array(json_extract(rc.clocks, '$.phones'), c.phones) FROM row_clocks rc
      WHERE rc.table_name = 'contacts' AND rc.row_id = c.id AND json_type(rc.clocks, '$.phones') = 'text')
  ) AS phones,
  COALESCE(
    (SELECT json_array(ch.hlc, json_extract(ch.fields, '$.emails')) FROM changes ch
      WHERE ch.table_name = 'contacts' AND ch.row_id = c.id AND ch.schema_version = 1 AND json_type(ch.fields, '$.emails') = 'text'
      ORDER BY ch.hlc DESC LIMIT 1),
    (SELECT json_array(json_extract(rc.clocks, '$.emails'), c.emails) FROM row_clocks rc
      WHERE rc.table_name = 'contacts' AND rc.row_id = c.id AND json_type(rc.clocks, '$.emails') = 'text')
  ) AS emails,
  COALESCE(
    (SELECT json_array(ch.hlc, json_extract(ch.fields, '$.custom_fields')) FROM changes ch
      WHERE ch.table_name = 'contacts' AND ch.row_id = c.id AND ch.schema_version = 1 AND json_type(ch.fields, '$.custom_fields') = 'text'
      ORDER BY ch.hlc DESC LIMIT 1),
    (SELECT json_array(json_extract(rc.clocks, '$.custom_fields'), c.custom_fields) FROM row_clocks rc
      WHERE rc.table_name = 'contacts' AND rc.row_id = c.id AND json_type(rc.clocks, '$.custom_fields') = 'text')
  ) AS custom_fields
FROM contacts c;
--> statement-breakpoint
UPDATE contacts SET base_phones = f.phones ->> 1, base_emails = f.emails ->> 1, base_custom_fields = f.custom_fields ->> 1
FROM contact_base_fixup f WHERE f.id = contacts.id;
--> statement-breakpoint
UPDATE row_clocks SET clocks = json_set(clocks, '$.base_phones', f.phones ->> 0)
FROM contact_base_fixup f WHERE row_clocks.table_name = 'contacts' AND row_clocks.row_id = f.id AND f.phones IS NOT NULL;
--> statement-breakpoint
UPDATE row_clocks SET clocks = json_set(clocks, '$.base_emails', f.emails ->> 0)
FROM contact_base_fixup f WHERE row_clocks.table_name = 'contacts' AND row_clocks.row_id = f.id AND f.emails IS NOT NULL;
--> statement-breakpoint
UPDATE row_clocks SET clocks = json_set(clocks, '$.base_custom_fields', f.custom_fields ->> 0)
FROM contact_base_fixup f WHERE row_clocks.table_name = 'contacts' AND row_clocks.row_id = f.id AND f.custom_fields IS NOT NULL;
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
