-- Every search of the resources kept as received is one person's (fuyou answers no code or date search across
-- people: PatientSearch requires patient or subject), so the unique (person_id, resource_type, source_id) index
-- finds them and her few hundred rows are filtered and sorted in memory. The other three indexes only cost
-- each import: 32,074 Synthea resources took 2.3–3.0 s to insert with them, 1.65–2.3 s without (issue 16 §8).
drop index if exists received_resource_patient;
drop index if exists received_resource_codes;
drop index if exists received_resource_updated;
