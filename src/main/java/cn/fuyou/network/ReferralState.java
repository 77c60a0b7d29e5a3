package cn.fuyou.network;

/** Where a referral stands (issue 6 §1). */
public enum ReferralState {
    REQUESTED, ACCEPTED, DECLINED, REDIRECTED, IN_TRANSIT, ARRIVED, COMPLETED, BACK_REFERRED, CLOSED;

    /** States after which the receiver no longer needs the woman's record. */
    public boolean endsAccess() {
        return this == DECLINED || this == REDIRECTED || this == CLOSED;
    }
}
