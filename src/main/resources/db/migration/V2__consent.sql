-- The consent ledger: every claim of consent or withdrawal is an event, never rewritten.
-- A claim that was recorded but not applied (the address is suppressed) keeps applied = false.
create table consent_event (
  id varchar(36) primary key,
  customer_id varchar(36) not null references customer (id) on delete cascade,
  purpose varchar(32) not null,
  granted boolean not null,
  applied boolean not null,
  not_applied_reason varchar(32),
  at timestamp with time zone not null,
  actor varchar(64) not null,
  source varchar(100) not null,
  policy_version varchar(50),
  evidence bytea
);
create index consent_event_customer_idx on consent_event (customer_id, at, id);

-- Current state per purpose, derived from the ledger in the transaction that appends to it.
create table consent_state (
  customer_id varchar(36) not null references customer (id) on delete cascade,
  purpose varchar(32) not null,
  granted boolean not null,
  since timestamp with time zone not null,
  event_id varchar(36) not null,
  primary key (customer_id, purpose)
);
create index consent_state_purpose_idx on consent_state (purpose, granted, customer_id);

-- Addresses that must not be mailed, as blind indexes (never the address). Scope is a purpose
-- or ALL.
create table suppression (
  address_index varchar(32) not null,
  scope varchar(32) not null,
  reason varchar(20) not null,
  at timestamp with time zone not null,
  primary key (address_index, scope)
);

-- Confirmation emails waiting to go out; rendered at send time, so no personal data waits here.
create table consent_notice (
  id varchar(36) primary key,
  customer_id varchar(36) not null references customer (id) on delete cascade,
  kind varchar(20) not null,
  purpose varchar(32) not null,
  created_at timestamp with time zone not null,
  attempts integer not null default 0,
  next_attempt_at timestamp with time zone not null
);
create index consent_notice_due_idx on consent_notice (next_attempt_at);
