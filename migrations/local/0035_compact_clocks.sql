-- Compact clocks: the per-field clocks of each synced row move from row_clocks (a JSON object of
-- field -> 58-character HLC, in a rowid table with a separate key index) to `clocks`, keyed by a
-- small table code and the row id (WITHOUT ROWID: the key is the table), holding one base HLC as
-- integers and the fields' codes (src-main/writes/clock-encoding.ts). Names and device ids are
-- numbered in the append-only dictionaries below.
-- The old rows are kept, renamed row_clocks_json, and converted by the same code that writes
-- clocks (src-main/writes/clock-conversion.ts, run when the database opens), in one transaction
-- that also drops row_clocks_json: a crash before it commits leaves them to convert at the next start.
CREATE TABLE `clock_devices` (
	`code` integer PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clock_devices_device_id_unique` ON `clock_devices` (`device_id`);--> statement-breakpoint
CREATE TABLE `clock_fields` (
	`table_code` integer NOT NULL,
	`code` integer NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`table_code`, `code`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE UNIQUE INDEX `clock_fields_name` ON `clock_fields` (`table_code`,`name`);--> statement-breakpoint
CREATE TABLE `clock_tables` (
	`code` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clock_tables_name_unique` ON `clock_tables` (`name`);--> statement-breakpoint
CREATE TABLE `clocks` (
	`table_code` integer NOT NULL,
	`row_id` text NOT NULL,
	`wall_ms` integer,
	`counter` integer,
	`device` integer,
	`fields` text NOT NULL,
	PRIMARY KEY(`table_code`, `row_id`)
) WITHOUT ROWID;
--> statement-breakpoint
ALTER TABLE `row_clocks` RENAME TO `row_clocks_json`;
