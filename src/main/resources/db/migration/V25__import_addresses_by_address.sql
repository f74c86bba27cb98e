-- The addresses an import has met, keyed by the address first. Each chunk asks for a thousand of
-- them at once; keyed by the import first, PostgreSQL's generic plan for that query, made while
-- the table was still small and unanalysed, read every address of the import and compared each
-- with the thousand (a second a chunk by 100,000 rows). Keyed by the address, the only index
-- finds each one. The rows of an import under way are kept.
create table customer_import_address (
  email_index varchar(32) not null,
  import_id varchar(36) not null references customer_import (id) on delete cascade,
  row_number bigint not null,
  primary key (email_index, import_id)
);
insert into customer_import_address (email_index, import_id, row_number)
select email_index, import_id, row_number from customer_import_email;
drop table customer_import_email;
