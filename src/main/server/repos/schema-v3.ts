/**
 * Server schema version 3: published versions, as the SQLite plan keeps them (migration 0020).
 * Shipped versions are never edited; a later one is a new file that upgrades this one.
 */
export const SCHEMA_V3 = `
-- One row per publish, numbered by the server: a version is stored only as the next number, so two
-- desks cannot both publish "version 3". Immutable, as on SQLite: what residents were shown stays provable.
CREATE TABLE acp.published_versions (
  number integer PRIMARY KEY CHECK (number >= 1),
  effective_date text NOT NULL CHECK (effective_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  published_at text NOT NULL,
  login name NOT NULL DEFAULT session_user,
  os_user text NOT NULL,
  profile text NOT NULL,
  override_reason text,
  summary text NOT NULL,
  plan_hash text NOT NULL,
  plan_snapshot text NOT NULL,
  neighborhoods_geojson bytea NOT NULL,
  areas_geojson bytea NOT NULL,
  -- The change-log row of the publish (the audit row on SQLite).
  change_seq bigint REFERENCES acp.change_log(seq)
);
CREATE FUNCTION acp.versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'published versions are immutable' USING ERRCODE = '42501'; END $$;
CREATE TRIGGER published_versions_immutable BEFORE UPDATE OR DELETE ON acp.published_versions
  FOR EACH ROW EXECUTE FUNCTION acp.versions_immutable();
ALTER TABLE acp.published_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON acp.published_versions FOR SELECT USING (true);
-- As in the app (PublishService.whyNot): only Administration publishes.
CREATE POLICY administration ON acp.published_versions FOR INSERT WITH CHECK (acp.is_admin() AND login = session_user);
GRANT SELECT ON acp.published_versions TO acp_commander, acp_administration;
GRANT INSERT ON acp.published_versions TO acp_administration;

/*
 * Stores a publish in one transaction: its change-log row (through acp.apply_change_set, so every
 * desk is told) and the version, which must be the next number; a number someone took first is
 * refused naming who published it. Runs as the caller, so row-level security decides who may.
 */
CREATE FUNCTION acp.publish_version(req jsonb, v jsonb, nb bytea, areas bytea) RETURNS bigint LANGUAGE plpgsql SECURITY INVOKER SET search_path = public, acp, pg_temp AS $$
DECLARE
  next_number integer;
  taken record;
  new_seq bigint;
BEGIN
  IF NOT acp.is_admin() THEN
    RAISE EXCEPTION 'only Administration may publish; the login % may not', session_user USING ERRCODE = '42501';
  END IF;
  PERFORM pg_advisory_xact_lock(4711);
  SELECT coalesce(max(number), 0) + 1 INTO next_number FROM acp.published_versions;
  IF (v ->> 'number')::integer <> next_number THEN
    SELECT number, login, published_at INTO taken FROM acp.published_versions WHERE number = (v ->> 'number')::integer;
    RAISE EXCEPTION '%', CASE WHEN taken.number IS NULL THEN format('the next version is %s, not %s', next_number, v ->> 'number')
        ELSE format('version %s was already published by %s at %s', taken.number, taken.login, taken.published_at) END
      USING ERRCODE = 'P0409', DETAIL = jsonb_build_object('entity', 'version', 'id', v ->> 'number', 'login', taken.login, 'at', taken.published_at)::text;
  END IF;
  new_seq := acp.apply_change_set(req);
  INSERT INTO acp.published_versions (number, effective_date, published_at, os_user, profile, override_reason, summary, plan_hash,
      plan_snapshot, neighborhoods_geojson, areas_geojson, change_seq)
    VALUES (next_number, v ->> 'effectiveDate', v ->> 'publishedAt', v ->> 'osUser', v ->> 'profile', v ->> 'overrideReason',
      v ->> 'summary', v ->> 'planHash', v ->> 'planSnapshot', nb, areas, new_seq);
  RETURN new_seq;
END $$;
REVOKE ALL ON FUNCTION acp.publish_version(jsonb, jsonb, bytea, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION acp.publish_version(jsonb, jsonb, bytea, bytea) TO acp_commander, acp_administration;
`
