-- Privacy requests of the person. A request keeps the customer's id only, with no foreign key:
-- it is the proof that the duty was kept and outlives an erasure or purge of the person.
-- Free texts written by staff (evidence, reasons) are AES-GCM ciphertext (bytea).
create table privacy_request (
  id varchar(36) primary key,
  customer_id varchar(36) not null,
  type varchar(20) not null,
  channel varchar(12) not null,
  status varchar(24) not null,
  received_at timestamp with time zone not null,
  acknowledge_by date not null,
  due_by date not null,
  extended boolean not null default false,
  extension_reason bytea,
  processors_involved boolean not null default false,
  acknowledged_at timestamp with time zone,
  verification_method varchar(20),
  verified_at timestamp with time zone,
  verified_by varchar(100),
  verification_evidence bytea,
  code_hash varchar(64),
  code_expires_at timestamp with time zone,
  code_attempts integer not null default 0,
  suspended boolean not null default false,
  suspension_reason bytea,
  refusal_reason bytea,
  completed_at timestamp with time zone,
  created_at timestamp with time zone not null,
  version bigint not null default 0
);
create index privacy_request_customer_idx on privacy_request (customer_id);
create index privacy_request_due_idx on privacy_request (status, due_by);

-- Emails about privacy requests, queued in the transaction of the change they tell of and sent
-- after its commit. No foreign key either: the completion notice of an erasure must survive it,
-- and only that notice keeps the address (encrypted) until it is sent.
create table privacy_notice (
  id varchar(36) primary key,
  request_id varchar(36),
  customer_id varchar(36) not null,
  kind varchar(20) not null,
  erased_address bytea,
  erased_locale varchar(5),
  created_at timestamp with time zone not null,
  attempts integer not null default 0,
  next_attempt_at timestamp with time zone not null
);
create index privacy_notice_due_idx on privacy_notice (next_attempt_at);
