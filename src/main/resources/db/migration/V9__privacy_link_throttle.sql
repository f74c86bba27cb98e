-- When the public form last sent a customer a link: one link per CUSTODIAN_REQUESTS_LINK_INTERVAL,
-- so the form cannot be used to flood someone's mailbox. Ids and a time only.
create table privacy_link (
  customer_id varchar(36) primary key references customer (id) on delete cascade,
  sent_at timestamp with time zone not null
);
