-- Personal data columns are AES-GCM ciphertext (bytea); lookups go through HMAC blind indexes.
create table account (
  id varchar(36) primary key,
  username varchar(64) not null,
  password_hash varchar(200) not null,
  roles varchar(200) not null,
  failed_logins integer not null default 0,
  locked_until timestamp with time zone,
  created_at timestamp with time zone not null,
  constraint account_username_unique unique (username)
);

create table customer (
  id varchar(36) primary key,
  full_name bytea not null,
  email bytea not null,
  email_index varchar(32) not null,
  phone bytea,
  phone_index varchar(32),
  address bytea,
  organization bytea,
  job_title bytea,
  fax bytea,
  locale varchar(2) not null,
  source varchar(100),
  legal_hold_reason bytea,
  created_at timestamp with time zone not null,
  updated_at timestamp with time zone not null,
  version bigint not null,
  constraint customer_email_unique unique (email_index)
);
create index customer_phone_idx on customer (phone_index);
create index customer_created_idx on customer (created_at, id);

create table customer_name_word (
  customer_id varchar(36) not null references customer (id) on delete cascade,
  word_index varchar(32) not null,
  primary key (customer_id, word_index)
);
create index customer_name_word_idx on customer_name_word (word_index);

-- Ids only: audit entries outlive the customers they mention. An entry is written in the
-- transaction of the act it records; the sealer then gives it its place (seq) in the hash chain.
create table audit_entry (
  id varchar(36) primary key,
  seq bigint,
  at timestamp with time zone not null,
  actor varchar(64) not null,
  action varchar(64) not null,
  customer_id varchar(36),
  detail varchar(500),
  previous_hash varchar(64),
  hash varchar(64),
  constraint audit_entry_seq_unique unique (seq)
);
create index audit_entry_at_idx on audit_entry (at, id);
create index audit_entry_customer_idx on audit_entry (customer_id, at);
create index audit_entry_actor_idx on audit_entry (actor, at);
create index audit_entry_action_idx on audit_entry (action, at);

-- The end of the chain: the sealer locks this single row, so the chain never forks.
create table audit_chain_head (
  id integer primary key,
  last_seq bigint not null,
  last_hash varchar(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
