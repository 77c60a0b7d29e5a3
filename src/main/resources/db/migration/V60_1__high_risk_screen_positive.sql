-- Issue 18: a positive newborn screen puts the child on the high-risk infant list (childhealth's list;
-- the births module adds the reason through ChildHealth.flagHighRisk). Other modules adding a reason:
-- keep every value below.
alter table high_risk_infant drop constraint high_risk_infant_reason_check;
alter table high_risk_infant add constraint high_risk_infant_reason_check check (reason in (
    'PRETERM', 'LOW_BIRTH_WEIGHT', 'NICU_GRADUATE', 'BIRTH_DEFECT', 'PMTCT_EXPOSED', 'GROWTH_FALTERING',
    'NEWBORN_SCREEN_POSITIVE'));
