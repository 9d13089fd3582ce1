-- The relay keeps no caller number or transcript of a call any more (src-relay/telephony/private-facts.ts):
-- they went to the laptops in the call's row. Rows written before keep only that each was heard.
UPDATE "telephony_calls"
SET
  "facts" = ("facts" - 'otherNumber' - 'transcript')
    || jsonb_build_object(
      'privateFactsHeard',
      (SELECT coalesce(jsonb_agg("name"), '[]'::jsonb) FROM jsonb_object_keys("facts") AS "name" WHERE "name" IN ('otherNumber', 'transcript'))
    ),
  "written" = "written" - 'number' - 'transcript'
WHERE "facts" ?| ARRAY['otherNumber', 'transcript'] OR "written" ?| ARRAY['number', 'transcript'];
