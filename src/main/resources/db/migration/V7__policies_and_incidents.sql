-- Versions of the privacy policy. The version in force on a day is the one with the latest
-- effective_on not after it; consent events recorded without a version name that one.
create table policy_version (
  version varchar(40) primary key,
  effective_on date not null,
  summary_vi varchar(4000) not null,
  summary_en varchar(4000) not null,
  adverse boolean not null,
  created_at timestamp with time zone not null,
  created_by varchar(64) not null,
  -- the execution that last ran (or runs) the policy-notice job for this version
  notified_execution_id bigint
);
create index policy_version_effective_idx on policy_version (effective_on);

-- The breach register (Decree 13/2023 art. 23, GDPR art. 33/34). No personal data: the people
-- affected are ids in incident_customer, and their number is kept here so the authority report
-- stays right after some of them are erased.
create table incident (
  id varchar(36) primary key,
  detected_at timestamp with time zone not null,
  description varchar(4000) not null,
  -- canonical DataCategory names, comma separated
  data_categories varchar(400) not null,
  nature varchar(4000),
  likely_consequences varchar(4000),
  measures_taken varchar(4000),
  delay_reason varchar(4000),
  affected_customers integer not null,
  reported_at timestamp with time zone,
  created_at timestamp with time zone not null,
  created_by varchar(64) not null,
  -- the execution that last ran (or runs) the breach-notice job for this incident
  notified_execution_id bigint
);
create index incident_detected_idx on incident (detected_at);

create table incident_customer (
  incident_id varchar(36) not null references incident (id),
  customer_id varchar(36) not null references customer (id) on delete cascade,
  primary key (incident_id, customer_id)
);
create index incident_customer_customer_idx on incident_customer (customer_id);

-- Policy and breach notices: one row per (kind, reference, customer), with the lifecycle of a
-- campaign's delivery row: PENDING committed before the SMTP hand-off, then SENT, FAILED or
-- UNCERTAIN (in flight when a process died; never re-sent). reference is the policy version or
-- the incident id.
create table notice_delivery (
  kind varchar(16) not null,
  reference varchar(40) not null,
  customer_id varchar(36) not null references customer (id) on delete cascade,
  execution_id bigint not null,
  status varchar(16) not null,
  attempted_at timestamp with time zone not null,
  sent_at timestamp with time zone,
  message_id varchar(100),
  failure varchar(200),
  primary key (kind, reference, customer_id)
);
create index notice_delivery_customer_idx on notice_delivery (customer_id);
create index notice_delivery_execution_idx on notice_delivery (execution_id, status);
