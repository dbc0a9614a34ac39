package org.heteronym.oidc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.heteronym.credential.Profession;
import org.heteronym.crypto.pseudonym.Pseudonym;
import org.heteronym.escrow.PseudonymEnvelopes;
import org.heteronym.forum.Forum;
import org.heteronym.forum.Pseudonyms;
import org.heteronym.member.LoginMember;

/**
 * The authorization step for a signed-in member: the forum's policy, consent once per forum, the first login's
 * pseudonym row (with its envelope and log entry, {@link PseudonymEnvelopes#ensure}), and the code.
 *
 * <p>Consent is remembered by the pseudonym row itself: it exists only because the member once agreed to log in to
 * this forum, and keeping a separate consent record would be one more table pairing a forum with a login time.
 */
@ApplicationScoped
public class ForumLogins {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pseudonyms pseudonyms;
    private final PseudonymEnvelopes envelopes;
    private final AuthorizationCodes codes;
    private final String issuer;

    ForumLogins(Pseudonyms pseudonyms, PseudonymEnvelopes envelopes, AuthorizationCodes codes,
                @ConfigProperty(name = "heteronym.public-url") String issuer) {
        this.pseudonyms = pseudonyms;
        this.envelopes = envelopes;
        this.codes = codes;
        this.issuer = issuer;
    }

    /**
     * @param consented the member has just answered the consent page with "allow" for this very request
     */
    public Uni<LoginOutcome> authorize(AuthorizationRequest request, Forum forum, LoginMember member,
                                       boolean consented) {
        String name = forum.definition().name();
        if (!member.active()) {
            return refused(request, name, "Your account is suspended, so no forum can sign you in. Your account "
                    + "page says why and how to lift it.");
        }
        if (!forum.definition().allows(member.profession())) {
            return refused(request, name, name + " admits only " + admitted(forum) + ".");
        }
        Pseudonym pseudonym = pseudonyms.pseudonym(member.id(), forum.clientId());
        if (consented) {
            // almost always a first login; ensure finds the row of a member who consents again (prompt=consent)
            return envelopes.ensure(forum.clientId(), pseudonym.subject(), v -> pseudonyms.handle(pseudonym, v),
                    member.sealedIdentity()).chain(row -> issue(request, forum, member, pseudonym, row.handleVariant));
        }
        boolean askAgain = request.prompt().contains("consent");
        return envelopes.handleVariant(forum.clientId(), pseudonym.subject()).chain(variant -> {
            if (variant.isPresent() && !askAgain) {
                return issue(request, forum, member, pseudonym, variant.get());
            }
            if (request.prompt().contains("none")) {
                throw new AuthorizationError("consent_required", "the member has not consented to this forum");
            }
            return Uni.createFrom().item(new LoginOutcome.ConsentNeeded(name, request.scopes().contains("profile"),
                    request.scopes().contains("email"), forum.definition().releaseProfession()
                    ? Optional.of(member.profession().label()) : Optional.empty()));
        });
    }

    /** The member said no: back to the forum with {@code access_denied}. */
    public LoginOutcome declined(AuthorizationRequest request) {
        return new LoginOutcome.Redirect(AuthorizationResponses.error(request.redirectUri(),
                AuthorizationError.accessDenied("the member declined"), request.state(), issuer));
    }

    /** A redirectable error for this request. */
    public LoginOutcome error(AuthorizationRequest request, AuthorizationError error) {
        return new LoginOutcome.Redirect(AuthorizationResponses.error(request.redirectUri(), error, request.state(),
                issuer));
    }

    private Uni<LoginOutcome> issue(AuthorizationRequest request, Forum forum, LoginMember member,
                                    Pseudonym pseudonym, int handleVariant) {
        ReleasedClaims claims = ReleasedClaims.of(pseudonyms.identity(pseudonym, handleVariant), request.scopes(),
                forum.definition().releaseProfession(), member.profession());
        CodeGrant grant = new CodeGrant(forum.clientId(), request.redirectUri(), request.codeChallenge(),
                request.nonce().orElse(null), pseudonym.subject(), request.scope(), json(claims));
        return codes.issue(grant).map(code -> new LoginOutcome.Redirect(
                AuthorizationResponses.code(request.redirectUri(), code, request.state(), issuer)));
    }

    private Uni<LoginOutcome> refused(AuthorizationRequest request, String forumName, String reason) {
        // the forum learns only access_denied: a reason would tell it the member is suspended, or their profession
        return Uni.createFrom().item(new LoginOutcome.Refused(forumName, reason, AuthorizationResponses.error(
                request.redirectUri(), AuthorizationError.accessDenied("the member may not log in to this forum"),
                request.state(), issuer)));
    }

    private static String admitted(Forum forum) {
        return Arrays.stream(Profession.values()).filter(forum.definition()::allows)
                .map(p -> p.label() + "s").collect(Collectors.joining(" and "));
    }

    private static String json(ReleasedClaims claims) {
        try {
            return JSON.writeValueAsString(claims.toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
