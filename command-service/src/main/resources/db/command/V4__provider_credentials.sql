-- SPEC §6: provider accounts and their credentials, on the command side only. One row per live account, written,
-- re-encrypted or deleted by the account's command handlers in the transaction that stores the account's event;
-- the events carry none of what is encrypted here.
--
-- nonce and ciphertext are AES-256-GCM (96-bit nonce, fresh for every encryption; the ciphertext ends with the
-- 128-bit tag; the account id is the associated data, so a ciphertext moved to another row does not decrypt).
-- The plaintext is the provider's account id (e.g. a Twilio Account SID) and the token, or the API key and secret.
-- key_id names the configured key it was encrypted with (switchboard.credentials.keys.<id>), for rotation.
CREATE TABLE provider_credential (
    account_id      VARCHAR(64)  PRIMARY KEY,
    org_id          VARCHAR(128) NOT NULL,
    provider        VARCHAR(16)  NOT NULL,
    label           VARCHAR(64),
    credential_type VARCHAR(16)  NOT NULL,
    key_id          VARCHAR(32)  NOT NULL,
    nonce           BYTEA        NOT NULL CHECK (octet_length(nonce) = 12),
    ciphertext      BYTEA        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      VARCHAR(128) NOT NULL,
    encrypted_at    TIMESTAMPTZ  NOT NULL
);

-- an org's accounts in creation order (the list, keyset paging)
CREATE INDEX provider_credential_org ON provider_credential (org_id, created_at, account_id);
-- rotation: the rows not yet under the active key
CREATE INDEX provider_credential_key ON provider_credential (key_id, account_id);
