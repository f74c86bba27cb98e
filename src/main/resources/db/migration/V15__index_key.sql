-- Blind indexes move from a sub-key of CUSTODIAN_TOKEN_KEY to CUSTODIAN_INDEX_KEY; version 16
-- recomputes them. A suppression entry of an address that no live customer has (an erased person's)
-- cannot be recomputed, since only its old index exists: it keeps that value, marked legacy, and is
-- moved to the new index the first time the address is seen again.
alter table suppression add column legacy boolean default false not null;

-- The old index key, AES-GCM ciphertext under CUSTODIAN_PII_KEY (pii-reencrypt rewrites it like any
-- other encrypted value), kept only while legacy entries may need it: a later change of the token
-- key cannot lose them.
create table legacy_index_key (
  id varchar(36) primary key,
  key_value bytea not null
);
