package org.heteronym.member;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.heteronym.credential.Profession;

/** Reads a member's own account for the member page, and the status the forum login checks. */
@ApplicationScoped
public class MemberAccounts {

    private final Pool pool;

    MemberAccounts(Pool pool) {
        this.pool = pool;
    }

    @WithSession
    public Uni<Optional<MemberView>> view(String memberId) {
        return Member.<Member>findById(memberId).chain(member -> member == null
                ? Uni.createFrom().item(Optional.<MemberView>empty())
                : Passkey.count("memberId", memberId).map(count -> Optional.of(MemberView.of(member, count))));
    }

    /**
     * The member as a forum login sees them, or empty if the account no longer exists. Every forum login asks this,
     * so it is one indexed read through the SQL client.
     */
    public Uni<Optional<LoginMember>> forLogin(String memberId) {
        return pool.preparedQuery("select status, profession, envelope from member where id = $1")
                .execute(Tuple.of(memberId))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.<LoginMember>empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new LoginMember(memberId,
                            Member.Status.ACTIVE.name().equals(row.getString("status")),
                            Profession.valueOf(row.getString("profession")), row.getBuffer("envelope").getBytes()));
                });
    }
}
