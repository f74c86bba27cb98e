-- Each node's heartbeat, written by the database's clock every sixth of CUSTODIAN_NODE_TIMEOUT:
-- a node that was never a member of this node's data grid (it runs alone on the same database)
-- is alive while its heartbeat is fresh; a member the grid lost is gone at once.
create table node_heartbeat (
  node_id varchar(64) primary key,
  node_name varchar(200) not null,
  seen_at timestamp with time zone not null
);
