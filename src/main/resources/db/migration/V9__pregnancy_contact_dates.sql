-- Measured: an institution's worklist (5,000+ open pregnancies) spent its time gathering each
-- pregnancy's contact dates from 2,000,000 contacts. The dates are kept on the pregnancy too,
-- written in the same transaction as each contact.
alter table pregnancy add column contact_dates date[] not null default '{}';
update pregnancy p set contact_dates = coalesce((select array_agg(c.contact_date order by c.contact_date)
                                                   from antenatal_contact c where c.pregnancy_id = p.id and c.voided_at is null), '{}');
