-- CDS Hooks 2.0: registered EMR clients sign their calls with a JWT; we keep their public keys (JWK Set).
create table cds_client (
    id             uuid primary key,
    iss            text not null unique,
    name           text not null,
    institution_id uuid not null references institution (id),
    jwks           jsonb not null,
    created_at     timestamptz not null default now(),
    created_by     text not null,
    revoked_at     timestamptz
);
