-- Outbound sync to a voice platform (README, "Outbound sync to voice platforms"): what the platform-sync processor
-- knows of each held number, so that an assignment's events, which carry no platform references, reach the right
-- platform number. Rows are written by that processor only; a reset of it empties the table. Events it could not
-- deliver are parked in Axon's dead_letter_entry (V1_1), processing group 'platform-sync'.
CREATE TABLE platform_sync_number (
    number_id            VARCHAR(64) PRIMARY KEY,
    -- platformRefs.vapi of the number: its Vapi phone-number id; null when it has none (it is then not synced)
    vapi_phone_number_id VARCHAR(512),
    agent_id             VARCHAR(64)
);
