package cn.fuyou.training;

/** What a health worker who trains does: the audiences a course is for. */
public enum Profession {
    MIDWIFE, OBSTETRICIAN, NURSE, PAEDIATRICIAN, NEONATOLOGIST, COMMUNITY_DOCTOR, NURSERY_CARER, ART_SPECIALIST, RESIDENT, OTHER
}
