-- The mail-returns run that recorded a return, written in the transaction that acts on it: the
-- run's report counts from here, so a kill between that commit and the batch checkpoint loses
-- nothing from the totals. Null for the webhook's returns.
alter table mail_return add column execution_id bigint;
create index mail_return_execution_idx on mail_return (execution_id);
