package cn.fuyou.maternal.rules;

/** The five-colour scale (NHC 2017): green < yellow < orange < red; purple is a separate flag. */
public enum RiskColour {
    GREEN, YELLOW, ORANGE, RED;

    /** The lowest institution level where a woman of this colour may receive care (§1 management table). */
    public int requiredLevel() {
        return switch (this) {
            case GREEN -> 1;
            case YELLOW -> 2;
            case ORANGE, RED -> 3;
        };
    }

    /** A stored colour (its name), or null when none is stored yet. */
    public static RiskColour parse(String name) {
        return name == null ? null : valueOf(name);
    }

    /** §1: orange and red need a district-level-or-above critical-care route and a dedicated case. */
    public boolean needsReferralToDesignatedCentre() {
        return this == ORANGE || this == RED;
    }

    public boolean needsDedicatedCase() {
        return this == ORANGE || this == RED;
    }
}
