-- One identity for every message the delivery pipeline sends, whatever job sent it: a key from one
-- shared sequence on each delivery table (campaign messages, renewal reminders, notices). The
-- envelope sender (VERP) names it, so a returned email maps back to its message and row.
create sequence mail_message_key;

alter table delivery add column message_key bigint default nextval('mail_message_key');
update delivery set message_key = nextval('mail_message_key') where message_key is null;
alter table delivery alter column message_key set not null;
alter table delivery add constraint delivery_message_key_uq unique (message_key);

alter table renewal_reminder add column message_key bigint default nextval('mail_message_key');
update renewal_reminder set message_key = nextval('mail_message_key') where message_key is null;
alter table renewal_reminder alter column message_key set not null;
alter table renewal_reminder add constraint renewal_reminder_message_key_uq unique (message_key);

alter table notice_delivery add column message_key bigint default nextval('mail_message_key');
update notice_delivery set message_key = nextval('mail_message_key') where message_key is null;
alter table notice_delivery alter column message_key set not null;
alter table notice_delivery add constraint notice_delivery_message_key_uq unique (message_key);
