DROP INDEX `calls_untriaged`;--> statement-breakpoint
ALTER TABLE `calls` ADD `emergency_keyword` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `calls` ADD `urgent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `calls_untriaged` ON `calls` (`urgent`,`started_at`,`id`) WHERE cl % 2 = 1 AND disposition = '' AND spam = 0;--> statement-breakpoint
ALTER TABLE `follow_ups` ADD `done_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `follow_ups_call_back` ON `follow_ups` (`call_id`,`due_at`) WHERE cl % 2 = 1 AND call_id IS NOT NULL AND sla_rule_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `follow_ups_call_back_due` ON `follow_ups` (`due_at`) WHERE cl % 2 = 1 AND call_id IS NOT NULL AND sla_rule_id IS NOT NULL;