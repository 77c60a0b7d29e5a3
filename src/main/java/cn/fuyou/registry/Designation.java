package cn.fuyou.registry;

/** What the health commission has designated an institution to be. */
public enum Designation {
    CRITICAL_MATERNAL_CARE_CENTRE, CRITICAL_NEWBORN_CARE_CENTRE, ART_CENTRE, PRENATAL_DIAGNOSIS_CENTRE,
    INFANT_CARE_GUIDANCE_CENTRE,
    /** Qualified to treat foreign nationals (the Children's Hospital is the region's only one): routes such children. */
    FOREIGN_NATIONALS_CARE,
    /** A member institution of the ART centre's remote infertility workstation (issue 14): sends consultations and refers couples. */
    ART_REMOTE_WORKSTATION
}
