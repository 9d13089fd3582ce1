CREATE TABLE `mail_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`display_name` text DEFAULT '' NOT NULL,
	`preset` text DEFAULT 'other' NOT NULL,
	`imap_host` text NOT NULL,
	`imap_port` integer NOT NULL,
	`imap_security` text NOT NULL,
	`imap_username` text NOT NULL,
	`smtp_host` text NOT NULL,
	`smtp_port` integer NOT NULL,
	`smtp_security` text NOT NULL,
	`smtp_username` text NOT NULL,
	`folders` text DEFAULT '[]' NOT NULL,
	`window_months` integer DEFAULT 12 NOT NULL,
	`private` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`last_sync_at` integer
);
--> statement-breakpoint
CREATE TABLE `mail_folders` (
	`account_id` text NOT NULL,
	`path` text NOT NULL,
	`name` text NOT NULL,
	`special_use` text,
	`uid_validity` text,
	`uid_next` integer,
	`highest_modseq` text,
	`message_count` integer,
	`window_done` integer DEFAULT 0 NOT NULL,
	`synced_at` integer,
	PRIMARY KEY(`account_id`, `path`)
);
--> statement-breakpoint
CREATE TABLE `mail_locations` (
	`account_id` text NOT NULL,
	`folder` text NOT NULL,
	`uid` integer NOT NULL,
	`message_id` text NOT NULL,
	PRIMARY KEY(`account_id`, `folder`, `uid`)
);
--> statement-breakpoint
CREATE INDEX `mail_locations_message` ON `mail_locations` (`message_id`);--> statement-breakpoint
CREATE TABLE `mail_message_addresses` (
	`message_id` text NOT NULL,
	`address` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`message_id`, `role`, `address`)
);
--> statement-breakpoint
CREATE INDEX `mail_message_addresses_address` ON `mail_message_addresses` (`address`,`message_id`);--> statement-breakpoint
CREATE TABLE `mail_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`message_id` text DEFAULT '' NOT NULL,
	`thread_id` text DEFAULT '' NOT NULL,
	`in_reply_to` text DEFAULT '' NOT NULL,
	`refs` text DEFAULT '[]' NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`from_address` text DEFAULT '' NOT NULL,
	`from_name` text DEFAULT '' NOT NULL,
	`to_addresses` text DEFAULT '[]' NOT NULL,
	`cc_addresses` text DEFAULT '[]' NOT NULL,
	`sent_at` integer DEFAULT 0 NOT NULL,
	`body_text` text DEFAULT '' NOT NULL,
	`body_html` text,
	`attachments` text DEFAULT '[]' NOT NULL,
	`mailbox` text DEFAULT '' NOT NULL,
	`direction` text DEFAULT 'received' NOT NULL,
	`created_at` integer DEFAULT 0 NOT NULL,
	`cl` integer DEFAULT 1 NOT NULL,
	`search_rowid` integer,
	`local_only` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mail_messages_thread` ON `mail_messages` (`thread_id`,`sent_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `mail_messages_sent` ON `mail_messages` (`sent_at`) WHERE cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `mail_messages_message_id` ON `mail_messages` (`message_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `mail_messages_search_rowid` ON `mail_messages` (`search_rowid`);--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`state` text DEFAULT 'waiting' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`raw` text NOT NULL,
	`to_addresses` text DEFAULT '[]' NOT NULL,
	`cc_addresses` text DEFAULT '[]' NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`body_text` text DEFAULT '' NOT NULL,
	`thread_id` text,
	`message_row_id` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`filed` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_state` ON `mail_outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `mail_skipped` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`folder` text NOT NULL,
	`uid` integer NOT NULL,
	`message_id` text DEFAULT '' NOT NULL,
	`from_address` text DEFAULT '' NOT NULL,
	`from_name` text DEFAULT '' NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`sent_at` integer DEFAULT 0 NOT NULL,
	`wanted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_skipped_location` ON `mail_skipped` (`account_id`,`folder`,`uid`);--> statement-breakpoint
CREATE INDEX `mail_skipped_wanted` ON `mail_skipped` (`account_id`,`wanted`);--> statement-breakpoint
CREATE INDEX `mail_skipped_recent` ON `mail_skipped` (`sent_at`);--> statement-breakpoint
CREATE TABLE `mail_skipped_addresses` (
	`skipped_id` text NOT NULL,
	`address` text NOT NULL,
	PRIMARY KEY(`skipped_id`, `address`)
);
--> statement-breakpoint
CREATE INDEX `mail_skipped_addresses_address` ON `mail_skipped_addresses` (`address`);