package org.heteronym.member;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Reads a member's own account for the member page, and the status the forum login checks. */
@ApplicationScoped
public class MemberAccounts {

    @WithSession
    public Uni<Optional<MemberView>> view(String memberId) {
        return Member.<Member>findById(memberId).chain(member -> member == null
                ? Uni.createFrom().item(Optional.<MemberView>empty())
                : Passkey.count("memberId", memberId).map(count -> Optional.of(MemberView.of(member, count))));
    }

    /** The member as a forum login sees them, or empty if the account no longer exists. */
    @WithSession
    public Uni<Optional<LoginMember>> forLogin(String memberId) {
        return Member.<Member>findById(memberId).map(member -> Optional.ofNullable(member).map(LoginMember::of));
    }
}
