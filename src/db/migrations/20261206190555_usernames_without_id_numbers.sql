-- Issue 11: a username is never an ID number. Accounts registered at the window were named
-- `p-<居民身份证号>`: every username containing a run shaped like a 居民身份证号 (6 digits, a birth date,
-- 3 digits and a check character), or the account's own ID number, gets its kind's prefix and ten
-- random characters instead. Sessions stay valid (they reference the user id); the person logs in with
-- the new name, which the window finds by name, ID number or phone in the applicant search.
UPDATE "users"
SET "username" = (CASE "kind" WHEN 'person' THEN 'p-' WHEN 'enterprise' THEN 'e-' ELSE 'u-' END)
  || substr(md5(random()::text || "id"::text), 1, 10)
WHERE "username" ~ '[0-9]{6}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]'
  OR ("id_number" IS NOT NULL AND position(lower("id_number") in lower("username")) > 0);
--> statement-breakpoint
-- The security log keeps what was typed at login: such usernames are masked there (3403**********2011).
UPDATE "auth_events"
SET "username" = regexp_replace(
  "username",
  '([0-9]{4})[0-9]{2}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])([0-9]{3}[0-9Xx])',
  '\1**********\2',
  'g'
)
WHERE "username" ~ '[0-9]{6}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]';
