-- A received resource is kept as the text it came in: json keeps it exactly (key order, spacing, numbers
-- as written), where jsonb rewrote it — and parsing into jsonb was half of PostgreSQL's cost per resource
-- in a bulk import (32,074 Synthea resources: 1.81 s into jsonb, 0.95 s into json with lz4; issue 16 §8).
alter table received_resource alter column resource type json using resource::json;

-- lz4 compresses the large ones (notes and reports as base64) several times faster than the default pglz;
-- a server built without lz4 keeps pglz.
do $$
begin
    alter table received_resource alter column resource set compression lz4;
exception when feature_not_supported or invalid_parameter_value then
    raise notice 'received_resource.resource: lz4 not available on this server, pglz kept';
end $$;
