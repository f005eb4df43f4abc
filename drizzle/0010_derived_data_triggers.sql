-- Derived data kept by the database itself, whoever writes (the app, the demo, the bench, a test
-- fixture): each organisation's latest diagnostic (not archived) and latest submitted or validated one, and each
-- plan's figures. Lists read them instead of searching diagnostics and actions per organisation.
-- What needs JavaScript (sort keys, scores, peer statistics) is written by src/db/ where the data
-- changes. The SQL of « latest » is src/db/diagnostics.ts latestDiagnosticId(): same order.

-- The two pointers of an organisation, recomputed from its diagnostics (a handful of rows).
CREATE TRIGGER `diagnostics_pointers_insert` AFTER INSERT ON `diagnostics` BEGIN
  UPDATE `organisations` SET
    `latest_diagnostic_id` = (SELECT l.id FROM diagnostics l WHERE l.organisation_id = organisations.id AND l.status <> 'archived' ORDER BY l.created_at DESC, l.id DESC LIMIT 1),
    `settled_diagnostic_id` = (SELECT l.id FROM diagnostics l WHERE l.organisation_id = organisations.id AND l.status IN ('submitted', 'validated') ORDER BY l.created_at DESC, l.id DESC LIMIT 1)
  WHERE id = NEW.organisation_id;
END;
--> statement-breakpoint
CREATE TRIGGER `diagnostics_pointers_update` AFTER UPDATE OF `status`, `created_at`, `organisation_id` ON `diagnostics` BEGIN
  UPDATE `organisations` SET
    `latest_diagnostic_id` = (SELECT l.id FROM diagnostics l WHERE l.organisation_id = organisations.id AND l.status <> 'archived' ORDER BY l.created_at DESC, l.id DESC LIMIT 1),
    `settled_diagnostic_id` = (SELECT l.id FROM diagnostics l WHERE l.organisation_id = organisations.id AND l.status IN ('submitted', 'validated') ORDER BY l.created_at DESC, l.id DESC LIMIT 1)
  WHERE id IN (NEW.organisation_id, OLD.organisation_id);
END;
--> statement-breakpoint
CREATE TRIGGER `diagnostics_pointers_delete` AFTER DELETE ON `diagnostics` BEGIN
  UPDATE `organisations` SET
    `latest_diagnostic_id` = (SELECT l.id FROM diagnostics l WHERE l.organisation_id = organisations.id AND l.status <> 'archived' ORDER BY l.created_at DESC, l.id DESC LIMIT 1),
    `settled_diagnostic_id` = (SELECT l.id FROM diagnostics l WHERE l.organisation_id = organisations.id AND l.status IN ('submitted', 'validated') ORDER BY l.created_at DESC, l.id DESC LIMIT 1)
  WHERE id = OLD.organisation_id;
END;
--> statement-breakpoint
UPDATE `organisations` SET
  `latest_diagnostic_id` = (SELECT l.id FROM diagnostics l WHERE l.organisation_id = organisations.id AND l.status <> 'archived' ORDER BY l.created_at DESC, l.id DESC LIMIT 1),
  `settled_diagnostic_id` = (SELECT l.id FROM diagnostics l WHERE l.organisation_id = organisations.id AND l.status IN ('submitted', 'validated') ORDER BY l.created_at DESC, l.id DESC LIMIT 1);
--> statement-breakpoint
-- A plan's figures (plan_stats), recomputed from its actions after each write to one of them.
-- Dropped actions count nowhere; an action is open until done; due dates are AAAA-MM-JJ.
CREATE VIEW `plan_stats_source` AS
  SELECT a.diagnostic_id, count(*) AS total, COALESCE(sum(a.status = 'done'), 0) AS done,
    min(CASE WHEN a.status <> 'done' AND a.due_date <> '' THEN a.due_date END) AS first_open_due,
    (SELECT COALESCE(json_group_array(b.due_date ORDER BY b.due_date), '[]') FROM actions b
      WHERE b.diagnostic_id = a.diagnostic_id AND b.dropped_reason IS NULL AND b.status <> 'done' AND b.due_date <> '') AS open_dues,
    (SELECT COALESCE(json_group_object(s.code, s.n), '{}') FROM (
      SELECT j.value AS code, count(*) AS n FROM actions b, json_each(b.services) j
      WHERE b.diagnostic_id = a.diagnostic_id AND b.dropped_reason IS NULL AND b.status <> 'done' GROUP BY j.value ORDER BY j.value) s) AS open_services
  FROM actions a WHERE a.dropped_reason IS NULL GROUP BY a.diagnostic_id;
--> statement-breakpoint
CREATE TRIGGER `actions_plan_stats_insert` AFTER INSERT ON `actions` BEGIN
  DELETE FROM plan_stats WHERE diagnostic_id = NEW.diagnostic_id;
  INSERT INTO plan_stats (diagnostic_id, total, done, first_open_due, open_dues, open_services) SELECT diagnostic_id, total, done, first_open_due, open_dues, open_services FROM plan_stats_source WHERE diagnostic_id = NEW.diagnostic_id;
END;
--> statement-breakpoint
CREATE TRIGGER `actions_plan_stats_update` AFTER UPDATE OF `status`, `due_date`, `dropped_reason`, `services`, `diagnostic_id` ON `actions` BEGIN
  DELETE FROM plan_stats WHERE diagnostic_id IN (NEW.diagnostic_id, OLD.diagnostic_id);
  INSERT INTO plan_stats (diagnostic_id, total, done, first_open_due, open_dues, open_services) SELECT diagnostic_id, total, done, first_open_due, open_dues, open_services FROM plan_stats_source WHERE diagnostic_id IN (NEW.diagnostic_id, OLD.diagnostic_id);
END;
--> statement-breakpoint
CREATE TRIGGER `actions_plan_stats_delete` AFTER DELETE ON `actions` BEGIN
  DELETE FROM plan_stats WHERE diagnostic_id = OLD.diagnostic_id;
  INSERT INTO plan_stats (diagnostic_id, total, done, first_open_due, open_dues, open_services) SELECT diagnostic_id, total, done, first_open_due, open_dues, open_services FROM plan_stats_source WHERE diagnostic_id = OLD.diagnostic_id;
END;
--> statement-breakpoint
INSERT INTO plan_stats (diagnostic_id, total, done, first_open_due, open_dues, open_services) SELECT diagnostic_id, total, done, first_open_due, open_dues, open_services FROM plan_stats_source;
--> statement-breakpoint
-- When changes were requested, for diagnostics sent back before the column existed: the audit trail.
UPDATE `diagnostics` SET `changes_requested_at` = (
  SELECT max(e.at) FROM audit_events e INDEXED BY audit_diagnostic_entity
  WHERE e.entity = 'diagnostic' AND e.entity_id = diagnostics.id AND e.action = 'request-changes'
) WHERE `status` = 'changes_requested';
