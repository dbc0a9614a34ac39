-- When each replica-wide scheduled job last started. Every replica schedules the job; the one whose claim updates
-- this row runs it, the others skip that round (persistence.JobRuns).
create table job_run (
    name        text        primary key,
    started_at  timestamptz not null
);
