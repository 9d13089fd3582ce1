CREATE TABLE `contact_custom_values` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`field_id` text DEFAULT '' NOT NULL,
	`value` text DEFAULT 'null' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contact_email_items` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`type` text DEFAULT 'other' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contact_phone_items` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_id` text DEFAULT '' NOT NULL,
	`type` text DEFAULT 'other' NOT NULL,
	`e164` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `contacts` ADD `base_phones` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `base_emails` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `base_custom_fields` text;