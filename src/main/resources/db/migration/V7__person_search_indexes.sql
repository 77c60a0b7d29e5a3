-- Measured with 1,000,000 persons: search by ID number did a sequential scan (the document index
-- leads with id_type), and a common name prefix sorted every match. A "C"-collated index serves
-- both the LIKE 'prefix%' and the ORDER BY, so a page is read in index order and stops early.
drop index person_name_prefix;
create index person_name_c on person ((full_name collate "C"), birth_date, id) where merged_into is null and voided_at is null;
create index person_id_number on person (id_number) where merged_into is null and voided_at is null;
create index person_changed on person (changed_at desc, id) where merged_into is null and voided_at is null;
