-- The disclosure log: what went to whom, on which legal basis. The recipient is an organisation and
-- the reference its case or contract number: nothing personal beyond the customer's id.
create table disclosure (
  id varchar(36) primary key,
  customer_id varchar(36) not null references customer (id) on delete cascade,
  recipient varchar(200) not null,
  legal_basis varchar(32) not null,
  -- canonical DataCategory names, comma-separated
  data_categories varchar(400) not null,
  reference varchar(200),
  disclosed_at timestamp with time zone not null,
  recorded_at timestamp with time zone not null,
  recorded_by varchar(64) not null,
  -- the ledger event that granted THIRD_PARTY_SHARING, for a disclosure on consent
  consent_event_id varchar(36)
);
create index disclosure_customer_idx on disclosure (customer_id, disclosed_at);
