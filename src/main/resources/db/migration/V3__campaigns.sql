-- Newsletter campaigns. Bodies are Mustache templates; nothing personal is stored here.
create table campaign (
  id varchar(36) primary key,
  name varchar(200) not null,
  purpose varchar(32) not null,
  advertising boolean not null,
  subject varchar(300) not null,
  text_body text not null,
  html_body text,
  status varchar(16) not null,
  created_at timestamp with time zone not null,
  created_by varchar(64) not null,
  -- the execution that last ran (or runs) the newsletter-send job for this campaign
  execution_id bigint,
  -- the audience as the last run left it (see CampaignTally)
  skipped_no_consent bigint not null default 0,
  skipped_suppressed bigint not null default 0,
  deferred bigint not null default 0,
  tallied_at timestamp with time zone
);

-- One row per (campaign, customer): committed as PENDING before the SMTP hand-off, then SENT,
-- FAILED (rejected for good) or UNCERTAIN (in flight when a process died; never re-sent unless an
-- operator asks). consent_event_id is the ledger event that authorised the message.
create table delivery (
  campaign_id varchar(36) not null references campaign (id),
  customer_id varchar(36) not null references customer (id) on delete cascade,
  status varchar(16) not null,
  advertising boolean not null,
  consent_event_id varchar(36),
  attempted_at timestamp with time zone not null,
  sent_at timestamp with time zone,
  message_id varchar(100),
  failure varchar(200),
  primary key (campaign_id, customer_id)
);
create index delivery_status_idx on delivery (campaign_id, status);
-- the rolling 24-hour cap on advertising per address (Decree 91/2020)
create index delivery_recent_idx on delivery (customer_id, attempted_at);
