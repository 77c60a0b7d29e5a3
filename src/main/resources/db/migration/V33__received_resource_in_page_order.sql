-- A search reads one page of her kept resources, not all of them: in (type, date, id) order straight from this
-- index, and counted from it. With only the unique (person_id, resource_type, source_id) index, a woman with
-- ~4,000 kept resources (the Synthea workload's largest) cost 15-20 ms of heap reads and a sort on every
-- $everything or Observation page, whichever page was asked for (issue 16 §8: p95 < 20 ms).
create index received_resource_page on received_resource (person_id, resource_type, effective, id);
