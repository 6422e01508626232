-- R6: the latest check of each provider account's credentials against its provider, written by the account's
-- command handler in the transaction that stores the verification event.
ALTER TABLE provider_credential
    ADD COLUMN verification_status VARCHAR(16) NOT NULL DEFAULT 'UNVERIFIED',
    ADD COLUMN verification_at     TIMESTAMPTZ,
    ADD COLUMN verification_reason VARCHAR(256);

-- The account a number names (its credentialRef): the numbers to mark ERROR when their account fails verification.
-- Numbers imported before this column existed have none.
ALTER TABLE registry_number ADD COLUMN credential_ref VARCHAR(64);
CREATE INDEX registry_number_credential_ref ON registry_number (credential_ref) WHERE credential_ref IS NOT NULL;
