/**
 * Server schema version 4: the plan's settings are shared by every desk (docs/department-server.md
 * says which settings belong to the plan and which to one desk). Shipped versions are never
 * edited; a later one is a new file that upgrades this one. The keys are those of
 * PLAN_SETTING_KEYS (src/main/services/plan-settings.ts) when this version shipped.
 *
 * acp.settings (version 1) already lets only Administration write; this version keeps only the
 * plan's settings in it (a desk's own, copied by an earlier `server push`, are dropped) and
 * stores a change of them like a change set: one transaction with its change-log row naming
 * the login, which every desk is told of through the same notification as an edit.
 */
export const SCHEMA_V4 = `
DELETE FROM acp.settings WHERE key NOT IN ('tolerances', 'department', 'vacancyFallback', 'units', 'shifts');
ALTER TABLE acp.settings ADD CONSTRAINT plan_settings_only CHECK (key IN ('tolerances', 'department', 'vacancyFallback', 'units', 'shifts'));

/*
 * Stores Administration's change of the plan's settings in one transaction: its change-log row
 * (through acp.apply_change_set: ordered, stamped with the login, notified to every desk) and
 * the values, written as the caller so row-level security decides as well as this check.
 */
CREATE FUNCTION acp.store_settings(req jsonb, vals jsonb) RETURNS bigint LANGUAGE plpgsql SECURITY INVOKER SET search_path = public, acp, pg_temp AS $$
DECLARE
  k text;
  new_seq bigint;
BEGIN
  IF NOT acp.is_admin() THEN
    RAISE EXCEPTION 'only Administration changes the plan''s settings; the login % may not', session_user USING ERRCODE = '42501';
  END IF;
  IF jsonb_typeof(vals) <> 'object' OR vals = '{}'::jsonb THEN
    RAISE EXCEPTION 'no settings to store' USING ERRCODE = '22023';
  END IF;
  FOR k IN SELECT jsonb_object_keys(vals) LOOP
    IF k NOT IN ('tolerances', 'department', 'vacancyFallback', 'units', 'shifts') THEN
      RAISE EXCEPTION '% is a setting of one desk, not of the plan; it is not kept on the server', k USING ERRCODE = '22023';
    END IF;
  END LOOP;
  new_seq := acp.apply_change_set(req);
  INSERT INTO acp.settings (key, value) SELECT e.key, e.value::text FROM jsonb_each(vals) e
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
  RETURN new_seq;
END $$;
REVOKE ALL ON FUNCTION acp.store_settings(jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION acp.store_settings(jsonb, jsonb) TO acp_commander, acp_administration;
`
