-- Append-only tables (issue 16): the administrators' audit log and the case events can be inserted into,
-- never updated, deleted or truncated. A trigger, so it holds on PGlite and PostgreSQL for every role the
-- application connects as (a REVOKE would not bind the owner).
CREATE FUNCTION "yizhan_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "admin_audit_entries_append_only" BEFORE UPDATE OR DELETE ON "admin_audit_entries"
  FOR EACH ROW EXECUTE FUNCTION "yizhan_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "admin_audit_entries_no_truncate" BEFORE TRUNCATE ON "admin_audit_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "yizhan_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "case_events_append_only" BEFORE UPDATE OR DELETE ON "case_events"
  FOR EACH ROW EXECUTE FUNCTION "yizhan_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "case_events_no_truncate" BEFORE TRUNCATE ON "case_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "yizhan_refuse_change"();
