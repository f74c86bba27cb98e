-- A bulk import of customers from an uploaded CSV file (kept encrypted in the data directory until
-- the import ends). rows_done is the checkpoint: the data rows handled so far, written in the same
-- transaction as their customers, consents and counts, so a restart after a crash goes on from
-- exactly there. Counts and ids only: never a value from the file.
create table customer_import (
  id varchar(36) primary key,
  execution_id bigint,
  mode varchar(10) not null,
  dry_run boolean not null,
  status varchar(20) not null,
  actor varchar(64) not null,
  created_at timestamp with time zone not null,
  ended_at timestamp with time zone,
  rows_done bigint not null default 0,
  created bigint not null default 0,
  updated bigint not null default 0,
  unchanged bigint not null default 0,
  rejected bigint not null default 0,
  consents_recorded bigint not null default 0,
  consents_not_applied bigint not null default 0,
  errors_kept integer not null default 0
);

-- The first 1,000 problems of an import: where (row, column) and which rule, never the value.
create table customer_import_error (
  import_id varchar(36) not null references customer_import (id) on delete cascade,
  row_number bigint not null,
  field varchar(64) not null,
  message varchar(200) not null,
  primary key (import_id, row_number, field)
);

-- The email addresses (as blind indexes) an import has met so far, with the row that claimed each:
-- a later row with the same address is a duplicate, dry run or not. Emptied when the import ends.
create table customer_import_email (
  import_id varchar(36) not null references customer_import (id) on delete cascade,
  email_index varchar(32) not null,
  row_number bigint not null,
  primary key (import_id, email_index)
);

-- A bulk export of the live customers to an encrypted CSV file in the data directory, downloadable
-- once before expires_at, then deleted.
create table customer_export (
  id varchar(36) primary key,
  execution_id bigint,
  status varchar(20) not null,
  actor varchar(64) not null,
  created_at timestamp with time zone not null,
  ended_at timestamp with time zone,
  customers bigint not null default 0,
  expires_at timestamp with time zone,
  downloaded_at timestamp with time zone
);
