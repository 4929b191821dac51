-- Hand-written (no schema change). Start-up sealing of rows written before the transparency log
-- (src/app/cases/commands/runner/sealLegacy.ts) now stops scanning once `meta.legacy_sealed` exists, and no
-- longer skips a bulk database by itself. A bulk database filled before this migration keeps its bulk
-- events outside the log (ADR 0017d): it is marked sealed here, so its next start does not seal millions of
-- synthetic events. Any other database is checked once by its next start, which then writes the key.
INSERT INTO "meta" ("key", "value", "updated_at")
SELECT 'legacy_sealed', '{"sealed":0,"by":"migration legacy_sealed_flag (bulk database)"}'::jsonb, now()
WHERE EXISTS (SELECT 1 FROM "meta" WHERE "key" = 'demo_bulk')
ON CONFLICT ("key") DO NOTHING;
