-- Which node runs each job execution, written when the execution starts: an execution is orphaned
-- only when its node has left the cluster. taken_over_by is the compare-and-set that lets exactly
-- one surviving node continue an orphan (as successor_id); the old runner, should it still be
-- alive after all, reads it before each chunk and stops.
create table job_node (
  execution_id bigint primary key,
  job_name varchar(100) not null,
  node_id varchar(64) not null,
  node_name varchar(200) not null,
  started_at timestamp with time zone not null,
  ended_at timestamp with time zone,
  taken_over_by varchar(64),
  taken_over_at timestamp with time zone,
  successor_id bigint
);
create index job_node_job_idx on job_node (job_name, ended_at);
