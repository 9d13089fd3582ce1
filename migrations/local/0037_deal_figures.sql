-- A pipeline board's totals per stage and currency (deals, their value, and what the weighted
-- value needs), kept exact by triggers in the transaction of every write to deals — local edits,
-- bulk moves and changes from other devices alike — so the board reads a row per stage and
-- currency instead of every deal. The weighted value is
--   (own_weighted + stage probability × stage_weighted_value) / 10000:
-- deals with their own probability add value × probability to own_weighted; the others add their
-- value to stage_weighted_value and take the stage's probability when the board is read, so
-- editing a stage's probability needs no rewrite here. A row whose count fell to 0 stays and is
-- not shown.
CREATE TABLE `deal_stage_figures` (
  `pipeline_id` text NOT NULL,
  `stage_id` text NOT NULL,
  `currency` text NOT NULL,
  `deals` integer NOT NULL DEFAULT 0,
  `total_minor` integer NOT NULL DEFAULT 0,
  `own_weighted` integer NOT NULL DEFAULT 0,
  `stage_weighted_value` integer NOT NULL DEFAULT 0,
  PRIMARY KEY (`pipeline_id`, `stage_id`, `currency`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO deal_stage_figures (pipeline_id, stage_id, currency, deals, total_minor, own_weighted, stage_weighted_value)
  SELECT pipeline_id, stage_id, currency, COUNT(*), SUM(value_minor),
         SUM(CASE WHEN probability_bp IS NULL THEN 0 ELSE value_minor * probability_bp END),
         SUM(CASE WHEN probability_bp IS NULL THEN value_minor ELSE 0 END)
  FROM deals WHERE cl % 2 = 1 GROUP BY pipeline_id, stage_id, currency;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_figures_insert` AFTER INSERT ON `deals` WHEN NEW.cl % 2 = 1 BEGIN
  INSERT INTO deal_stage_figures (pipeline_id, stage_id, currency, deals, total_minor, own_weighted, stage_weighted_value)
    VALUES (NEW.pipeline_id, NEW.stage_id, NEW.currency, 1, NEW.value_minor,
            CASE WHEN NEW.probability_bp IS NULL THEN 0 ELSE NEW.value_minor * NEW.probability_bp END,
            CASE WHEN NEW.probability_bp IS NULL THEN NEW.value_minor ELSE 0 END)
    ON CONFLICT (pipeline_id, stage_id, currency) DO UPDATE SET deals = deals + excluded.deals,
      total_minor = total_minor + excluded.total_minor, own_weighted = own_weighted + excluded.own_weighted,
      stage_weighted_value = stage_weighted_value + excluded.stage_weighted_value;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_figures_delete` AFTER DELETE ON `deals` WHEN OLD.cl % 2 = 1 BEGIN
  INSERT INTO deal_stage_figures (pipeline_id, stage_id, currency, deals, total_minor, own_weighted, stage_weighted_value)
    VALUES (OLD.pipeline_id, OLD.stage_id, OLD.currency, -1, -OLD.value_minor,
            CASE WHEN OLD.probability_bp IS NULL THEN 0 ELSE -OLD.value_minor * OLD.probability_bp END,
            CASE WHEN OLD.probability_bp IS NULL THEN -OLD.value_minor ELSE 0 END)
    ON CONFLICT (pipeline_id, stage_id, currency) DO UPDATE SET deals = deals + excluded.deals,
      total_minor = total_minor + excluded.total_minor, own_weighted = own_weighted + excluded.own_weighted,
      stage_weighted_value = stage_weighted_value + excluded.stage_weighted_value;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_figures_update`
AFTER UPDATE OF `cl`, `pipeline_id`, `stage_id`, `currency`, `value_minor`, `probability_bp` ON `deals` BEGIN
  INSERT INTO deal_stage_figures (pipeline_id, stage_id, currency, deals, total_minor, own_weighted, stage_weighted_value)
    SELECT OLD.pipeline_id, OLD.stage_id, OLD.currency, -1, -OLD.value_minor,
           CASE WHEN OLD.probability_bp IS NULL THEN 0 ELSE -OLD.value_minor * OLD.probability_bp END,
           CASE WHEN OLD.probability_bp IS NULL THEN -OLD.value_minor ELSE 0 END
    WHERE OLD.cl % 2 = 1
    ON CONFLICT (pipeline_id, stage_id, currency) DO UPDATE SET deals = deals + excluded.deals,
      total_minor = total_minor + excluded.total_minor, own_weighted = own_weighted + excluded.own_weighted,
      stage_weighted_value = stage_weighted_value + excluded.stage_weighted_value;
  INSERT INTO deal_stage_figures (pipeline_id, stage_id, currency, deals, total_minor, own_weighted, stage_weighted_value)
    SELECT NEW.pipeline_id, NEW.stage_id, NEW.currency, 1, NEW.value_minor,
           CASE WHEN NEW.probability_bp IS NULL THEN 0 ELSE NEW.value_minor * NEW.probability_bp END,
           CASE WHEN NEW.probability_bp IS NULL THEN NEW.value_minor ELSE 0 END
    WHERE NEW.cl % 2 = 1
    ON CONFLICT (pipeline_id, stage_id, currency) DO UPDATE SET deals = deals + excluded.deals,
      total_minor = total_minor + excluded.total_minor, own_weighted = own_weighted + excluded.own_weighted,
      stage_weighted_value = stage_weighted_value + excluded.stage_weighted_value;
END;
