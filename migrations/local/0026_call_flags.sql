DROP INDEX `calls_untriaged`;--> statement-breakpoint
ALTER TABLE `calls` ADD `emergency_keyword` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `urgent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `calls_untriaged` ON `calls` (`urgent`,`started_at`,`id`) WHERE cl % 2 = 1 AND disposition = '' AND spam = 0;