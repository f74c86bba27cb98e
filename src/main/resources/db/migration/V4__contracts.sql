-- Contracts and their end dates; a reference and a service name, nothing personal.
create table contract (
  id varchar(36) primary key,
  customer_id varchar(36) not null references customer (id) on delete cascade,
  reference varchar(100) not null,
  service varchar(200) not null,
  starts_on date not null,
  ends_on date not null,
  ended_on date,
  created_at timestamp with time zone not null,
  constraint contract_reference_unique unique (customer_id, reference)
);
create index contract_customer_idx on contract (customer_id, starts_on);
create index contract_ends_idx on contract (ends_on);
