CREATE TABLE "pupil_result_stamps" (
	"pupil_id" integer PRIMARY KEY NOT NULL,
	"stamp" bigint NOT NULL
);
--> statement-breakpoint
-- Every statement that inserts, updates or deletes results raises the counter of each pupil it touched, once per
-- statement (transition tables), in the same transaction: a cached groepsoverzicht built on older results no longer
-- matches its fingerprint from the moment the change commits.
CREATE OR REPLACE FUNCTION koers_bump_result_stamps() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO pupil_result_stamps (pupil_id, stamp) SELECT DISTINCT pupil_id, 1 FROM gone_rows
      ON CONFLICT (pupil_id) DO UPDATE SET stamp = pupil_result_stamps.stamp + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO pupil_result_stamps (pupil_id, stamp)
      SELECT pupil_id, 1 FROM (SELECT pupil_id FROM new_rows UNION SELECT pupil_id FROM gone_rows) AS touched
      ON CONFLICT (pupil_id) DO UPDATE SET stamp = pupil_result_stamps.stamp + 1;
  ELSE
    INSERT INTO pupil_result_stamps (pupil_id, stamp) SELECT DISTINCT pupil_id, 1 FROM new_rows
      ON CONFLICT (pupil_id) DO UPDATE SET stamp = pupil_result_stamps.stamp + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER results_stamp_insert AFTER INSERT ON results REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION koers_bump_result_stamps();
--> statement-breakpoint
CREATE TRIGGER results_stamp_update AFTER UPDATE ON results REFERENCING OLD TABLE AS gone_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION koers_bump_result_stamps();
--> statement-breakpoint
CREATE TRIGGER results_stamp_delete AFTER DELETE ON results REFERENCING OLD TABLE AS gone_rows
  FOR EACH STATEMENT EXECUTE FUNCTION koers_bump_result_stamps();
--> statement-breakpoint
INSERT INTO pupil_result_stamps (pupil_id, stamp) SELECT pupil_id, 1 FROM results GROUP BY pupil_id
  ON CONFLICT (pupil_id) DO NOTHING;
