-- Bulk import of FHIR Bundles / NDJSON: a job per directory, a row per file, so that a crashed
-- import resumes where it stopped without duplicates (finished files are skipped; every create
-- is also conditional on the source identifier).
create table import_job (
    id              uuid primary key,
    directory       text not null,
    institution_id  uuid not null references institution (id),
    status          text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    files_total     int not null default 0,
    files_done      int not null default 0,
    files_rejected  int not null default 0,
    resources_done  bigint not null default 0,
    started_at      timestamptz not null default now(),
    finished_at     timestamptz,
    started_by      text not null,
    message         text
);

create table import_file (
    job_id      uuid not null references import_job (id),
    file_name   text not null,
    size_bytes  bigint not null,
    status      text not null check (status in ('DONE', 'REJECTED')),
    resources   int not null default 0,
    reason      text,
    done_at     timestamptz not null default now(),
    primary key (job_id, file_name)
);
create index import_file_name on import_file (file_name, size_bytes, status);
