CREATE INDEX `actions_updated_by` ON `actions` (`updated_by`);--> statement-breakpoint
CREATE INDEX `answers_updated_by` ON `answers` (`updated_by`);--> statement-breakpoint
CREATE INDEX `diagnostics_created_by` ON `diagnostics` (`created_by`);--> statement-breakpoint
CREATE INDEX `diagnostics_submitted_by` ON `diagnostics` (`submitted_by`);--> statement-breakpoint
CREATE INDEX `diagnostics_validated_by` ON `diagnostics` (`validated_by`);--> statement-breakpoint
CREATE INDEX `review_comments_author` ON `review_comments` (`author_id`);