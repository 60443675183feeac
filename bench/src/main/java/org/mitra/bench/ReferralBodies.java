package org.mitra.bench;

import java.time.Instant;
import java.util.UUID;

/**
 * Bodies of referrals as a caseworker's app sends them: sent at once (REQUESTED, so the directory's demand follows),
 * with the survivor's profile, a note and, when asked, an identity for the vault. The identity is made up per request
 * (no real person), and the consent names the receiver.
 */
final class ReferralBodies {
    private ReferralBodies() {
    }

    static String named(UUID receiver, boolean identity) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        return """
                {"receivingOrganizationId":"%1$s","categoryCode":"street-children-outreach","regionCode":"5171",\
                "urgency":"HIGH","submit":true,"note":"Benchmark referral %2$s",\
                "profile":{"ageBand":"12-17","gender":"FEMALE"},%3$s\
                "consent":{"consentedBy":"SUBJECT","consentedAt":"%4$s","mayContact":%5$s,\
                "shares":["PROFILE",%6$s"NOTE"],"sharedWith":["%1$s"]}}"""
                .formatted(receiver, marker,
                        identity ? "\"identity\":{\"fullName\":\"Bench Person " + marker + "\",\"contact\":\"+62 812 0000 0000\"}," : "",
                        Instant.now().minusSeconds(3600), identity, identity ? "\"IDENTITY\"," : "");
    }
}
