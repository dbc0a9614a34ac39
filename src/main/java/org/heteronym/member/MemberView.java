package org.heteronym.member;

import java.time.LocalDate;
import org.heteronym.credential.Profession;

/** What the member page shows a signed-in member about their own account. */
public record MemberView(boolean active, String suspension, String profession, LocalDate sealedOn,
                         LocalDate checkedOn, long passkeys) {

    static MemberView of(Member member, long passkeys) {
        String why = member.suspension == null ? null : switch (member.suspension) {
            case LICENCE_REVOKED -> "Your licensing authority reports your licence or certificate as revoked or "
                    + "suspended. Forums cannot sign you in. When your licence is active again, prove it again to "
                    + "lift the suspension.";
        };
        return new MemberView(member.active(), why,
                Profession.valueOf(member.evidence.profession()).label(), member.sealedOn,
                member.checkedOn, passkeys);
    }
}
