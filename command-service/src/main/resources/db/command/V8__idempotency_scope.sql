-- §4, §6: an idempotency key belongs to one principal of an org, in a namespace of its own: a client's
-- Idempotency-Key ('REQUEST') never meets a call id ('CALL'), and two users of one org never share an outcome.
-- Rows from before keep an empty principal and answer any principal of their org, as they did.
ALTER TABLE idempotency_record ADD COLUMN namespace VARCHAR(16) NOT NULL DEFAULT 'REQUEST';
ALTER TABLE idempotency_record ADD COLUMN principal VARCHAR(255) NOT NULL DEFAULT '';
UPDATE idempotency_record SET namespace = 'CALL', idempotency_key = substr(idempotency_key, 6)
 WHERE idempotency_key LIKE 'call:%';
ALTER TABLE idempotency_record ALTER COLUMN namespace DROP DEFAULT;
ALTER TABLE idempotency_record ALTER COLUMN principal DROP DEFAULT;
ALTER TABLE idempotency_record DROP CONSTRAINT idempotency_record_pkey;
ALTER TABLE idempotency_record ADD PRIMARY KEY (org_id, namespace, idempotency_key, principal);
