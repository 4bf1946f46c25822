-- Hand-written part of the security core (docs/adr/0003).

-- The audit log is insert-only for the application: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION lantern_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION lantern_audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION lantern_audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION lantern_audit_refuse_change();
--> statement-breakpoint
-- The chain starts from the RFC 6962 empty-tree genesis value used by platform/audit/chain.
INSERT INTO audit_head (id, seq, chain_hash) VALUES (1, 0, '\x'::bytea);
--> statement-breakpoint
-- Rank of a classification (shared/contracts/markings.ts keeps the same order).
CREATE FUNCTION lantern_classification_rank(c text) RETURNS integer IMMUTABLE LANGUAGE sql AS $$
  SELECT CASE c WHEN 'OFFICIAL' THEN 0 WHEN 'OFFICIAL-SENSITIVE' THEN 1 WHEN 'SECRET' THEN 2
                WHEN 'TOP SECRET' THEN 3 ELSE 99 END
$$;
--> statement-breakpoint
-- Need-to-know in SQL: may the actor of this transaction (set_config('lantern.actor_id', id, true),
-- made inside the request's transaction) see a record with this marking in this compartment?
-- Reads users and memberships live, so a removed membership or a disabled user takes effect at once.
CREATE FUNCTION lantern_can_see(p_classification text, p_caveats text[], p_compartment uuid)
RETURNS boolean STABLE LANGUAGE sql AS $$
  SELECT EXISTS (
    SELECT 1
    FROM users u
    JOIN compartment_members m ON m.user_id = u.id AND m.compartment_id = p_compartment
    WHERE u.id = nullif(current_setting('lantern.actor_id', true), '')::uuid
      AND u.disabled_at IS NULL
      AND lantern_classification_rank(u.clearance) >= lantern_classification_rank(p_classification)
      AND p_caveats <@ u.caveats
  )
$$;
