-- Purposes ticked on the public preference page wait for the person to open the link emailed to
-- the address; the consent events then name the confirmation as their evidence.
create table consent_confirmation (
  id varchar(36) primary key,
  customer_id varchar(36) not null references customer (id) on delete cascade,
  purposes varchar(200) not null,
  requested_at timestamp with time zone not null,
  expires_at timestamp with time zone not null,
  confirmed_at timestamp with time zone
);
create index consent_confirmation_customer_idx on consent_confirmation (customer_id, requested_at);

-- The email that carries a confirmation link is queued like the other consent emails.
alter table consent_notice add column confirmation_id varchar(36)
  references consent_confirmation (id) on delete cascade;
alter table consent_notice alter column purpose drop not null;

-- One audit entry per customer, public page and hour, however often a link is opened.
create table link_view (
  customer_id varchar(36) not null references customer (id) on delete cascade,
  page varchar(80) not null,
  view_hour timestamp with time zone not null,
  primary key (customer_id, page, view_hour)
);

-- Every submission of the public privacy form, whether or not a customer has the address, so the
-- answer costs the same either way; the address is matched after the answer has gone. Only the
-- address's blind index is kept, for a day.
create table privacy_submission (
  id varchar(36) primary key,
  email_index varchar(32) not null,
  submitted_at timestamp with time zone not null,
  processed_at timestamp with time zone
);
create index privacy_submission_address_idx on privacy_submission (email_index, submitted_at);
create index privacy_submission_pending_idx on privacy_submission (processed_at, submitted_at);
