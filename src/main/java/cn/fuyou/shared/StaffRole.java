package cn.fuyou.shared;

/** What a staff member may do; the scope of what they may see comes from their institution or area. */
public enum StaffRole {
    CLINICIAN, MIDWIFE_NURSE, INSTITUTION_ADMIN, REGIONAL_OFFICIAL, SYSTEM_ADMIN;

    public boolean isAdmin() {
        return this == INSTITUTION_ADMIN || this == SYSTEM_ADMIN;
    }
}
