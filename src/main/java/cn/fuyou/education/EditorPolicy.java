package cn.fuyou.education;

import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;

/**
 * Who edits and publishes the library (issue 12 §2): the staff of the provincial centre (CQHCWC by
 * default, {@code fuyou.education.editor-institution}) other than officials, and system admins.
 * Every staff member reads published items; drafts are for editors.
 */
public record EditorPolicy(String editorInstitutionCode) {

    public boolean mayEdit(Actor actor) {
        if (actor == null || actor.role() == null) return false;
        if (actor.role() == StaffRole.SYSTEM_ADMIN) return true;
        return actor.role() != StaffRole.REGIONAL_OFFICIAL && editorInstitutionCode.equals(actor.institutionCode());
    }

    /** Assigning an item to a woman is care: clinicians and midwives/nurses. */
    public boolean mayAssign(Actor actor) {
        return actor != null && (actor.role() == StaffRole.CLINICIAN || actor.role() == StaffRole.MIDWIFE_NURSE);
    }
}
