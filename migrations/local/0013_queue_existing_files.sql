-- Files attached on this laptop before blobs travelled with sync: queue their bytes for upload
-- (the relay answers at once for bytes it already has), and keep back the changes of those not
-- yet pushed until their bytes are at the relay. Files that came from teammates are left alone.
INSERT OR IGNORE INTO blob_uploads (sha256, size_bytes, state, queued_at)
SELECT f.sha256, MAX(f.size_bytes), 'queued', 0
FROM files f
WHERE f.cl % 2 = 1 AND f.sha256 <> ''
  AND EXISTS (SELECT 1 FROM changes c WHERE c.table_name = 'files' AND c.row_id = f.id AND c.local = 1)
GROUP BY f.sha256;
--> statement-breakpoint
INSERT OR IGNORE INTO outbox_holds (table_name, row_id, sha256)
SELECT 'files', f.id, f.sha256
FROM files f
WHERE f.cl % 2 = 1 AND f.sha256 <> ''
  AND EXISTS (SELECT 1 FROM changes c WHERE c.table_name = 'files' AND c.row_id = f.id AND c.local = 1 AND c.pushed = 0);
