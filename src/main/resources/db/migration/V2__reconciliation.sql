-- The batch verifier's runs, its progress by partition and its findings. A run is identified by
-- the Jakarta Batch job instance of its first start (run_id); every write of a chunk (repairs,
-- findings, partition position) commits in one transaction, so a stopped or killed run resumes
-- from exactly what it committed.
create table reconciliation_run (
    run_id      bigint                   not null primary key,
    mode        varchar(10)              not null,
    total       bigint                   not null,
    parameters  varchar(2000)            not null,
    started_at  timestamp with time zone not null,
    -- persons checked when the current execution began: the rate counts only its own work
    checked_at_resume bigint             not null,
    resumed_at  timestamp with time zone not null,
    ended_at    timestamp with time zone,
    end_status  varchar(20),
    -- why the run failed, for its report (an upstream refusal, the error budget)
    failure     varchar(400)
);

create table reconciliation_partition (
    run_id          bigint                   not null,
    partition_no    integer                  not null,
    lower_exclusive varchar(11)              not null,
    upper_inclusive varchar(11)              not null,
    last_pid        varchar(11)              not null,
    checked         bigint                   not null,
    updated_at      timestamp with time zone not null,
    primary key (run_id, partition_no)
);

create sequence discrepancy_seq increment by 1;
create table discrepancy (
    id                  bigint       not null primary key,
    run_id              bigint       not null,
    personidentifikator varchar(11)  not null,
    kind                varchar(30)  not null,
    local_value         varchar(400),
    upstream_value      varchar(400),
    action              varchar(20)  not null,
    detail              varchar(400)
);
create unique index discrepancy_once on discrepancy (run_id, personidentifikator, kind);
create index discrepancy_by_run_kind on discrepancy (run_id, kind, id);

-- At most one run at a time across every instance sharing the database: one row, taken by a
-- run and given back at its end; a holder that stopped beating (a killed server) loses it.
create table reconciliation_lock (
    id           integer                  not null primary key,
    run_id       bigint,
    holder       varchar(100),
    heartbeat_at timestamp with time zone
);
insert into reconciliation_lock (id) values (1);

-- Which job execution worked on which run. The batch runtime's own repository may not survive a
-- crash (on the embedded setup it lives in Payara's runtime directory); this lets a restart by
-- execution id find its run all the same.
create table reconciliation_execution (
    execution_id bigint                   not null primary key,
    run_id       bigint                   not null,
    started_at   timestamp with time zone not null
);
