-- What came back: one row per returned email (or webhook report), recorded in the same transaction
-- as its actions, so each is acted on once whatever restarts happen. The classification, the status
-- code and a redacted diagnostic only: never the returned body.
create table mail_return (
  id varchar(36) primary key,
  source varchar(10) not null,
  source_id varchar(300) not null,
  kind varchar(20) not null,
  status_code varchar(16),
  diagnostic varchar(200),
  message_key bigint,
  customer_id varchar(36) references customer (id) on delete set null,
  suppressed boolean not null default false,
  received_at timestamp with time zone not null,
  constraint mail_return_source_uq unique (source, source_id)
);
create index mail_return_message_idx on mail_return (message_key);
create index mail_return_customer_idx on mail_return (customer_id, received_at);
