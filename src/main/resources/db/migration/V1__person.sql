-- The register's person record (domain.md §1). Column names are the register's own.
create table person (
    personidentifikator                varchar(11)  not null primary key,
    status                             varchar(20)  not null,
    reservasjon                        varchar(3),
    reservasjonstidspunkt              timestamp with time zone,
    reservasjon_oppdatert              timestamp with time zone,
    varslingsstatus                    varchar(20),
    epostadresse                       varchar(320),
    epostadresse_oppdatert             timestamp with time zone,
    epostadresse_sist_verifisert       timestamp with time zone,
    epostadresse_sist_validert         timestamp with time zone,
    epostadresse_duplisert             varchar(3),
    mobiltelefonnummer                 varchar(20),
    mobiltelefonnummer_oppdatert       timestamp with time zone,
    mobiltelefonnummer_sist_verifisert timestamp with time zone,
    mobiltelefonnummer_sist_validert   timestamp with time zone,
    mobiltelefonnummer_duplisert       varchar(3),
    postkasseadresse                   varchar(255),
    postkasseleverandoeradresse        varchar(9),
    sertifikat                         varchar(16384),
    spraak                             varchar(2),
    spraak_oppdatert                   timestamp with time zone,
    version                            bigint       not null
);

-- Lines an import skipped, with the reason (the import job's report). Keyed by the job instance,
-- so a restarted execution adds to the same report.
create table import_skip (
    job_instance_id bigint       not null,
    line_number     bigint       not null,
    reason          varchar(500) not null,
    primary key (job_instance_id, line_number)
);

-- How far a running job has come. Jakarta Batch publishes step metrics only when a step ends;
-- jobs record their progress here after each chunk, so any instance can report it while it runs.
create table job_progress (
    execution_id bigint                   not null primary key,
    done         bigint                   not null,
    total        bigint                   not null,
    updated_at   timestamp with time zone not null
);

-- Every change of a person's data that a citizen or a job made: who, when, what before and after.
-- ids come from a sequence (EclipseLink's identity support does not speak H2 2.x)
create sequence person_audit_seq increment by 1;
create table person_audit (
    id                  bigint                   not null primary key,
    personidentifikator varchar(11)              not null,
    field               varchar(40)              not null,
    old_value           varchar(320),
    new_value           varchar(320),
    changed_at          timestamp with time zone not null,
    actor               varchar(40)              not null,
    client_id           varchar(200),
    consumer_orgno      varchar(20),
    acr                 varchar(60),
    jti                 varchar(200),
    job_execution_id    bigint
);
create index person_audit_by_person on person_audit (personidentifikator, changed_at);
