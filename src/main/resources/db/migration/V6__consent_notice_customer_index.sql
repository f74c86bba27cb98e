-- Deleting a customer (retention purge, erasure) cascades to consent_notice through its
-- customer_id, once per deleted customer: without an index each of those is a scan of every
-- pending notice. The queue is short while mail flows, but grows during a relay outage; with
-- 20,000 pending notices, a purge chunk of 500 customers spent 0.9 s scanning them (3 ms with
-- this index).
create index consent_notice_customer_idx on consent_notice (customer_id);
