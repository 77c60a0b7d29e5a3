-- issue 16 item 5: a birth weight far outside its gestational age's reference is kept only with the
-- clinician's explicit confirmation, and the record keeps the reason.
alter table newborn add column implausible_reason text;
