-- Renewal reminders: one row per (contract, offset in days), with the lifecycle of a campaign's
-- delivery row: PENDING committed before the SMTP hand-off, then SENT, FAILED or UNCERTAIN.
create table renewal_reminder (
  contract_id varchar(36) not null references contract (id) on delete cascade,
  offset_days integer not null,
  customer_id varchar(36) not null references customer (id) on delete cascade,
  execution_id bigint not null,
  status varchar(16) not null,
  consent_event_id varchar(36),
  attempted_at timestamp with time zone not null,
  sent_at timestamp with time zone,
  message_id varchar(100),
  failure varchar(200),
  primary key (contract_id, offset_days)
);
create index renewal_reminder_customer_idx on renewal_reminder (customer_id);
create index renewal_reminder_execution_idx on renewal_reminder (execution_id, status);

-- What stays of a purged or erased person: the id, when, and the rule that applied. Ids only.
create table tombstone (
  customer_id varchar(36) primary key,
  deleted_at timestamp with time zone not null,
  rule varchar(40) not null,
  execution_id bigint
);
create index tombstone_execution_idx on tombstone (execution_id, customer_id);

-- What a dry run of the retention purge found: who would go, by which rule. Ids only.
create table purge_preview (
  execution_id bigint not null,
  customer_id varchar(36) not null,
  rule varchar(40) not null,
  primary key (execution_id, customer_id)
);
create index purge_preview_customer_idx on purge_preview (customer_id);

-- Deleting a customer deletes their queued confirmation emails: look them up by customer.
create index consent_notice_customer_idx on consent_notice (customer_id);

-- The nightly run takes a lease per (job, night) before it starts the job; the node that inserts
-- the row runs it, every other node finds it taken. finished_at tells that the next job may start.
create table nightly_lease (
  job_name varchar(40) not null,
  night date not null,
  node varchar(200) not null,
  taken_at timestamp with time zone not null,
  execution_id bigint,
  finished_at timestamp with time zone,
  primary key (job_name, night)
);

-- When this database was set up: a night before that was not missed.
create table installation (
  id integer primary key,
  installed_at timestamp with time zone not null
);
insert into installation (id, installed_at) values (1, current_timestamp);


-- Campaign totals outlive the people they counted: when customers are deleted, their delivery rows
-- go and their number per (campaign, status) is added here. No customer ids.
create table delivery_erased (
  campaign_id varchar(36) not null references campaign (id),
  status varchar(16) not null,
  messages bigint not null
);
create index delivery_erased_campaign_idx on delivery_erased (campaign_id);
