-- Chunks commit their own work in a local transaction before the batch checkpoint (no two-phase
-- commit): the import's position and counts live here, beside the persons they describe, so a
-- restart goes on after the last committed chunk and the report counts only what was committed.
create table import_position (
    job_instance_id bigint                   not null primary key,
    line_number     bigint                   not null,
    lines_read      bigint                   not null,
    written         bigint                   not null,
    added           bigint                   not null,
    changed         bigint                   not null,
    failure         varchar(500),
    updated_at      timestamp with time zone not null
);

-- Which import an execution works on, with its parameters: the batch runtime's repository may die
-- with its server, and another server must still be able to resume the import (ImportIds).
create table import_execution (
    execution_id bigint                   not null primary key,
    import_id    bigint                   not null,
    file         varchar(1000)            not null,
    lines        bigint                   not null,
    chunk_size   integer                  not null,
    started_at   timestamp with time zone not null
);
create index import_execution_by_import on import_execution (import_id);

-- Imports and repairs are audited too: who started the job that made a change.
alter table person_audit add column started_by varchar(300);

-- (the audit sequence moves to blocks of 50 in the Java migration V3_1, no.krr.platform.AuditIdsInBlocks)

-- The version of the person a finding was made against, so a held repair applied later can tell
-- whether the person changed in between.
alter table discrepancy add column person_version bigint;
