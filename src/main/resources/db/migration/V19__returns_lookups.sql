-- A returned email that names no VERP token maps to its message by the original's Message-ID.
create index delivery_message_id_idx on delivery (message_id);
create index renewal_reminder_message_id_idx on renewal_reminder (message_id);
create index notice_delivery_message_id_idx on notice_delivery (message_id);
