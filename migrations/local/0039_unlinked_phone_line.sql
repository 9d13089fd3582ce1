-- The phone line's calls and texts that no contact has yet, which the laptop links to a contact by number
-- after every sync cycle and after a contact gains a number (src-main/phone/caller-matching.ts). Finding them
-- used to read every call without a contact, the many logged by hand included (~70 ms at 100k).
CREATE INDEX `calls_unlinked_phone_line` ON `calls` (`number`,`id`) WHERE contact_id IS NULL AND provider IN ('twilio', 'api') AND number <> '' AND cl % 2 = 1;--> statement-breakpoint
CREATE INDEX `texts_unlinked` ON `texts` (`number`,`id`) WHERE contact_id IS NULL AND number <> '' AND cl % 2 = 1;