-- Who stopped or restarted a job execution, and when (the history of a job's report). Who is
-- written as the job parameter startedBy is: sub=<sub>;client_id=<client_id>.
create sequence job_action_seq increment by 1;
create table job_action (
    id                  bigint                   not null primary key,
    execution_id        bigint                   not null,
    action              varchar(16)              not null,
    actor               varchar(4800)            not null,
    acted_at            timestamp with time zone not null,
    result_execution_id bigint
);
create index job_action_execution on job_action (execution_id);
create index job_action_result on job_action (result_execution_id);
