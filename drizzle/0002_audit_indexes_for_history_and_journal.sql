DROP INDEX `audit_entity`;--> statement-breakpoint
CREATE INDEX `audit_diagnostic_entity` ON `audit_events` (`entity_id`) WHERE entity = 'diagnostic';--> statement-breakpoint
CREATE INDEX `audit_entity_at` ON `audit_events` (`entity`,`at`);