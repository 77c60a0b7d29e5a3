package cn.fuyou.hospital;

/** What a bed is for: general paediatric, paediatric intensive care, neonatal intensive care by level, isolation. */
public enum BedType {
    GENERAL, PICU, NICU_I, NICU_II, NICU_III, ISOLATION;

    public boolean neonatal() {
        return this == NICU_I || this == NICU_II || this == NICU_III;
    }
}
