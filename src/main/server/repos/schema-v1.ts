/**
 * Version 1 of the department server's schema, run by `server setup` inside one transaction.
 * Shipped versions are never edited; a later one is a new file that upgrades this one.
 *
 * Each plan table keeps the app's row as it is (`doc`, the same JSON a change set carries), so
 * the server compares a change's `before` with what it holds by plain jsonb equality, and the
 * columns the database reasons about (area, PostGIS geometry) are generated from it: they can
 * never disagree with the row. Row-level security on those columns decides who may write what.
 */
export const SCHEMA_V1 = String.raw`
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS acp;

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'acp_commander') THEN CREATE ROLE acp_commander NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'acp_administration') THEN CREATE ROLE acp_administration NOLOGIN; END IF;
END $$;

CREATE TABLE acp.schema_info (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL);

-- Who each login is: set by the owner with 'server user', never by the login itself.
CREATE TABLE acp.logins (
  login name PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('commander', 'administration')),
  area_id text,
  CHECK ((role = 'commander') = (area_id IS NOT NULL))
);

CREATE TABLE acp.city (
  id text PRIMARY KEY CHECK (id = 'city'),
  doc jsonb NOT NULL,
  area_id text GENERATED ALWAYS AS (NULL::text) STORED,
  geom geometry(Geometry, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_GeomFromGeoJSON(doc -> 'geometry'), 4326)) STORED
);
CREATE TABLE acp.areas (
  id text PRIMARY KEY,
  doc jsonb NOT NULL,
  area_id text GENERATED ALWAYS AS (id) STORED,
  geom geometry(Geometry, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_GeomFromGeoJSON(doc -> 'geometry'), 4326)) STORED
);
CREATE TABLE acp.neighborhoods (
  id text PRIMARY KEY,
  doc jsonb NOT NULL,
  area_id text GENERATED ALWAYS AS (doc ->> 'areaId') STORED NOT NULL REFERENCES acp.areas (id) DEFERRABLE INITIALLY DEFERRED,
  geom geometry(Geometry, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_GeomFromGeoJSON(doc -> 'geometry'), 4326)) STORED
);
CREATE TABLE acp.officers (
  id text PRIMARY KEY,
  doc jsonb NOT NULL,
  area_id text GENERATED ALWAYS AS (doc ->> 'areaId') STORED REFERENCES acp.areas (id) DEFERRABLE INITIALLY DEFERRED,
  neighborhood_id text GENERATED ALWAYS AS (doc ->> 'neighborhoodId') STORED REFERENCES acp.neighborhoods (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX areas_geom ON acp.areas USING gist (geom);
CREATE INDEX neighborhoods_geom ON acp.neighborhoods USING gist (geom);
CREATE INDEX city_geom ON acp.city USING gist (geom);
CREATE INDEX neighborhoods_area ON acp.neighborhoods (area_id);
CREATE INDEX officers_area ON acp.officers (area_id);

CREATE TABLE acp.settings (key text PRIMARY KEY, value text NOT NULL);

-- The ordered log of stored change sets: the order every desk applies them in.
CREATE TABLE acp.change_log (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  login name NOT NULL DEFAULT session_user,
  os_user text NOT NULL DEFAULT '',
  profile text NOT NULL,
  action text NOT NULL,
  label text NOT NULL,
  change_set jsonb NOT NULL,
  inverse jsonb NOT NULL,
  -- 'entity:id' of every row the change set touches, to name who last changed a row.
  touched text[] NOT NULL,
  -- The desk's working copy and its own number for the change set: a resend after a lost reply is recognised.
  client_id text,
  client_seq bigint,
  ref_seq bigint,
  UNIQUE (client_id, client_seq)
);
CREATE INDEX change_log_touched ON acp.change_log USING gin (touched);

-- A login cannot write its name, time or ordering into the log: the database fills them in.
CREATE FUNCTION acp.stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.login := session_user;
  NEW.at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER change_log_stamp BEFORE INSERT ON acp.change_log FOR EACH ROW EXECUTE FUNCTION acp.stamp_change();

-- What the connected login is, from acp.logins (owner-only), for the policies and the app.
CREATE FUNCTION acp.my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = acp, pg_temp AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper) THEN 'administration'
    ELSE (SELECT role FROM acp.logins WHERE login = session_user) END
$$;
CREATE FUNCTION acp.my_area() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = acp, pg_temp AS $$
  SELECT area_id FROM acp.logins WHERE login = session_user AND role = 'commander'
$$;
CREATE FUNCTION acp.is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT coalesce(acp.my_role() = 'administration', false) $$;

-- The stored row a write replaces, as of the statement's start (the policy sees the new row only).
CREATE FUNCTION acp.stored_doc(tbl text, row_id text) RETURNS jsonb LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = acp, pg_temp AS $$
DECLARE d jsonb;
BEGIN
  EXECUTE format('SELECT doc FROM acp.%I WHERE id = $1', tbl) INTO d USING row_id;
  RETURN d;
END $$;

/*
 * The neutral case the app permits a commander (src/shared/domain/permissions.ts): a boundary
 * outside their area that only gains or loses vertices on its own straight edges, so its ground
 * and every other field stay exactly as they are. Same fields, and the same ground (ST_Equals,
 * which ignores vertices that lie on an edge).
 */
CREATE FUNCTION acp.only_shares_vertices(tbl text, row_id text, new_doc jsonb) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, acp, pg_temp AS $$
DECLARE old_doc jsonb := acp.stored_doc(tbl, row_id);
BEGIN
  IF old_doc IS NULL OR (old_doc - 'geometry') IS DISTINCT FROM (new_doc - 'geometry') THEN RETURN false; END IF;
  RETURN ST_Equals(ST_GeomFromGeoJSON(old_doc -> 'geometry'), ST_GeomFromGeoJSON(new_doc -> 'geometry'));
END $$;

-- A commander writes a row of their own area that stays in their area; anything else is refused, naming why.
CREATE FUNCTION acp.commander_may_write(tbl text, row_id text, new_doc jsonb, new_area text) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, acp, pg_temp AS $$
DECLARE
  mine text := acp.my_area();
  old_doc jsonb := acp.stored_doc(tbl, row_id);
  old_area text;
  nb_area text;
BEGIN
  IF acp.is_admin() THEN RETURN true; END IF;
  IF mine IS NULL THEN
    RAISE EXCEPTION 'The login % has no role in this plan; the owner assigns one with server user', session_user USING ERRCODE = '42501';
  END IF;
  IF tbl IN ('areas', 'neighborhoods') AND old_doc IS NOT NULL AND acp.only_shares_vertices(tbl, row_id, new_doc) THEN RETURN true; END IF;
  IF tbl = 'areas' OR tbl = 'city' THEN
    RAISE EXCEPTION 'The Area Commander of % may not change % %: only Administration can', mine, CASE WHEN tbl = 'city' THEN 'the city limit' ELSE 'Area Command' END, row_id USING ERRCODE = '42501';
  END IF;
  old_area := CASE WHEN tbl = 'areas' THEN row_id ELSE old_doc ->> 'areaId' END;
  IF old_doc IS NOT NULL AND old_area IS DISTINCT FROM mine THEN
    RAISE EXCEPTION 'The Area Commander of % may not change % %, which belongs to %', mine, rtrim(tbl, 's'), row_id, coalesce(old_area, 'no Area Command') USING ERRCODE = '42501';
  END IF;
  IF new_area IS DISTINCT FROM mine THEN
    RAISE EXCEPTION 'The Area Commander of % may not put % % in %', mine, rtrim(tbl, 's'), row_id, coalesce(new_area, 'no Area Command') USING ERRCODE = '42501';
  END IF;
  IF tbl = 'officers' AND new_doc ->> 'neighborhoodId' IS NOT NULL THEN
    SELECT area_id INTO nb_area FROM acp.neighborhoods WHERE id = new_doc ->> 'neighborhoodId';
    IF nb_area IS DISTINCT FROM mine THEN
      RAISE EXCEPTION 'The Area Commander of % may not have officer % adopt neighborhood %, which belongs to %', mine, row_id, new_doc ->> 'neighborhoodId', nb_area USING ERRCODE = '42501';
    END IF;
  END IF;
  RETURN true;
END $$;

ALTER TABLE acp.city ENABLE ROW LEVEL SECURITY;
ALTER TABLE acp.areas ENABLE ROW LEVEL SECURITY;
ALTER TABLE acp.neighborhoods ENABLE ROW LEVEL SECURITY;
ALTER TABLE acp.officers ENABLE ROW LEVEL SECURITY;
ALTER TABLE acp.settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE acp.change_log ENABLE ROW LEVEL SECURITY;

-- Everyone in the department sees the whole plan; what they may write differs.
CREATE POLICY read_all ON acp.city FOR SELECT USING (true);
CREATE POLICY read_all ON acp.areas FOR SELECT USING (true);
CREATE POLICY read_all ON acp.neighborhoods FOR SELECT USING (true);
CREATE POLICY read_all ON acp.officers FOR SELECT USING (true);
CREATE POLICY read_all ON acp.settings FOR SELECT USING (true);
CREATE POLICY read_all ON acp.change_log FOR SELECT USING (true);
CREATE POLICY append ON acp.change_log FOR INSERT WITH CHECK (login = session_user);
CREATE POLICY administration ON acp.settings FOR ALL USING (acp.is_admin()) WITH CHECK (acp.is_admin());

CREATE POLICY write_insert ON acp.city FOR INSERT WITH CHECK (acp.commander_may_write('city', id, doc, area_id));
CREATE POLICY write_update ON acp.city FOR UPDATE USING (true) WITH CHECK (acp.commander_may_write('city', id, doc, area_id));
CREATE POLICY write_delete ON acp.city FOR DELETE USING (acp.is_admin());
CREATE POLICY write_insert ON acp.areas FOR INSERT WITH CHECK (acp.commander_may_write('areas', id, doc, area_id));
CREATE POLICY write_update ON acp.areas FOR UPDATE USING (true) WITH CHECK (acp.commander_may_write('areas', id, doc, area_id));
CREATE POLICY write_delete ON acp.areas FOR DELETE USING (acp.is_admin());
CREATE POLICY write_insert ON acp.neighborhoods FOR INSERT WITH CHECK (acp.commander_may_write('neighborhoods', id, doc, area_id));
CREATE POLICY write_update ON acp.neighborhoods FOR UPDATE USING (true) WITH CHECK (acp.commander_may_write('neighborhoods', id, doc, area_id));
CREATE POLICY write_delete ON acp.neighborhoods FOR DELETE USING (acp.is_admin() OR area_id = acp.my_area());
CREATE POLICY write_insert ON acp.officers FOR INSERT WITH CHECK (acp.commander_may_write('officers', id, doc, area_id));
CREATE POLICY write_update ON acp.officers FOR UPDATE USING (true) WITH CHECK (acp.commander_may_write('officers', id, doc, area_id));
CREATE POLICY write_delete ON acp.officers FOR DELETE USING (acp.is_admin() OR area_id = acp.my_area());

GRANT USAGE ON SCHEMA acp TO acp_commander, acp_administration;
GRANT SELECT, INSERT, UPDATE, DELETE ON acp.city, acp.areas, acp.neighborhoods, acp.officers TO acp_commander, acp_administration;
GRANT SELECT ON acp.settings, acp.change_log, acp.logins TO acp_commander, acp_administration;
GRANT INSERT, UPDATE, DELETE ON acp.settings TO acp_administration;
GRANT INSERT ON acp.change_log TO acp_commander, acp_administration;
GRANT USAGE ON SEQUENCE acp.change_log_seq_seq TO acp_commander, acp_administration;
REVOKE ALL ON FUNCTION acp.stored_doc(text, text) FROM PUBLIC;

/*
 * One change set, one transaction: every op's 'before' is compared with the stored row (the
 * first change set stored wins; a later one made on the old rows is refused naming who changed
 * the row and when), the rows are written as the caller (so row-level security decides), the
 * change is appended to the log under the caller's login, and every desk is told its number.
 * Change sets are stored one at a time (an advisory lock), so the log's order is commit order.
 */
CREATE FUNCTION acp.apply_change_set(req jsonb) RETURNS bigint LANGUAGE plpgsql SECURITY INVOKER SET search_path = public, acp, pg_temp AS $$
DECLARE
  op jsonb;
  tbl text;
  key text;
  stored jsonb;
  last record;
  keys text[] := '{}';
  n integer;
  new_seq bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(4711);
  IF req ->> 'clientId' IS NOT NULL THEN
    SELECT seq INTO new_seq FROM acp.change_log WHERE client_id = req ->> 'clientId' AND client_seq = (req ->> 'clientSeq')::bigint;
    IF FOUND THEN RETURN new_seq; END IF;
  END IF;
  FOR op IN SELECT * FROM jsonb_array_elements(req -> 'changeSet' -> 'ops') LOOP
    tbl := CASE op ->> 'entity' WHEN 'city' THEN 'city' WHEN 'area' THEN 'areas' WHEN 'neighborhood' THEN 'neighborhoods' WHEN 'officer' THEN 'officers' END;
    IF tbl IS NULL THEN RAISE EXCEPTION 'Unknown kind of row: %', op ->> 'entity' USING ERRCODE = '22023'; END IF;
    key := (op ->> 'entity') || ':' || (op ->> 'id');
    keys := keys || key;
    EXECUTE format('SELECT doc FROM acp.%I WHERE id = $1 FOR UPDATE', tbl) INTO stored USING op ->> 'id';
    IF stored IS DISTINCT FROM (CASE WHEN jsonb_typeof(op -> 'before') = 'null' THEN NULL ELSE op -> 'before' END) THEN
      SELECT seq, login, at, label INTO last FROM acp.change_log WHERE touched @> ARRAY[key] ORDER BY seq DESC LIMIT 1;
      RAISE EXCEPTION '%', CASE WHEN last.seq IS NULL THEN format('%s %s is not as your change expected', op ->> 'entity', op ->> 'id')
          ELSE format('%s %s was changed by %s at %s ("%s")', op ->> 'entity', op ->> 'id', last.login, to_char(last.at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"'), last.label) END
        USING ERRCODE = 'P0409',
          DETAIL = jsonb_build_object('entity', op ->> 'entity', 'id', op ->> 'id', 'login', last.login, 'at', last.at, 'label', last.label, 'seq', last.seq)::text;
    END IF;
    IF jsonb_typeof(op -> 'after') = 'null' THEN
      EXECUTE format('DELETE FROM acp.%I WHERE id = $1', tbl) USING op ->> 'id';
      GET DIAGNOSTICS n = ROW_COUNT;
      IF n = 0 THEN
        RAISE EXCEPTION 'The login % may not remove % %', session_user, op ->> 'entity', op ->> 'id' USING ERRCODE = '42501';
      END IF;
    ELSIF stored IS NULL THEN
      EXECUTE format('INSERT INTO acp.%I (id, doc) VALUES ($1, $2)', tbl) USING op ->> 'id', op -> 'after';
    ELSE
      EXECUTE format('UPDATE acp.%I SET doc = $2 WHERE id = $1', tbl) USING op ->> 'id', op -> 'after';
    END IF;
  END LOOP;
  INSERT INTO acp.change_log (os_user, profile, action, label, change_set, inverse, touched, client_id, client_seq, ref_seq)
    VALUES (coalesce(req ->> 'osUser', ''), coalesce(req ->> 'profile', ''), coalesce(req ->> 'action', 'edit'), req -> 'changeSet' ->> 'label',
      req -> 'changeSet', req -> 'inverse', keys, req ->> 'clientId', (req ->> 'clientSeq')::bigint, (req ->> 'refSeq')::bigint)
    RETURNING seq INTO new_seq;
  PERFORM pg_notify('acp_change', new_seq::text);
  RETURN new_seq;
END $$;
GRANT EXECUTE ON FUNCTION acp.apply_change_set(jsonb) TO acp_commander, acp_administration;

/*
 * Creates or changes a login and its role. Only the plan's owner runs it ('server user'):
 * a login cannot name itself commander of another area, nor Administration.
 */
CREATE FUNCTION acp.set_login(login_name text, new_role text, new_area text, pass text) RETURNS void LANGUAGE plpgsql SECURITY INVOKER SET search_path = acp, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = login_name) THEN
    EXECUTE format('CREATE ROLE %I LOGIN', login_name);
  END IF;
  IF pass IS NOT NULL THEN EXECUTE format('ALTER ROLE %I PASSWORD %L', login_name, pass); END IF;
  EXECUTE format('REVOKE acp_commander, acp_administration FROM %I', login_name);
  EXECUTE format('GRANT %I TO %I', CASE WHEN new_role = 'commander' THEN 'acp_commander' ELSE 'acp_administration' END, login_name);
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), login_name);
  INSERT INTO acp.logins (login, role, area_id) VALUES (login_name, new_role, new_area)
    ON CONFLICT (login) DO UPDATE SET role = EXCLUDED.role, area_id = EXCLUDED.area_id;
END $$;
REVOKE ALL ON FUNCTION acp.set_login(text, text, text, text) FROM PUBLIC;
`
