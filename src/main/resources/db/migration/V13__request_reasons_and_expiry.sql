-- What the person is told of a refusal, apart from staff's own reason (refusal_reason): a legal
-- hold's reason stays with staff. AES-GCM ciphertext like the other reasons; null: the person is
-- told the standard text.
alter table privacy_request add column reason_for_person bytea;

-- A refusal made before this column existed told the person its reason, except an erasure refused
-- under legal hold, which keeps null (the standard text) from now on. The two are told apart by
-- their audit entries: '<id> <type>' for a refusal by staff, '<id> ERASURE legal hold' for a hold.
update privacy_request set reason_for_person = refusal_reason
 where status = 'REFUSED'
   and refusal_reason is not null
   and id || ' ' || type in
       (select detail from audit_entry where action = 'PRIVACY_REQUEST_REFUSED');

-- Closed requests are deleted CUSTODIAN_REQUESTS_RETENTION after they were closed, with the emails
-- about them still queued.
create index privacy_request_closed_idx on privacy_request (completed_at);
create index privacy_notice_request_idx on privacy_notice (request_id);
