ALTER TABLE `diagnostics` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `diagnostics` ADD `archived_by` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `diagnostics` ADD `archived_from` text;--> statement-breakpoint
CREATE INDEX `diagnostics_archived_by` ON `diagnostics` (`archived_by`);