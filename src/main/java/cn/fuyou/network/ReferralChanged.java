package cn.fuyou.network;

import java.util.UUID;

/** Published when a referral is created or moves: the inboxes of both institutions refresh live. */
public record ReferralChanged(UUID referralId, UUID fromInstitutionId, UUID toInstitutionId, ReferralState state) {}
