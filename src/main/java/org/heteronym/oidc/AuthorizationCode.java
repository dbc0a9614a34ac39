package org.heteronym.oidc;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An issued authorization code, known by its hash. */
@Entity
@Table(name = "authorization_code")
public class AuthorizationCode extends PanacheEntityBase {
    @Id
    @Column(name = "code_hash")
    public byte[] codeHash;
    @Column(name = "client_id", nullable = false)
    public String clientId;
    @Column(name = "redirect_uri", nullable = false)
    public String redirectUri;
    @Column(name = "code_challenge", nullable = false)
    public String codeChallenge;
    public String nonce;
    @Column(nullable = false)
    public String pseudonym;
    @Column(nullable = false)
    public String scope;
    @Column(nullable = false)
    public String claims;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(nullable = false)
    public boolean redeemed;
    /** The access token the redemption issued (its {@code jti}), revoked if the code is presented again. */
    @Column(name = "token_id")
    public String tokenId;
    @Column(name = "token_expires_at")
    public Instant tokenExpiresAt;
}
